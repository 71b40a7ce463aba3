/**
 * The figures of a criminal fact description that decide which clause of an offense applies:
 * amounts of money and what they are (value taken, damage, profit, or a compensation or penalty
 * that does not count), drug kinds and quantities, injury percentages, deaths, ages, alcohol.
 */
import { foldDiacritics } from '../../text/fold.js';
import { cue, type CueHit, type FactText } from './fact-text.js';

/** The drug groups the BLHS thresholds are written for (Điều 248–252). */
export type DrugClass = 'group1' | 'resin' | 'plant' | 'poppyDry' | 'poppyFresh' | 'otherSolid' | 'otherLiquid';

/** A figure with where the description states it. */
export interface Located {
  start: number;
  end: number;
  /** The words of the description that state it. */
  text: string;
}

/** What an amount of money is in the description. `compensation` and `penalty` never decide a clause. */
export type MoneyRole = 'value' | 'damage' | 'profit' | 'compensation' | 'penalty';

export interface MoneyFigure extends Located {
  amount: number;
  role: MoneyRole;
  /** Stated as a total (`tổng cộng`, `tổng giá trị`). */
  total: boolean;
}

export interface DrugFigure extends Located {
  /** The drug as named (`Heroine`, `ma tuý đá`). */
  drug: string;
  class: DrugClass;
  /** Grams (solids) or millilitres (liquids). */
  quantity: number;
  unit: 'g' | 'ml';
}

export interface FactFigures {
  money: MoneyFigure[];
  drugs: DrugFigure[];
  /** Injury percentages, one per injured person as stated. */
  injuries: (Located & { percent: number })[];
  deaths?: Located & { count: number };
  defendantAge?: Located & { years: number };
  victimAges: (Located & { years: number })[];
  /** People a description counts (`03 người`, `05 người bạn`), the most it states. */
  persons?: Located & { count: number };
  /** Alcohol in breath or blood above zero. */
  alcohol?: Located;
}

const NUMBER_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10, mot: 1, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

/** `28.000.000` → 28000000, `0,85` → 0.85, `hai` → 2. */
export function parseNumber(s: string): number {
  const w = NUMBER_WORDS[s.toLowerCase()];
  if (w !== undefined) return w;
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) return Number(s.replace(/\./g, ''));
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

const SENTENCE_BREAK = /[.;\n](?!\d)/;

/** The text of the sentence before `at`, at most `n` characters. */
function before(t: FactText, at: number, n = 70): string {
  const s = t.text.slice(Math.max(0, at - n), at);
  const parts = s.split(SENTENCE_BREAK);
  return parts[parts.length - 1]!;
}

const MONEY = cue(String.raw`(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?:(triệu|tỷ|nghìn|ngàn)(?:\s*đồng)?|(?:đồng|vnđ|đ)(?![\p{L}\d]))`);
const SCALE: Record<string, number> = { triệu: 1e6, trieu: 1e6, tỷ: 1e9, ty: 1e9, nghìn: 1e3, nghin: 1e3, ngàn: 1e3, ngan: 1e3 };
const COMPENSATION_CONTEXT = cue(String.raw`(?:bồi\s+thường|khắc\s+phục|nộp\s+lại|nộp\s+đủ|đã\s+nộp|trả\s+lại|hoàn\s+trả|chuộc\s+lại|đã\s+trả|cấp\s+dưỡng|mai\s+táng)`);
const PENALTY_CONTEXT = cue(String.raw`(?:phạt\s+tiền|hình\s+phạt\s+tiền|đề\s+nghị)`);
const DAMAGE_CONTEXT = cue(String.raw`thiệt\s+hại`);
const PROFIT_CONTEXT = cue(String.raw`(?:thu\s+lợi|tiền\s+hồ)`);
const TOTAL_CONTEXT = cue(String.raw`tổng`);

function readMoney(t: FactText): MoneyFigure[] {
  return t.all(MONEY).map((h) => {
    const scale = h.groups[1] ? (SCALE[h.groups[1].toLowerCase()] ?? 1) : 1;
    const amount = parseNumber(h.groups[0]!) * scale;
    const ctx = before(t, h.start);
    const has = (c: typeof MONEY) => new RegExp((t.folded ? c.folded : c.accented).source, 'iu').test(ctx);
    const role: MoneyRole = has(COMPENSATION_CONTEXT) ? 'compensation' : has(PENALTY_CONTEXT) ? 'penalty' : has(PROFIT_CONTEXT) ? 'profit' : has(DAMAGE_CONTEXT) ? 'damage' : 'value';
    return { amount, role, total: has(TOTAL_CONTEXT), start: h.start, end: h.end, text: h.text };
  });
}

/** The amount a clause's value threshold is compared with: a stated total, else the largest amount taken or damaged. */
export function mainAmount(f: FactFigures, role: 'value' | 'profit' = 'value'): MoneyFigure | undefined {
  const counted = f.money.filter((m) => (role === 'profit' ? m.role === 'profit' : m.role === 'value' || m.role === 'damage'));
  const totals = counted.filter((m) => m.total);
  const pool = totals.length > 0 ? totals : counted;
  return pool.reduce<MoneyFigure | undefined>((best, m) => (!best || m.amount > best.amount ? m : best), undefined);
}

// Longest names first: `nhựa cần sa` before `cần sa`.
const DRUG_NAMES: [DrugClass, string][] = [
  ['poppyDry', String.raw`quả\s+thuốc\s+phiện\s+khô`],
  ['poppyFresh', String.raw`quả\s+thuốc\s+phiện\s+tươi`],
  ['resin', String.raw`nhựa\s+thuốc\s+phiện|nhựa\s+cần\s+sa|cao\s+côca|thuốc\s+phiện`],
  ['plant', String.raw`(?:lá|rễ|thân|cành|hoa|quả|cây|bông)\s+(?:cây\s+)?cần\s+sa|cần\s+sa\s+khô|lá\s+(?:cây\s+)?côca`],
  ['group1', String.raw`h[eê]-?r[oô]-?in(?:e)?|côcain(?:e)?|cocain(?:e)?|methamphetamin(?:e)?|ma\s+tuý\s+đá|hồng\s+phiến|amphetamin(?:e)?|mdma|thuốc\s+lắc`],
  ['otherSolid', String.raw`ketamin(?:e)?|ma\s+tuý\s+tổng\s+hợp|cỏ\s+mỹ`],
];
const DRUG = cue(DRUG_NAMES.map(([cls, re]) => `(?<${cls}>${re})`).join('|'));
const QUANTITY = cue(String.raw`(\d+(?:[.,]\d+)?)\s*(gam|gram|g|kilôgam|kilogam|kg|mililít|ml)(?![\p{L}\d])`);

function readDrugs(t: FactText): DrugFigure[] {
  const re = t.folded ? DRUG.folded : DRUG.accented;
  re.lastIndex = 0;
  const names = [...t.text.matchAll(re)].map((m) => {
    const cls = (Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? 'otherSolid') as DrugClass;
    return { cls, start: m.index, end: m.index + m[0].length, text: m[0] };
  });
  if (names.length === 0) return [];
  const out: DrugFigure[] = [];
  for (const q of t.all(QUANTITY)) {
    // The drug named nearest to the quantity, in the same sentence.
    const sameSentence = names.filter((n) => !SENTENCE_BREAK.test(t.text.slice(Math.min(n.end, q.start), Math.max(n.start, q.end))));
    const near = sameSentence.sort((a, b) => distance(a, q) - distance(b, q))[0];
    if (!near || distance(near, q) > 90) continue;
    const unit = q.groups[1]!.toLowerCase();
    const kg = /^(?:kg|kil)/.test(unit);
    const ml = /^m(?:l|ili)/.test(unit);
    out.push({
      drug: near.text,
      class: ml && near.cls === 'otherSolid' ? 'otherLiquid' : near.cls,
      quantity: parseNumber(q.groups[0]!) * (kg ? 1000 : 1),
      unit: ml ? 'ml' : 'g',
      start: q.start,
      end: q.end,
      text: t.text.slice(Math.min(q.start, near.start), Math.max(q.end, near.end)),
    });
  }
  return out;
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}

/** `Hêrôin`, `heroine`, `hê-rô-in` → `heroin`: one drug however it is spelled. */
function drugKey(d: DrugFigure): string {
  return `${d.class}:${foldDiacritics(d.drug).toLowerCase().replace(/[^a-z]/g, '').replace(/e$/, '')}`;
}

/** Per drug, the quantity that counts: the largest stated (a total repeats the parts). */
export function drugTotals(f: FactFigures): DrugFigure[] {
  const by = new Map<string, DrugFigure>();
  for (const d of f.drugs) {
    const k = drugKey(d);
    if (!by.has(k) || by.get(k)!.quantity < d.quantity) by.set(k, d);
  }
  return [...by.values()];
}

const INJURY_SENTENCE = cue(String.raw`tổn\s+thương|thương\s+tật|tổn\s+hại\s+(?:cho\s+)?sức\s+khoẻ`);
const PERCENT = cue(String.raw`(\d{1,3}(?:[.,]\d+)?)\s*%`);

function readInjuries(t: FactText): FactFigures['injuries'] {
  const out: FactFigures['injuries'] = [];
  for (const p of t.all(PERCENT)) {
    const sentenceStart = Math.max(t.text.lastIndexOf('.', p.start - 1), t.text.lastIndexOf(';', p.start - 1), 0);
    const sentence = t.text.slice(sentenceStart, p.start);
    if (!new RegExp((t.folded ? INJURY_SENTENCE.folded : INJURY_SENTENCE.accented).source, 'iu').test(sentence)) continue;
    out.push({ percent: parseNumber(p.groups[0]!), start: p.start, end: p.end, text: t.around(p.start, p.end, 100) });
  }
  return out;
}

const DEATH = cue(String.raw`tử\s+vong|(?<!\p{L})chết(?!\s+người)`);
const DEATH_COUNT = cue(String.raw`(?:làm\s+)?(?:cả\s+)?(0?\d|hai|ba|bốn)\s+người(?:\s+\p{L}+){0,2}\s*$`);
const DEATH_AFTER = cue(String.raw`^\s+(0?\d|hai|ba|bốn)\s+người`);
const PERSON = cue(String.raw`(?<!\p{L})(?:anh|chị|ông|bà|cụ|cháu|em)\s+\p{Lu}`);

function readDeaths(t: FactText): FactFigures['deaths'] {
  let best: FactFigures['deaths'];
  for (const d of t.all(DEATH)) {
    const ctx = before(t, d.start, 90);
    const numbered = new RegExp((t.folded ? DEATH_COUNT.folded : DEATH_COUNT.accented).source, 'iu').exec(ctx);
    // `làm anh C và chị D tử vong`: the people named between `làm` and the death.
    const named = /làm\s+(.*)$/iu.exec(ctx)?.[1] ?? '';
    const people = [...named.matchAll(new RegExp((t.folded ? PERSON.folded : PERSON.accented).source, 'gu'))].length;
    const after = new RegExp((t.folded ? DEATH_AFTER.folded : DEATH_AFTER.accented).source, 'iu').exec(t.text.slice(d.end, d.end + 20));
    const count = after ? parseNumber(after[1]!) : numbered ? parseNumber(numbered[1]!) : Math.max(1, people);
    if (!best || count > best.count) best = { count, start: d.start, end: d.end, text: t.around(d.start, d.end, 120) };
  }
  return best;
}

const DEFENDANT_AGE = cue(String.raw`khi\s+phạm\s+tội\s+(\d{1,2})\s+tuổi|(?:bị\s+cáo|bị\s+can)\s+[^,.()]{2,40},?\s*sinh\s+năm\s+\d{4}\s*\((\d{1,2})\s+tuổi`);
const VICTIM_AGE = cue(String.raw`(?<!\p{L})(?:em|cháu|cụ|bé)\s+\p{Lu}[^.()]{0,40}?(?:\([^)]*?|mới\s+)(\d{1,2})\s+tuổi`);

function readAges(t: FactText): Pick<FactFigures, 'defendantAge' | 'victimAges'> {
  const d = t.first(DEFENDANT_AGE);
  const years = d ? Number(d.groups[0] ?? d.groups[1]) : undefined;
  return {
    ...(d && years !== undefined ? { defendantAge: { years, start: d.start, end: d.end, text: d.text } } : {}),
    victimAges: t.all(VICTIM_AGE).map((h) => ({ years: Number(h.groups[0]), start: h.start, end: h.end, text: h.text })),
  };
}

const PERSONS = cue(String.raw`(?<![\p{L}\d/.,])(0?\d{1,2}|hai|ba|bốn|năm|sáu|mười)\s+(?:người|khách|bị\s+hại|con\s+nghiện)(?!\s+(?:đàn|con\s+trai))`);

function readPersons(t: FactText, injuries: number): FactFigures['persons'] {
  let best: FactFigures['persons'];
  for (const h of t.all(PERSONS)) {
    const count = parseNumber(h.groups[0]!);
    if (Number.isFinite(count) && count >= 2 && count < 100 && (!best || count > best.count)) best = { count, start: h.start, end: h.end, text: h.text };
  }
  if (injuries >= 2 && (!best || injuries > best.count)) return { count: injuries, start: 0, end: 0, text: `${injuries} người bị thương` };
  return best;
}

const ALCOHOL = cue(String.raw`nồng\s+độ\s+cồn[^.;]{0,80}?(\d+(?:[.,]\d+)?)\s*(?:miligam|mg)|say\s+rượu`);

function readAlcohol(t: FactText): Located | undefined {
  const h = t.first(ALCOHOL);
  if (!h) return undefined;
  if (h.groups[0] !== undefined && parseNumber(h.groups[0]) <= 0) return undefined;
  return { start: h.start, end: h.end, text: h.text };
}

/** Reads every figure of a description (see the module comment). */
export function readFigures(t: FactText): FactFigures {
  const injuries = readInjuries(t);
  const deaths = readDeaths(t);
  const persons = readPersons(t, injuries.length);
  const alcohol = readAlcohol(t);
  return {
    money: readMoney(t),
    drugs: readDrugs(t),
    injuries,
    ...(deaths ? { deaths } : {}),
    ...readAges(t),
    ...(persons ? { persons } : {}),
    ...(alcohol ? { alcohol } : {}),
  };
}

export type { CueHit };
