import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The `<name>.meta.json` sidecar fields we use; unknown fields are kept out. */
export const sidecarSchema = z.object({
  ten_van_ban: z.string().optional(),
  so_hieu_van_ban: z.string().optional(),
  loai_van_ban: z.string().optional(),
  linhvuc: z.string().optional(),
  noi_ban_hanh: z.string().optional(),
  nguoi_ky: z.string().optional(),
  ngay_ban_hanh: z.string().optional(),
  ngay_hieu_luc: z.string().optional(),
  ngay_het_hieu_luc: z.string().optional(),
  tinh_trang: z.string().optional(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;

/** Reads a sidecar if present: `undefined` when absent, an Error message when it is malformed. */
export async function readSidecar(p: string): Promise<{ sidecar?: Sidecar; raw?: string; error?: string }> {
  let raw: string;
  try {
    raw = await readFile(p, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return { raw, error: `invalid sidecar ${p}: ${parsed.error.issues[0]?.message ?? 'bad fields'}` };
    return { sidecar: parsed.data, raw };
  } catch (e) {
    return { raw, error: `invalid sidecar JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
