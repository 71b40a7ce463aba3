/** A number with its unit as a provision states it (`15 ngày`, `đủ 18 tuổi`, `5%`, `200 triệu đồng`). */
export interface Quantity {
  /** Value in the family's base unit (days, months, hours, years of age, percent, đồng, the counted noun; a date as YYYYMMDD). */
  value: number;
  /** What can be compared with what: `days`, `working_days`, `months`, `hours`, `age`, `percent`, `vnd`, `degree`, `m2`, `ha`, `km`, `m`, `date`, or `count:<noun>`. */
  family: string;
  /** `max` (không quá, tối đa, dưới, chưa đủ), `min` (ít nhất, tối thiểu, từ đủ, trên, đủ), or none. */
  bound?: 'max' | 'min';
  /** The span as written, offsets into the analysed text. */
  text: string;
  start: number;
  end: number;
}

const DIGITS = String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`;
const UNITS: [RegExp, string, number][] = [
  [/^ngày làm việc/u, 'working_days', 1],
  [/^ngày/u, 'days', 1],
  [/^tuần/u, 'days', 7],
  [/^tháng/u, 'months', 1],
  [/^năm/u, 'months', 12],
  [/^giờ/u, 'hours', 1],
  [/^phút/u, 'hours', 1 / 60],
  [/^tuổi/u, 'age', 1],
  [/^(?:%|phần trăm)/u, 'percent', 1],
  [/^tỷ đồng/u, 'vnd', 1e9],
  [/^triệu đồng/u, 'vnd', 1e6],
  [/^nghìn đồng|^ngàn đồng/u, 'vnd', 1e3],
  [/^đồng/u, 'vnd', 1],
  [/^độ/u, 'degree', 1],
  [/^(?:m2|m²|mét vuông)/u, 'm2', 1],
  [/^(?:ha|héc[- ]?ta)(?![\p{L}])/u, 'ha', 1],
  [/^(?:km|ki-lô-mét)(?![\p{L}])/u, 'km', 1],
  [/^(?:m|mét)(?![\p{L}\d²])/u, 'm', 1],
];

// Vietnamese numerals a draft may spell out (`mười lăm ngày`); legal texts mostly write digits.
const ONES: Record<string, number> = { không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };
const WORD_NUMBER_RE = /(?<![\p{L}])((?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?:\s+(?:trăm|mươi|mười|linh|lẻ|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))*)(?![\p{L}])/giu;

/** `mười lăm` → 15, `hai mươi` → 20, `ba trăm` → 300; undefined when the words are not a numeral. */
export function parseVietnameseNumber(words: string): number | undefined {
  const w = words.toLowerCase().split(/\s+/u);
  let total = 0;
  let cur = 0;
  let seen = false;
  for (let i = 0; i < w.length; i++) {
    const t = w[i]!;
    if (t === 'mười') cur += 10;
    else if (t === 'mươi') cur = (cur || 1) * 10;
    else if (t === 'trăm') {
      total += (cur || 1) * 100;
      cur = 0;
    } else if (t === 'linh' || t === 'lẻ') continue;
    else if (t in ONES) cur += ONES[t]!;
    else return undefined;
    seen = true;
  }
  return seen ? total + cur : undefined;
}

const toNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

function boundBefore(text: string, at: number): 'max' | 'min' | undefined {
  const before = text.slice(Math.max(0, at - 24), at).toLowerCase();
  if (/(?:không quá|tối đa|dưới|chưa đủ|chậm nhất là|không vượt quá|tới|đến)\s*$/u.test(before)) return 'max';
  if (/(?:ít nhất|tối thiểu|từ đủ|trên|đủ|không dưới|từ|sớm nhất là)\s*$/u.test(before)) return 'min';
  return undefined;
}

/**
 * Numbers with units in a provision. Dates (`ngày 01 tháng 7 năm 2024`, `năm 2015`) and article
 * numbers are not quantities. In a range (`từ đủ 16 tuổi đến 30 tuổi`, `từ 15 đến 30 ngày`) each
 * end is a quantity; an end written without its unit takes the other end's.
 */
export function findQuantities(text: string): Quantity[] {
  const lower = text.toLowerCase();
  const out: Quantity[] = [];
  // Dates (`ngày 01 tháng 7 năm 2024`, `01/7/2024`): a deadline or a transition date is normative content too.
  for (const m of text.matchAll(/ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})|(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/giu)) {
    const [d, mo, y] = m[1] ? [m[1], m[2]!, m[3]!] : [m[4]!, m[5]!, m[6]!];
    out.push({ value: Number(y) * 10000 + Number(mo) * 100 + Number(d), family: 'date', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  const inDate = (i: number) => out.some((q) => q.family === 'date' && i >= q.start && i < q.end);
  const numbers: { value: number; start: number; end: number }[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d./])(?:${DIGITS})(?![\\d/])`, 'gu'))) numbers.push({ value: toNumber(m[0]), start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(WORD_NUMBER_RE)) {
    const v = parseVietnameseNumber(m[1]!);
    // `năm` alone is the word for year; a spelt-out numeral needs a unit right after it.
    if (v !== undefined && !(m[1]!.toLowerCase() === 'năm' || m[1]!.toLowerCase() === 'một')) numbers.push({ value: v, start: m.index, end: m.index + m[1]!.length });
  }
  numbers.sort((a, b) => a.start - b.start);
  let pendingRange: { value: number; start: number; end: number; bound?: 'max' | 'min' } | undefined;
  for (const n of numbers) {
    if (inDate(n.start)) continue;
    const before = lower.slice(Math.max(0, n.start - 12), n.start);
    // `Điều 5`, `khoản 2`, `điểm a`, `ngày 15 tháng`, `tháng 7`, `năm 2024`, `số 58/2010`: positions and dates, not quantities;
    // nor the rest of a list of them (`các khoản 1, 2, 4 và 5 Điều này`).
    if (/(?:điều|khoản|điểm|mục|chương|phần|số|tháng|ngày|năm|lần thứ|thứ|phụ lục|nhóm|hạng|loại|cấp|bậc|quý|khóa|khoá)\s*$/u.test(before)) continue;
    if (/(?:điều|khoản|điểm|mục)\s+(?:[\da-zđ]+\s*(?:,|và|hoặc)\s*)+$/u.test(lower.slice(Math.max(0, n.start - 40), n.start))) continue;
    const after = lower.slice(n.end).replace(/^\s*\([^)]{1,40}\)/u, '').trimStart();
    const offset = lower.length - lower.slice(n.end).length;
    const unit = UNITS.find(([re]) => re.test(after));
    const bound = boundBefore(text, n.start);
    if (!unit) {
      // `từ 15 đến 30 ngày`: remember the first end until the second gives the unit.
      if (/(?:^|\s)(?:từ|từ đủ)\s*$/u.test(before) && /^\s*(?:đến|tới|-)\s/u.test(lower.slice(n.end))) pendingRange = { ...n, ...(bound ? { bound } : {}) };
      else {
        // `03 người`, `05 thành viên`: counts of a noun are compared with counts of the same noun.
        const noun = /^([\p{L}]+(?:\s+[\p{L}]+)?)/u.exec(after)?.[1];
        if (noun && n.value < 10000 && !/^(?:tháng|năm|của|và|hoặc|đến|tại|theo|trở)/u.test(noun)) out.push({ value: n.value, family: `count:${noun.split(/\s+/u)[0]}`, ...(bound ? { bound } : {}), text: text.slice(n.start, n.end), start: n.start, end: n.end });
      }
      continue;
    }
    const [, family, scale] = unit;
    // `năm 2015`, `2024 năm`: a year, not a duration.
    if (family === 'months' && scale === 12 && n.value >= 1900) continue;
    const unitText = (UNITS.find(([re]) => re === unit[0])![0].exec(after) ?? [''])[0];
    const unitStart = n.end + (text.slice(n.end).length - text.slice(n.end).trimStart().length);
    if (pendingRange) {
      out.push({ value: pendingRange.value * scale, family, ...(pendingRange.bound ? { bound: pendingRange.bound } : {}), text: text.slice(pendingRange.start, pendingRange.end), start: pendingRange.start, end: pendingRange.end });
      pendingRange = undefined;
    }
    void offset;
    out.push({ value: n.value * scale, family, ...(bound ? { bound } : {}), text: text.slice(n.start, unitStart + unitText.length), start: n.start, end: unitStart + unitText.length });
  }
  return out.sort((a, b) => a.start - b.start);
}
