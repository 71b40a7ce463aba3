/**
 * Reads the conditions a clause or point of an offense article sets, from its own text: value
 * thresholds (`trị giá từ 2.000.000 đồng đến dưới 50.000.000 đồng`), drug kinds and quantities,
 * injury percentages, deaths, victims' ages, people involved, references to other points
 * (`nhưng thuộc một trong các trường hợp quy định tại các điểm a, b, c và d khoản 1`), and the
 * qualitative circumstances of {@link CIRCUMSTANCES}.
 */
import { normalizeToneMarks } from '../../text/tone-marks.js';
import { circumstancesIn, type CircumstanceId } from './circumstances.js';
import { parseNumber, type DrugClass } from './fact-figures.js';

export type Condition =
  | { kind: 'money'; role: 'value' | 'profit'; min: number; max?: number }
  | { kind: 'drug'; classes: DrugClass[]; min: number; max?: number; unit: 'g' | 'ml' }
  | { kind: 'drugMix' }
  | { kind: 'injury'; min: number; max?: number; persons: number; total: boolean }
  | { kind: 'deaths'; min: number }
  | { kind: 'persons'; min: number }
  | { kind: 'victimAge'; from: number; below: number }
  | { kind: 'refers'; clause: string; points: string[] };

/**
 * What one stem or point requires: every numeric condition, and one of the circumstances when it
 * names any. A text with alternatives (`Làm chết 01 người hoặc gây thương tích … 61% trở lên`) has several.
 */
export interface Requirement {
  all: Condition[];
  anyOf: CircumstanceId[];
}

const re = (source: string, flags = 'giu') => new RegExp(normalizeToneMarks(source), flags);

const MONEY_RANGE = re(String.raw`(?:từ\s+)?([\d.]+)\s*đồng(?:\s+đến\s+(?:dưới\s+)?([\d.]+)\s*đồng|(\s+trở\s+lên))`);
const PROFIT_BEFORE = re(String.raw`thu\s+lợi\s+bất\s+chính\s*(?:từ\s*)?$`, 'iu');
const DRUG_RANGE = re(String.raw`có\s+(?:khối\s+lượng|thể\s+tích)\s+(?:từ\s+)?([\d,]+)\s*(gam|kilôgam|mililít)(?:\s+đến\s+dưới\s+([\d,]+)\s*(gam|kilôgam|mililít)|(\s+trở\s+lên))`);
const INJURY = re(String.raw`tỷ\s+lệ\s+tổn\s+thương\s+cơ\s+thể\s+(?:của\s+(?:mỗi\s+)?(?:người|những\s+người\s+này)\s+)?(?:từ\s+)?(\d+)%(?:\s+đến\s+(\d+)%|(\s+trở\s+lên))?`);
const INJURY_PERSONS = re(String.raw`(?:cho|của)\s+(\d+)\s+người(\s+trở\s+lên)?[^%]*$`, 'iu');
const DEATHS = re(String.raw`(?:làm\s+chết|giết)\s+(\d+)\s+người|(?:làm\s+chết\s+người|dẫn\s+đến\s+chết\s+người|làm\s+nạn\s+nhân\s+chết|gây\s+chết\s+người)`);
const PERSONS = re(String.raw`(?:cho|với|đối\s+với)\s+(\d+)\s+(?:người|chiếu\s+bạc)[^,;.]{0,20}?\s+trở\s+lên`);
const VICTIM_RANGE = re(String.raw`người\s+từ\s+đủ\s+(\d+)\s+tuổi\s+đến\s+dưới\s+(\d+)\s+tuổi`);
const REFERS = re(String.raw`thuộc\s+(?:một\s+trong\s+)?các\s+trường\s+hợp\s+quy\s+định\s+tại\s+(?:một\s+trong\s+)?(?:các\s+)?điểm\s+([a-zđ,\s]+?(?:và\s+[a-zđ])?)\s+khoản\s+(\d+)`);
const DRUG_MIX = re(String.raw`có\s+02\s+chất\s+ma\s+tuý\s+trở\s+lên`, 'iu');
// The penalty half of a stem (`thì bị phạt tiền từ 20.000.000 đồng …`) sets no condition.
const PENALTY_PART = re(String.raw`,?\s*thì\s+(?:bị\s+)?phạt[\s\S]*$|,?\s*thì\s+bị[\s\S]*$`, 'iu');
const ALTERNATIVE = re(String.raw`\s+hoặc\s+(?=(?:gây|làm\s+chết|dưới\s+\d|cho\s+\d|đã\s+bị))`, 'iu');

function drugClasses(names: string): DrugClass[] {
  const n = names.toLowerCase();
  const out: DrugClass[] = [];
  if (/hêrôin|côcain|methamphetamin|amphetamin|mdma/u.test(n)) out.push('group1');
  if (/nhựa thuốc phiện|nhựa cần sa|cao cô ?ca/u.test(n)) out.push('resin');
  if (/cây cần sa|lá cây côca/u.test(n)) out.push('plant');
  if (/quả thuốc phiện khô/u.test(n)) out.push('poppyDry');
  if (/quả thuốc phiện tươi/u.test(n)) out.push('poppyFresh');
  if (/thể rắn/u.test(n)) out.push('otherSolid');
  if (/thể lỏng/u.test(n)) out.push('otherLiquid');
  return out;
}

const toBase = (v: string, unit: string | undefined) => parseNumber(v) * (unit && /kilô/iu.test(unit) ? 1000 : 1);

function numericConditions(text: string): Condition[] {
  const out: Condition[] = [];
  if (DRUG_MIX.test(text)) out.push({ kind: 'drugMix' });
  else {
    for (const m of text.matchAll(DRUG_RANGE)) {
      const classes = drugClasses(text.slice(0, m.index));
      if (classes.length === 0) continue;
      out.push({ kind: 'drug', classes, min: toBase(m[1]!, m[2]), ...(m[3] ? { max: toBase(m[3], m[4]) } : {}), unit: /mili/iu.test(m[2]!) ? 'ml' : 'g' });
    }
  }
  if (!out.some((c) => c.kind === 'drug')) {
    for (const m of text.matchAll(MONEY_RANGE)) {
      const role = PROFIT_BEFORE.test(text.slice(0, m.index)) ? 'profit' : 'value';
      out.push({ kind: 'money', role, min: parseNumber(m[1]!), ...(m[2] ? { max: parseNumber(m[2]) } : {}) });
      break; // the first range is the one this text sets; a second is a variant of it
    }
  }
  for (const m of text.matchAll(INJURY)) {
    const persons = INJURY_PERSONS.exec(text.slice(0, m.index));
    out.push({ kind: 'injury', min: Number(m[1]), ...(m[2] ? { max: Number(m[2]) } : {}), persons: persons ? Number(persons[1]) : 1, total: /tổng\s+tỷ\s+lệ/iu.test(text.slice(0, m.index)) });
    break;
  }
  const d = DEATHS.exec(text);
  DEATHS.lastIndex = 0;
  if (d) out.push({ kind: 'deaths', min: d[1] ? Number(d[1]) : 1 });
  const p = PERSONS.exec(text);
  PERSONS.lastIndex = 0;
  if (p && !/tỷ lệ/iu.test(text)) out.push({ kind: 'persons', min: Number(p[1]) });
  const v = VICTIM_RANGE.exec(text);
  VICTIM_RANGE.lastIndex = 0;
  if (v && !/^người\s+nào\s+đủ/iu.test(text.slice(Math.max(0, v.index - 20), v.index))) out.push({ kind: 'victimAge', from: Number(v[1]), below: Number(v[2]) });
  const r = REFERS.exec(text);
  REFERS.lastIndex = 0;
  if (r) out.push({ kind: 'refers', clause: r[2]!, points: r[1]!.split(/[,\s]+|và/u).map((x) => x.trim()).filter((x) => /^[a-zđ]$/u.test(x)) });
  return out;
}

/** The requirements of a stem or point text, one per alternative. */
export function requirementsOf(text: string, stem: boolean): Requirement[] {
  let body = stem ? text.replace(PENALTY_PART, '') : text;
  // A stem's `hoặc dưới 2.000.000 đồng nhưng thuộc một trong các trường hợp sau đây` is its points' business.
  if (stem) body = body.replace(/\s+hoặc\s+dưới\s+[\s\S]*$/iu, '');
  // `nếu không thuộc trường hợp quy định tại …` excludes other provisions; it sets no condition here.
  body = body.replace(/,?\s*nếu\s+không\s+thuộc[^;:]*/giu, '');
  return body
    .split(ALTERNATIVE)
    .map((alt) => ({ all: numericConditions(alt), anyOf: circumstancesIn(alt) }))
    .filter((r) => r.all.length > 0 || r.anyOf.length > 0);
}

/** The longest prison term a stem allows, in years (life 30, death 40); fines and non-custodial sentences below 1. */
export function maxPenaltyYears(stem: string): number {
  if (/tử hình/iu.test(stem)) return 40;
  if (/tù chung thân/iu.test(stem)) return 30;
  const years = [...stem.matchAll(/(\d+)\s+năm/giu)].map((m) => Number(m[1]));
  const months = [...stem.matchAll(/phạt tù[^.;:]*?(\d+)\s+tháng(?![^.;:]*năm)/giu)].map((m) => Number(m[1]) / 12);
  const tù = /phạt tù|tù từ|tù \d/iu.test(stem);
  if (!tù) return /cải tạo không giam giữ/iu.test(stem) ? 0.9 : 0.5;
  return Math.max(0, ...years, ...months);
}
