import type { DocumentStatus } from '../types/legal-document.js';

/** Converts `27/11/2015`, `27-11-2015` or `ngày 27 tháng 11 năm 2015` to `2015-11-27`. */
export function toIsoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  let m = s.match(/(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/);
  if (!m) m = s.match(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Maps the Vietnamese validity text to a status. */
export function toStatus(s: string | undefined): DocumentStatus {
  if (!s) return 'unknown';
  const t = s.toLowerCase();
  if (t.includes('hết hiệu lực một phần')) return 'partly_expired';
  if (t.includes('hết hiệu lực')) return 'expired';
  if (t.includes('chưa có hiệu lực')) return 'not_yet_in_force';
  if (t.includes('còn hiệu lực') || t.includes('có hiệu lực')) return 'in_force';
  return 'unknown';
}

const DOC_TYPES = ['Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị quyết', 'Nghị định', 'Thông tư liên tịch', 'Thông tư', 'Quyết định', 'Chỉ thị', 'Công văn'];

/** The document type a title starts with (`Bộ luật hình sự 2015` → `Bộ luật`). */
export function docTypeFromTitle(title: string): string | undefined {
  const t = title.trim().toLowerCase();
  return DOC_TYPES.find((d) => t.startsWith(d.toLowerCase()));
}

export interface HeaderMeta {
  number?: string;
  issuer?: string;
  issuedDate?: string;
  docType?: string;
}

// Official numbers: 100/2015/QH13, 48/2022/NĐ-CP, 964/QĐ-TTg, 13/2017/DS-ST.
export const DOCUMENT_NUMBER_RE = /\b\d{1,4}\/(?:\d{4}\/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*\b/u;

/** Reads the official header (issuer, `Số:`, place and date, type line) from the first lines of a text. */
export function parseOfficialHeader(text: string): HeaderMeta {
  const head = text.slice(0, 1500);
  const meta: HeaderMeta = {};
  const num = head.match(/Số\s*:?\s*(\d{1,4}\/[^\s,;]+)/u);
  if (num) meta.number = num[1]!.replace(/[.]$/, '');
  const date = head.match(/ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/iu);
  if (date) meta.issuedDate = toIsoDate(date[0]);
  const first = head.split('\n').map((l) => l.trim()).find((l) => l.length > 0);
  if (first && first === first.toUpperCase() && /\p{L}/u.test(first) && !first.startsWith('CỘNG')) {
    meta.issuer = first.charAt(0) + first.slice(1).toLowerCase();
  }
  const typeLine = head.match(/^(HIẾN PHÁP|BỘ LUẬT|LUẬT|PHÁP LỆNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|THÔNG TƯ|QUYẾT ĐỊNH|CHỈ THỊ)\s*$/mu);
  if (typeLine) meta.docType = docTypeFromTitle(typeLine[1]!.charAt(0) + typeLine[1]!.slice(1).toLowerCase());
  return meta;
}
