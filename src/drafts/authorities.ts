import { foldDiacritics } from '../text/fold.js';

/** A body or office that decides, issues or approves (`Chủ tịch Ủy ban nhân dân cấp xã`, `Bộ trưởng Bộ Công an`). */
export interface Authority {
  /** Comparable form: lower case, no diacritics, abbreviations expanded. */
  key: string;
  text: string;
  start: number;
  end: number;
}

// The ministries and ministry-level bodies laws name; a reviewed list (names as the corpus writes them).
const MINISTRIES = [
  'Công an', 'Quốc phòng', 'Tư pháp', 'Tài chính', 'Y tế', 'Ngoại giao', 'Nội vụ', 'Xây dựng', 'Công Thương', 'Giao thông vận tải',
  'Tài nguyên và Môi trường', 'Nông nghiệp và Phát triển nông thôn', 'Nông nghiệp và Môi trường', 'Giáo dục và Đào tạo',
  'Lao động - Thương binh và Xã hội', 'Văn hóa, Thể thao và Du lịch', 'Văn hoá, Thể thao và Du lịch', 'Thông tin và Truyền thông',
  'Khoa học và Công nghệ', 'Kế hoạch và Đầu tư', 'Dân tộc và Tôn giáo',
];
const MINISTRY = `Bộ\\s+(?:${MINISTRIES.map((m) => m.replace(/[-\s]+/g, '\\s*[-–]?\\s*')).join('|')})`;
const LEVEL = String.raw`(?:\s+(?:cấp\s+(?:tỉnh|huyện|xã|trung ương)|tối cao|quân sự trung ương|quân sự cấp quân khu|quân sự khu vực|nơi[\p{L}\s]{0,40}?(?=[,.;]|$)))?`;
const PATTERNS = [
  String.raw`Chủ tịch\s+(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân${LEVEL}`,
  String.raw`Chủ tịch\s+UBND${LEVEL}`,
  String.raw`(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân${LEVEL}`,
  String.raw`UBND${LEVEL}`,
  String.raw`Hội\s+đồng\s+nhân\s+dân${LEVEL}`,
  String.raw`Thủ\s+tướng\s+Chính\s+phủ`,
  String.raw`(?<!Thủ\s+tướng\s+)Chính\s+phủ`,
  `Bộ\\s+trưởng\\s+${MINISTRY}`,
  `Thứ\\s+trưởng\\s+${MINISTRY}`,
  MINISTRY,
  String.raw`Bộ\s+trưởng,\s+Thủ\s+trưởng\s+cơ\s+quan\s+ngang\s+bộ`,
  String.raw`Thủ\s+trưởng\s+cơ\s+quan[\p{L}\s,]{0,60}?(?=\s+(?:có\s+thẩm\s+quyền|quyết\s+định|cấp|ban\s+hành|phê\s+duyệt|chịu|có|thực\s+hiện|xem\s+xét)|[,.;]|$)`,
  String.raw`Chánh\s+án\s+(?:Tòa|Toà)\s+án\s+nhân\s+dân${LEVEL}`,
  String.raw`(?:Tòa|Toà)\s+án\s+nhân\s+dân${LEVEL}`,
  String.raw`Viện\s+trưởng\s+Viện\s+kiểm\s+sát\s+nhân\s+dân${LEVEL}`,
  String.raw`Viện\s+kiểm\s+sát\s+nhân\s+dân${LEVEL}`,
  String.raw`Giám\s+đốc\s+Sở\s+[\p{Lu}][\p{L}\s,]{0,40}?(?=\s+(?:có|quyết|cấp|ban|phê|chịu|thực)|[,.;]|$)`,
  String.raw`Ủy\s+ban\s+thường\s+vụ\s+Quốc\s+hội|Uỷ\s+ban\s+thường\s+vụ\s+Quốc\s+hội`,
  String.raw`(?<!thường\s+vụ\s+)Quốc\s+hội`,
  String.raw`Chủ\s+tịch\s+nước`,
  String.raw`Ngân\s+hàng\s+Nhà\s+nước(?:\s+Việt\s+Nam)?`,
  String.raw`Thống\s+đốc\s+Ngân\s+hàng\s+Nhà\s+nước(?:\s+Việt\s+Nam)?`,
];
const AUTHORITY_RE = new RegExp(PATTERNS.map((p) => `(?:${p})`).join('|'), 'gu');

/** The comparable key of an authority's name: `UBND` and `Ủy ban nhân dân` are one. */
export function authorityKey(name: string): string {
  return foldDiacritics(name.normalize('NFC'))
    .toLowerCase()
    .replace(/\bubnd\b/g, 'uy ban nhan dan')
    .replace(/[-–,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Authorities a provision names, longest match first at each position. */
export function findAuthorities(text: string): Authority[] {
  const out: Authority[] = [];
  for (const m of text.matchAll(AUTHORITY_RE)) {
    const t = m[0].trim();
    if (!t) continue;
    out.push({ key: authorityKey(t), text: t, start: m.index, end: m.index + t.length });
  }
  return out;
}
