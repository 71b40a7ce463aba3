/** Header facts of a judgment: its number, date, case type, level and `V/v` subject. */

export type JudgmentLevel = 'sơ thẩm' | 'phúc thẩm' | 'giám đốc thẩm' | 'tái thẩm';

// `13/2017/DS-ST`, `02/ 2017/DS - S T`, `36/2018/DS – ST`, `04/2016/AL`.
const NUMBER = String.raw`(\d{1,5})[^\S\n]*\/[^\S\n]*(\d{4})[^\S\n]*\/[^\S\n]*([A-ZĐ](?:[A-ZĐ]|[^\S\n]*[-–][^\S\n]*(?=[A-ZĐ])|[^\S\n](?=[A-ZĐ]{1,4}(?!\p{L})))*)`;
const NUMBER_LINE_RE = new RegExp(String.raw`(?:^|\n)[^\S\n]*(?:Bản[^\S\n]+án|BẢN[^\S\n]+ÁN)?[^\n\d]{0,6}?(?:số|Số|SỐ|sog)?[^\S\n]*:?[^\S\n]*${NUMBER}`, 'gu');
const ANY_NUMBER_RE = new RegExp(NUMBER, 'gu');

function cleanNumber(n: string, year: string, suffix: string): string {
  return `${n}/${year}/${suffix.replace(/[^\S\n]+/g, '').replace(/–/g, '-')}`;
}

// A judgment's own number ends in the level (ST, PT, GĐT, TT); case files (TLST) and procedural
// decisions (QĐXX…) that the header also cites do not count.
function isJudgmentSuffix(suffix: string): boolean {
  const s = suffix.replace(/[\s–-]+/g, '');
  return !/^TL/.test(s) && !/QĐ/.test(s) && /(ST|PT|GĐT|TT|DS|KDTM|HNGĐ|LĐ|HC|HS)/.test(s);
}

interface NumberHit {
  number: string;
  end: number;
}

export function findNumber(text: string, bodyStart: number): NumberHit | undefined {
  for (const m of text.slice(bodyStart).matchAll(NUMBER_LINE_RE)) {
    const line = m[0];
    // Only lines that are the header's number line: `Bản án số:`, `Số:`, `Bản án:` or the garbled `sog:`.
    if (!/(Bản[^\S\n]+án|BẢN[^\S\n]+ÁN|^\s*(Số|SỐ)(?!\p{L}))/u.test(line) && !/(?<!\p{L})sog(?!\p{L})/u.test(line)) continue;
    if (!isJudgmentSuffix(m[3]!)) continue;
    return { number: cleanNumber(m[1]!, m[2]!, m[3]!), end: bodyStart + m.index + line.length };
  }
  for (const m of text.slice(bodyStart).matchAll(ANY_NUMBER_RE)) {
    if (!isJudgmentSuffix(m[3]!)) continue;
    const before = text.slice(Math.max(0, bodyStart + m.index - 40), bodyStart + m.index);
    // A number cited as the first-instance judgment under appeal is not this judgment's.
    if (/(sơ thẩm|thụ lý|Quyết định)[^\n]*$/iu.test(before)) continue;
    return { number: cleanNumber(m[1]!, m[2]!, m[3]!), end: bodyStart + m.index + m[0].length };
  }
  return undefined;
}

export const DATE_RE = /(\d{1,2})[^\S\n]*(?:[/.\-–][^\S\n]*(\d{1,2})[^\S\n]*[/.\-–][^\S\n]*|[^\S\n]+tháng[^\S\n]+(\d{1,2})[^\S\n]+năm[^\S\n]+)(\d{4})/iu;

export function isoDate(m: RegExpMatchArray): string | undefined {
  const day = Number(m[1]);
  const month = Number(m[2] ?? m[3]);
  const year = Number(m[4]);
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1945 || year > 2100) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The `Ngày …` line just under the number; else the hearing date (`Ngày 22/9/2017, tại trụ sở…`). */
export function findDate(text: string, bodyStart: number, numberEnd: number | undefined): string | undefined {
  if (numberEnd !== undefined) {
    const after = text.slice(numberEnd, numberEnd + 200);
    const m = /^[^\S\n]*Ngày[^\S\n]*:?[^\S\n]*([^\n]*)/imu.exec(after);
    const d = m ? DATE_RE.exec(m[1]!) : null;
    const iso = d ? isoDate(d) : undefined;
    if (iso) return iso;
  }
  const hearing = /(?:^|\n)[^\S\n]*(?:Trong[^\S\n]+)?(?:các[^\S\n]+)?ngày[^\S\n]*([^\n]{0,60})/giu;
  for (const m of text.slice(bodyStart).matchAll(hearing)) {
    const d = DATE_RE.exec(m[1]!);
    const iso = d ? isoDate(d) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

const CASE_TYPES: [RegExp, string][] = [
  [/HNGĐ|HN-GĐ|HNGD/u, 'hôn nhân và gia đình'],
  [/KDTM|KD-TM/u, 'kinh doanh thương mại'],
  [/LĐ|(?<![A-Z])LD(?![A-Z])/u, 'lao động'],
  [/HC/u, 'hành chính'],
  [/HS/u, 'hình sự'],
  [/DS/u, 'dân sự'],
];

const TEXT_CASE_TYPE_RE = /vụ[^\S\n]+án[^\S\n]+(dân[^\S\n]+sự|hôn[^\S\n]+nhân[^\S\n]+và[^\S\n]+gia[^\S\n]+đình|kinh[^\S\n]+doanh,?[^\S\n]+thương[^\S\n]+mại|lao[^\S\n]+động|hành[^\S\n]+chính|hình[^\S\n]+sự)/iu;

export function findCaseType(number: string | undefined, text: string): string | undefined {
  const suffix = number?.split('/')[2] ?? '';
  for (const [re, type] of CASE_TYPES) if (re.test(suffix)) return type;
  const m = TEXT_CASE_TYPE_RE.exec(text);
  return m ? m[1]!.toLowerCase().replace(/[^\S\n]+/g, ' ').replace(',', '') : undefined;
}

export function findLevel(number: string | undefined, text: string): JudgmentLevel | undefined {
  const suffix = (number?.split('/')[2] ?? '').replace(/-/g, '');
  if (/GĐT/u.test(suffix)) return 'giám đốc thẩm';
  if (/PT/.test(suffix)) return 'phúc thẩm';
  if (/ST/.test(suffix)) return 'sơ thẩm';
  if (/TT/.test(suffix)) return 'tái thẩm';
  const m = /(giám[^\S\n]+đốc[^\S\n]+thẩm|phúc[^\S\n]+thẩm|tái[^\S\n]+thẩm|sơ[^\S\n]+thẩm)/iu.exec(text);
  return m ? (m[1]!.toLowerCase().replace(/[^\S\n]+/g, ' ') as JudgmentLevel) : undefined;
}

const SUBJECT_STOP_RE = /^(?:NHÂN\s+DANH|CỘNG\s+HO|Độc\s+lập|T(?:OÀ|ÒA)\s+ÁN|\d{1,3}$)/iu;

/** The `V/v …` subject, which PDF layout often wraps over several short lines. */
export function findSubject(text: string, bodyStart: number): string | undefined {
  const lines = text.slice(bodyStart, bodyStart + 4000).split('\n');
  const first = lines.findIndex((l) => /^[^\S\n(“"]*[(“"]*V\/v\b/u.test(l));
  if (first < 0) return undefined;
  const parts = [lines[first]!.replace(/^.*?V\/v[^\S\n]*:?/u, '')];
  for (const line of lines.slice(first + 1, first + 6)) {
    const l = line.trim();
    // A wrapped subject goes on in short lines with no label of their own, until it closes.
    if (!l || SUBJECT_STOP_RE.test(l) || l.includes(':') || /^(?:\d+[.)/]|[-*+•])/u.test(l) || l.length > 60) break;
    if (/[”".]\s*$/u.test(parts[parts.length - 1]!)) break;
    parts.push(l);
  }
  const subject = parts.join(' ').replace(/\s+/g, ' ').replace(/^[\s“"]+|[\s”".;)]+$/g, '').trim();
  return subject || undefined;
}
