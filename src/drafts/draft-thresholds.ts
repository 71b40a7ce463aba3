import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DraftThresholds } from './decide-findings.js';

/** Where `npm run bench -- --only drafts` writes the thresholds it fits on the whole benchmark. */
export const THRESHOLDS_FILE = new URL('./draft-thresholds.json', import.meta.url);

/** Used only when no fitted file is present. */
const BUILT_IN: DraftThresholds = { conflict: 0.55, duplicate: 0.8, margin: 0.1 };

const schema = z.object({ conflict: z.number().min(0).max(1), duplicate: z.number().min(0).max(1), margin: z.number().min(0).max(1) });

/** The fitted thresholds when the file is present and valid, else the built-in ones. */
export function loadDraftThresholds(): DraftThresholds {
  if (!existsSync(THRESHOLDS_FILE)) return BUILT_IN;
  const parsed = schema.safeParse((JSON.parse(readFileSync(THRESHOLDS_FILE, 'utf8')) as { thresholds?: unknown }).thresholds);
  return parsed.success ? parsed.data : BUILT_IN;
}
