/** What a provision makes of an act: an obligation, a permission, a prohibition, or no obligation. */
export type ModalKind = 'obligation' | 'permission' | 'prohibition' | 'no_obligation';

export interface Modal {
  kind: ModalKind;
  text: string;
  start: number;
  end: number;
}

// Longest first, so `không được` is read before `được` and `nghiêm cấm` before `cấm`.
// `được` alone is left out: it is as often the passive (`được quy định`) as a permission.
const MARKERS: [string, ModalKind][] = [
  ['không được phép', 'prohibition'],
  ['không được', 'prohibition'],
  ['không có quyền', 'prohibition'],
  ['nghiêm cấm', 'prohibition'],
  ['bị cấm', 'prohibition'],
  ['cấm', 'prohibition'],
  ['không bắt buộc', 'no_obligation'],
  ['không phải', 'no_obligation'],
  ['không có nghĩa vụ', 'no_obligation'],
  ['không có trách nhiệm', 'no_obligation'],
  ['có nghĩa vụ', 'obligation'],
  ['có trách nhiệm', 'obligation'],
  ['bắt buộc', 'obligation'],
  ['phải', 'obligation'],
  ['được phép', 'permission'],
  ['được quyền', 'permission'],
  ['có quyền', 'permission'],
  ['có thể', 'permission'],
  ['cho phép', 'permission'],
];
const MARKER_RE = new RegExp(`(?<![\\p{L}])(${MARKERS.map(([m]) => m).join('|')})(?![\\p{L}])`, 'giu');
const KIND = new Map(MARKERS);
// `được` as a permission: after a subject, before an act; not the passive before a past participle-like verb.
const PERMISSION_DUOC_RE = /(?<![\p{L}])được(?=\s+(?:hưởng|làm|tham gia|cấp|giao kết|sử dụng|thực hiện|yêu cầu|đề nghị|khiếu nại|tố cáo|khởi kiện|nhận|lựa chọn|tự|bảo đảm|đăng ký|hoạt động|kinh doanh|xuất|nhập|chuyển|thành lập|đơn phương|nghỉ|từ chối|miễn|giảm|ưu tiên|tiếp cận|sở hữu|cho thuê|bán|mua|vay|thuê|kết hôn|nhận nuôi))/giu;

/** The modal markers of a provision, in order. `không phải là` (is not) is not a modality. */
export function findModals(text: string): Modal[] {
  const out: Modal[] = [];
  for (const m of text.matchAll(MARKER_RE)) {
    const word = m[1]!.toLowerCase();
    if (word === 'không phải' && /^\s+là(?![\p{L}])/u.test(text.slice(m.index + m[0].length))) continue;
    if (word === 'phải' && /(?:không|chẳng)\s+$/u.test(text.slice(Math.max(0, m.index - 8), m.index).toLowerCase())) continue;
    out.push({ kind: KIND.get(word)!, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(PERMISSION_DUOC_RE)) {
    if (/(?:không|chưa|chỉ|mới)\s+$/u.test(text.slice(Math.max(0, m.index - 8), m.index).toLowerCase())) continue;
    if (out.some((o) => m.index >= o.start && m.index < o.end)) continue;
    out.push({ kind: 'permission', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Negative modalities (prohibition, no obligation) count against positive ones: a flip changes the balance. */
export function modalCounts(modals: Modal[]): Record<ModalKind, number> {
  const c: Record<ModalKind, number> = { obligation: 0, permission: 0, prohibition: 0, no_obligation: 0 };
  for (const m of modals) c[m.kind]++;
  return c;
}
