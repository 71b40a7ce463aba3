import { normalizeVietnamese } from '../text/normalize.js';

/** One provision of a Pháp điển page, as training text. */
export interface PhapdienProvision {
  /** Pháp điển number (`2.2.LQ.1`) when the heading has one: the same provision recurs across pages. */
  id?: string;
  /** Its `Điều …` heading line (empty for a page without provisions). */
  heading: string;
  text: string;
  /** From a page's truncated digest (heading and first ~200 characters), not its full text. */
  digest: boolean;
}

/** A provision heading: `Điều 2.2.NĐ.1.3. Phạm vi …` (Pháp điển numbering) or `Điều 5. …`. */
const HEADING_RE = /^Điều\s+(\d+[\p{L}\d.]*?)\.\s+\S/u;
const PHAPDIEN_ID_RE = /^\d+\.\d+\.\p{L}+\.[\d.]+$/u;
/** The digest at the end of topic pages repeats their provisions, cut at ~200 characters. */
const DIGEST_RE = /^##\s+Danh sách điều khoản/iu;
/** Cross-reference lists name other provisions' titles (they would blend unrelated topics); often glued to a line's end. */
const CROSS_REF_RE = /\(Điều này có nội dung liên quan.*$/u;
/** Chapter and section captions (`Chương I`, `NHỮNG QUY ĐỊNH CHUNG`) belong to no provision. */
const CAPTION_RE = /^(Phần|Chương|Mục)\s+[IVXLCD\d]+\b/u;
/** Text outside any provision shorter than this is boilerplate or a stub ("Chưa có toàn văn"). */
const MIN_LOOSE_CHARS = 200;
/** A few provisions are whole tables of figures; their tail adds cost, not meaning. */
const MAX_PROVISION_CHARS = 12_000;

/**
 * Splits one Markdown page of the Pháp điển dump into provisions. Front matter, metadata tables,
 * Markdown headings, chapter captions and cross-reference lists are dropped; the digest's entries
 * are returned flagged, so the caller can keep only those whose full text it never saw. Text is
 * normalised like the corpus (NFC, one tone-mark placement).
 */
export function provisionsOfPage(markdown: string): PhapdienProvision[] {
  const lines = markdown.normalize('NFC').split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') i = lines.findIndex((l, j) => j > 0 && l.trim() === '---') + 1;
  const out: PhapdienProvision[] = [];
  let heading = '';
  let id: string | undefined;
  let digest = false;
  let body: string[] = [];
  const flush = () => {
    const text = body.join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_PROVISION_CHARS);
    if (heading || text.length >= MIN_LOOSE_CHARS) {
      out.push({ ...(id ? { id } : {}), heading: normalizeVietnamese(digest ? heading.replace(/\uFFFD/g, '').replace(/\s*\.\.\.$/, '') : heading), text: normalizeVietnamese(text), digest });
    }
    body = [];
    heading = '';
    id = undefined;
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!.replace(CROSS_REF_RE, '').trim();
    if (DIGEST_RE.test(line)) {
      flush();
      digest = true;
      continue;
    }
    if (!line || line.startsWith('|') || line.startsWith('#') || line === '---') continue;
    if (CAPTION_RE.test(line) || (line === line.toUpperCase() && /\p{Lu}/u.test(line))) continue;
    const m = HEADING_RE.exec(line);
    if (m) {
      flush();
      const num = m[1]!;
      if (PHAPDIEN_ID_RE.test(num)) id = num;
      // A digest entry is one line: the title and the start of the body run together.
      heading = line;
      continue;
    }
    if (digest && !heading) continue;
    body.push(line);
  }
  flush();
  return out;
}
