import { classifyCaseType } from './case-type.js';

// Roles of a lawsuit, and words of a dispute's subject; counted on the NFC text, case-insensitively.
const ROLE_RE = /nguyên\s+đơn|bị\s+đơn|khởi\s+kiện|người\s+bị\s+kiện|(?<!\p{L})kiện(?!\p{L})/giu;
const DISPUTE_RE = /tranh\s+chấp|yêu\s+cầu|(?<!\p{L})đòi(?!\p{L})|(?<!\p{L})buộc(?!\p{L})|bồi\s+thường|hợp\s+đồng|thừa\s+kế|di\s+sản|(?<!\p{L})vay(?!\p{L})|thế\s+chấp|quyền\s+sử\s+dụng\s+đất/giu;
// A concrete party (`ông Nguyễn Văn T`, `bà H`, `Công ty …`): abstract questions about procedure name none.
const PARTY_RE = /(?<!\p{L})(?:ông|bà|anh|chị|cụ|vợ\s+chồng)\s+\p{Lu}|(?<!\p{L})(?:Công\s+ty|Ngân\s+hàng|UBND|Doanh\s+nghiệp)(?!\p{L})/u;
// A named person as an indictment writes one (`Nguyễn Văn T`, `Lò Văn Th`, `Giàng A S`), or the accused as such.
const ACCUSED_RE = /(?<!\p{L})(?:bị\s+cáo|bị\s+can)(?!\p{L})|(?<!\p{L})\p{Lu}\p{Ll}*\s+(?:\p{Lu}\p{Ll}*\s+){0,2}\p{Lu}\p{Ll}?(?!\p{L})/u;

/** Minimum length of a fact pattern: a dispute is described in a few sentences, not one line. */
const MIN_CHARS = 150;

/**
 * True when a message describes a concrete case as a judge would: a civil dispute (`Nguyên đơn ông
 * A khởi kiện bà B về tranh chấp hợp đồng vay …`: a party, a lawsuit role and what is disputed) or
 * a criminal one (`Nguyễn Văn T lén lút lấy trộm … trị giá 28.000.000 đồng … Viện kiểm sát đề nghị …`:
 * a named accused and the words of a prosecution). Questions about what a law says, even long ones,
 * are not claimed.
 */
export function isFactPattern(text: string): boolean {
  const t = text.normalize('NFC');
  if (t.length < MIN_CHARS) return false;
  if (PARTY_RE.test(t)) {
    const roles = t.match(ROLE_RE)?.length ?? 0;
    const disputes = t.match(DISPUTE_RE)?.length ?? 0;
    if (roles >= 1 && roles + disputes >= 3) return true;
  }
  if (!ACCUSED_RE.test(t)) return false;
  // The words of a criminal case: a prosecution (bị cáo, truy tố, tội X…) or several offense words.
  return classifyCaseType(t).family === 'criminal';
}
