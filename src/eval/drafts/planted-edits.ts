import { findAuthorities } from '../../drafts/authorities.js';
import { findExceptions } from '../../drafts/exceptions.js';
import { findModals } from '../../drafts/modality.js';
import { findQuantities, type Quantity } from '../../drafts/quantities.js';

/** An edited sentence and what was changed; undefined when the edit does not apply. */
export interface Edit {
  text: string;
  edit: string;
}

type Rng = () => number;
const pick = <T>(xs: readonly T[], rng: Rng): T => xs[Math.floor(rng() * xs.length)]!;

/** The number written in a quantity (`01` in `01 năm`), with its offsets. */
function digitsOf(q: Quantity): { value: number; text: string; start: number; end: number } | undefined {
  const m = /^\d{1,3}(?:\.\d{3})*(?:,\d+)?|^\d+/.exec(q.text);
  if (!m) return undefined;
  return { value: Number(m[0].replace(/\./g, '').replace(',', '.')), text: m[0], start: q.start, end: q.start + m[0].length };
}

/** A different, plausible value for a figure: deadlines double or halve, ages move by two, rates double. */
function changedValue(family: string, v: number, rng: Rng): number {
  if (family === 'age') return pick(v >= 18 ? [v - 2, v + 2, v === 18 ? 16 : v - 3] : [v + 2, v + 3, v === 16 ? 18 : v + 1], rng);
  if (family === 'percent') return v >= 50 ? Math.max(1, Math.round(v / 2)) : v * 2;
  if (family === 'days' || family === 'working_days' || family === 'hours') return v === 1 ? 3 : pick(v <= 45 ? [v * 2, Math.max(1, Math.round(v / 2))] : [Math.round(v / 2), v + 30], rng);
  if (family === 'months') return v === 1 ? 2 : pick([v * 2, v + 1], rng);
  return v * 2;
}

const pad = (n: number, like: string) => (/^0\d/.test(like) ? String(n).padStart(like.length, '0') : String(n));

/** Changes one figure with a unit (15 → 30 ngày, 18 → 16 tuổi, 5% → 10%). */
export function changeNumber(text: string, rng: Rng): Edit | undefined {
  const qs = findQuantities(text).filter((q) => !q.family.startsWith('count:') && digitsOf(q));
  if (qs.length === 0) return undefined;
  const q = pick(qs, rng);
  const d = digitsOf(q)!;
  if (d.text.includes('.') || d.text.includes(',')) {
    // 200.000.000 đồng → 400.000.000 đồng: keep the thousands separators.
    const nv = d.value * 2;
    const s = nv.toLocaleString('de-DE');
    return { text: text.slice(0, d.start) + s + text.slice(d.end), edit: `${q.text} → ${s}${q.text.slice(d.text.length)}` };
  }
  const nv = changedValue(q.family, d.value, rng);
  if (nv === d.value || nv <= 0) return undefined;
  const s = pad(nv, d.text);
  // The new figure must not already be stated for the same kind of quantity, or the change says nothing new.
  if (findQuantities(text).some((x) => x.family === q.family && digitsOf(x)?.value === nv)) return undefined;
  return { text: text.slice(0, d.start) + s + text.slice(d.end), edit: `${q.text} → ${s}${q.text.slice(d.text.length)}` };
}

const FLIPS: [RegExp, string][] = [
  [/^không được phép$/iu, 'được phép'],
  [/^không được$/iu, 'được'],
  [/^nghiêm cấm$/iu, 'cho phép'],
  [/^cấm$/iu, 'cho phép'],
  [/^phải$/iu, 'không phải'],
  [/^có quyền$/iu, 'không có quyền'],
  [/^có trách nhiệm$/iu, 'không có trách nhiệm'],
  [/^có nghĩa vụ$/iu, 'không có nghĩa vụ'],
  [/^được$/iu, 'không được'],
];

/** Flips one modal word (phải → không phải, không được → được, có quyền → không có quyền). */
export function flipModality(text: string, rng: Rng): Edit | undefined {
  const ms = findModals(text).filter((m) => FLIPS.some(([re]) => re.test(m.text)));
  if (ms.length === 0) return undefined;
  const m = pick(ms, rng);
  const to = FLIPS.find(([re]) => re.test(m.text))![1];
  const cased = /^\p{Lu}/u.test(m.text) ? to.charAt(0).toUpperCase() + to.slice(1) : to;
  return { text: text.slice(0, m.start) + cased + text.slice(m.end), edit: `${m.text} → ${cased}` };
}

const LEVELS = ['cấp tỉnh', 'cấp huyện', 'cấp xã'];
const MINISTERS = ['Bộ trưởng Bộ Công an', 'Bộ trưởng Bộ Tài chính', 'Bộ trưởng Bộ Tư pháp', 'Bộ trưởng Bộ Y tế', 'Bộ trưởng Bộ Xây dựng', 'Bộ trưởng Bộ Nội vụ', 'Bộ trưởng Bộ Công Thương'];

/** Another authority of a plausible kind for the one named (cấp tỉnh → cấp xã, one minister → another, Chính phủ → a minister). */
function otherAuthority(name: string, rng: Rng): string | undefined {
  const level = LEVELS.find((l) => name.endsWith(l));
  if (level) return name.slice(0, -level.length) + pick(LEVELS.filter((l) => l !== level), rng);
  if (/^(?:Ủy|Uỷ) ban nhân dân$|^Chủ tịch (?:Ủy|Uỷ) ban nhân dân$/u.test(name)) return `${name} cấp ${pick(['tỉnh', 'xã'], rng)}`;
  if (/^Bộ trưởng Bộ /u.test(name)) return pick(MINISTERS.filter((m) => m !== name), rng);
  if (/^Bộ /u.test(name)) return pick(MINISTERS.filter((m) => m.slice(10) !== name), rng).slice(10);
  if (name === 'Thủ tướng Chính phủ') return pick(['Bộ trưởng Bộ Kế hoạch và Đầu tư', 'Chủ tịch Ủy ban nhân dân cấp tỉnh'], rng);
  if (name === 'Chính phủ') return pick(['Bộ trưởng Bộ Tư pháp', 'Ủy ban nhân dân cấp tỉnh'], rng);
  if (name === 'Quốc hội') return 'Ủy ban thường vụ Quốc hội';
  if (/^Thủ trưởng cơ quan/u.test(name)) return pick(['Chủ tịch Ủy ban nhân dân cấp xã', 'Bộ trưởng Bộ Công an'], rng);
  if (/^(?:Toà|Tòa) án nhân dân$/u.test(name)) return 'Viện kiểm sát nhân dân';
  return undefined;
}

/** Swaps the authority that decides or issues (Chủ tịch UBND cấp tỉnh → cấp xã, Bộ trưởng Bộ Y tế → Bộ trưởng Bộ Công an). */
export function swapAuthority(text: string, rng: Rng): Edit | undefined {
  const as = findAuthorities(text).filter((a) => otherAuthority(a.text, () => 0) !== undefined);
  if (as.length === 0) return undefined;
  const a = pick(as, rng);
  const to = otherAuthority(a.text, rng)!;
  if (findAuthorities(text).some((x) => x.text === to)) return undefined;
  return { text: text.slice(0, a.start) + to + text.slice(a.end), edit: `${a.text} → ${to}` };
}

/** Removes an exception (`…, trừ trường hợp quy định tại khoản 2 Điều này`). */
export function removeException(text: string): Edit | undefined {
  const e = findExceptions(text)[0];
  if (!e || e.text.split(/\s+/u).length < 4) return undefined;
  const start = /,\s*$/u.test(text.slice(0, e.start)) ? text.slice(0, e.start).replace(/,\s*$/u, '').length : e.start;
  const out = (text.slice(0, start).trimEnd() + text.slice(e.end)).replace(/\s+([.;:])/gu, '$1');
  if (out.split(/\s+/u).length < 6) return undefined;
  return { text: out, edit: `bỏ “${e.text}”` };
}

// Rewrites that keep a provision's meaning: synonyms of the legal register, spelt-out figures, unit changes.
const PARAPHRASES: [RegExp, string | ((m: string) => string), string][] = [
  // `phải` as an obligation of a subject, not `cần phải`, `không phải là`, `người phải thi hành án`.
  [/(?<=[\p{L}] )(?<!(?:không|cần|người|bên|chưa|buộc) )phải(?= (?!là)[\p{Ll}])/u, 'có trách nhiệm', 'phải → có trách nhiệm'],
  [/(?<![\p{L}])không được(?! phép)/u, 'không được phép', 'không được → không được phép'],
  [/(?<![\p{L}])có quyền(?![\p{L}])/u, 'được quyền', 'có quyền → được quyền'],
  [/theo quy định của pháp luật/u, 'theo quy định pháp luật', 'bỏ “của”'],
  [/trong thời hạn/u, 'trong vòng', 'trong thời hạn → trong vòng'],
  [/kể từ ngày/u, 'tính từ ngày', 'kể từ → tính từ'],
  [/không quá/u, 'tối đa', 'không quá → tối đa'],
  [/ít nhất/u, 'tối thiểu', 'ít nhất → tối thiểu'],
  [/(?:Ủy|Uỷ) ban nhân dân/u, 'UBND', 'Ủy ban nhân dân → UBND'],
  [/tổ chức, cá nhân/u, 'cá nhân, tổ chức', 'đảo “tổ chức, cá nhân”'],
  [/(?<![\p{L}])01 năm/u, '12 tháng', '01 năm → 12 tháng'],
  [/(?<![\p{L}\d])(15|10|30|20|05|5) ngày/u, (m) => `${({ '15': 'mười lăm', '10': 'mười', '30': 'ba mươi', '20': 'hai mươi', '05': 'năm', '5': 'năm' } as Record<string, string>)[m.split(' ')[0]!]} ngày`, 'số viết bằng chữ'],
  [/(?<![\p{L}])sau đây/u, 'dưới đây', 'sau đây → dưới đây'],
  [/(?<![\p{L}])bao gồm/u, 'gồm', 'bao gồm → gồm'],
  [/(?<![\p{L}])thực hiện(?![\p{L}])/u, 'tiến hành', 'thực hiện → tiến hành'],
  [/(?<![\p{L}])(Bộ luật|Luật) này/u, (m) => m.replace(/ này$/u, ' hiện hành'), 'Luật này → Luật hiện hành'],
  [/^[a-zđ]\)\s+|^\d+\.\s+/u, '', 'bỏ số thứ tự'],
];

/** A faithful paraphrase: two or three meaning-keeping rewrites, or undefined when fewer than two apply. */
export function paraphrase(text: string, rng: Rng): Edit | undefined {
  const applicable = PARAPHRASES.filter(([re]) => re.test(text));
  if (applicable.length < 2) return undefined;
  const chosen = [...applicable].sort(() => rng() - 0.5).slice(0, 2 + Math.floor(rng() * 2));
  let out = text;
  for (const [re, to] of chosen) out = typeof to === 'string' ? out.replace(re, to) : out.replace(re, to);
  out = out.charAt(0).toUpperCase() + out.slice(1);
  return out === text ? undefined : { text: out, edit: chosen.map(([, , d]) => d).join('; ') };
}
