/**
 * Parses a court judgment (bản án) or a precedent (án lệ) from its normalised text (after
 * `normalizeVietnamese`): header facts, parties, sections with offsets, and the outcome.
 * Pure: no I/O. The judgments are PDF extractions, so every pattern tolerates broken lines, page
 * numbers between lines, two-column headers merged into one line, and `TÒA`/`TOÀ`.
 */
import type { Section } from '../types/legal-document.js';

export type JudgmentLevel = 'sơ thẩm' | 'phúc thẩm' | 'giám đốc thẩm' | 'tái thẩm';

export type PartyRole =
  | 'nguyên đơn'
  | 'bị đơn'
  | 'người có quyền lợi, nghĩa vụ liên quan'
  | 'người khởi kiện'
  | 'người bị kiện'
  | 'người yêu cầu'
  | 'người kháng cáo'
  | 'người đại diện'
  | 'người bảo vệ quyền và lợi ích hợp pháp'
  | 'người làm chứng';

export interface Party {
  role: PartyRole;
  name: string;
}

export type JudgmentOutcome =
  | 'chấp nhận toàn bộ yêu cầu khởi kiện'
  | 'chấp nhận một phần'
  | 'không chấp nhận'
  | 'đình chỉ'
  | 'công nhận thoả thuận'
  | 'unknown';

export interface ParsedJudgment {
  kind: 'judgment' | 'precedent';
  docType: 'Bản án' | 'Án lệ';
  /** `Bản án số 13/2017/DS-ST ngày 22/9/2017 của Toà án nhân dân thành phố Lào Cai`. */
  title: string;
  /** As written, spaces removed and dashes unified: `13/2017/DS-ST`, `04/2016/AL`. */
  number?: string;
  court?: string;
  /** ISO date of the judgment (precedents: the day the Council of Judges adopted it). */
  date?: string;
  /** Precedents: the level of the source decision. */
  level?: JudgmentLevel;
  /** `dân sự`, `hôn nhân và gia đình`, `kinh doanh thương mại`, `lao động`, `hành chính`, `hình sự`. */
  caseType?: string;
  /** The dispute's name: the database `case_name:` when present, else the `V/v` subject. */
  caseName?: string;
  /** The `V/v` line under the number (`Tranh chấp về bồi thường thiệt hại ngoài hợp đồng`). */
  subject?: string;
  parties: Party[];
  /** In text order; offsets into the text given to the parser. */
  sections: Section[];
  outcome: JudgmentOutcome;
}

/** Section labels, as the parser reports them. */
export const SECTION = {
  facts: 'NỘI DUNG VỤ ÁN',
  reasoning: 'NHẬN ĐỊNH CỦA TOÀ ÁN',
  decision: 'QUYẾT ĐỊNH',
  source: 'Nguồn án lệ',
  position: 'Vị trí nội dung án lệ',
  summary: 'Khái quát nội dung của án lệ',
  situation: 'Tình huống án lệ',
  solution: 'Giải pháp pháp lý',
  provisions: 'Quy định của pháp luật liên quan đến án lệ',
  keywords: 'Từ khoá của án lệ',
  precedent: 'Nội dung án lệ',
} as const;

// ---- headings ----------------------------------------------------------------------------------

// Between two words of a heading: spaces, or a line break with page-number lines in between.
const SEP = String.raw`(?:[^\S\n]+|[^\S\n]*\n(?:[^\S\n]*\d{1,3}[^\S\n]*\n)*[^\S\n]*)`;
const TOA = String.raw`T(?:OÀ|ÒA|oà|òa)`;

function headingRe(words: string[], trailing: 'line' | 'colon'): RegExp {
  const body = words.join(SEP);
  // `line`: the heading is the whole line; `colon`: content may follow a colon on the same line.
  const end = trailing === 'line' ? String.raw`[^\S\n]*:?[^\S\n]*$` : String.raw`[^\S\n]*(?::|$)`;
  return new RegExp(String.raw`^[^\S\n]*(?:[-–•*+][^\S\n]*|[IVX]+\.[^\S\n]*|\d\.[^\S\n]*)?(${body})${end}`, 'gimu');
}

const FACTS_RE = headingRe(['NỘI', 'DUNG', 'VỤ', '(?:ÁN|VIỆC)'], 'line');
const REASONING_RE = new RegExp(
  `${headingRe(['NHẬN', 'ĐỊNH', 'CỦA', `(?:${TOA}${SEP}ÁN|HỘI${SEP}ĐỒNG${SEP}XÉT${SEP}XỬ)`], 'line').source}|${headingRe(['XÉT', 'THẤY'], 'line').source}`,
  'gimu',
);
const DECISION_RE = headingRe(['QUYẾT', 'ĐỊNH'], 'line');

interface Hit {
  start: number;
  heading: string;
  upper: boolean;
}

function hits(re: RegExp, text: string, from = 0): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    if (m.index < from) continue;
    const h = m[0];
    const letters = h.replace(/[^\p{L}]/gu, '');
    out.push({ start: m.index + (h.length - h.trimStart().length), heading: h, upper: letters === letters.toUpperCase() });
  }
  return out;
}

/** First hit after `from`, preferring an all-capitals heading over a title-case line. */
function firstHeading(re: RegExp, text: string, from: number): Hit | undefined {
  const all = hits(re, text, from);
  return all.find((h) => h.upper) ?? all[0];
}

function closeSections(found: { heading: string; start: number }[], textEnd: number): Section[] {
  const sorted = [...found].sort((a, b) => a.start - b.start);
  return sorted.map((s, i) => ({ heading: s.heading, start: s.start, end: sorted[i + 1]?.start ?? textEnd }));
}

function judgmentSections(text: string, bodyStart: number): Section[] {
  const found: { heading: string; start: number }[] = [];
  const facts = firstHeading(FACTS_RE, text, bodyStart);
  if (facts) found.push({ heading: SECTION.facts, start: facts.start });
  const reasoning = firstHeading(REASONING_RE, text, facts?.start ?? bodyStart);
  if (reasoning) found.push({ heading: SECTION.reasoning, start: reasoning.start });
  const decision = firstHeading(DECISION_RE, text, reasoning?.start ?? facts?.start ?? bodyStart);
  if (decision) found.push({ heading: SECTION.decision, start: decision.start });
  return closeSections(found, text.length);
}

const PRECEDENT_HEADINGS: [string, RegExp][] = [
  [SECTION.source, headingRe(['Nguồn', 'án', 'lệ'], 'colon')],
  [SECTION.position, headingRe(['Vị', 'trí', 'nội', 'dung', 'án', 'lệ'], 'colon')],
  [SECTION.summary, headingRe(['Khái', 'quát', 'nội', 'dung', 'của', 'án', 'lệ'], 'colon')],
  [SECTION.situation, headingRe(['Tình', 'huống', 'án', 'lệ'], 'colon')],
  [SECTION.solution, headingRe(['Giải', 'pháp', 'pháp', 'lý'], 'colon')],
  [SECTION.provisions, headingRe(['Quy', 'định', 'của', 'pháp', 'luật', 'liên', 'quan', 'đến', 'án', 'lệ'], 'colon')],
  [SECTION.keywords, headingRe(['Từ', 'kho(?:á|a)', 'của', 'án', 'lệ'], 'colon')],
  [SECTION.precedent, headingRe(['Nội', 'dung', 'án', 'lệ'], 'colon')],
];

// Sub-sections of the summary: they split it, but the summary still spans both.
const SUMMARY_PARTS = new Set<string>([SECTION.situation, SECTION.solution]);

function precedentSections(text: string, bodyStart: number): Section[] {
  const top: { heading: string; start: number }[] = [];
  const sub: { heading: string; start: number }[] = [];
  for (const [label, re] of PRECEDENT_HEADINGS) {
    const h = hits(re, text, bodyStart)[0];
    if (h) (SUMMARY_PARTS.has(label) ? sub : top).push({ heading: label, start: h.start });
  }
  // The embedded decision has the judgment's own three parts.
  for (const s of judgmentSections(text, bodyStart)) top.push({ heading: s.heading, start: s.start });
  const topSections = closeSections(top, text.length);
  const summary = topSections.find((s) => s.heading === SECTION.summary);
  const subSections = closeSections(sub, summary?.end ?? text.length).map((s) => ({ ...s, end: Math.min(s.end, summary?.end ?? s.end) }));
  return [...topSections, ...subSections].sort((a, b) => a.start - b.start || b.end - a.end);
}

// ---- header facts ------------------------------------------------------------------------------

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

function findNumber(text: string, bodyStart: number): NumberHit | undefined {
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

const DATE_RE = /(\d{1,2})[^\S\n]*(?:[/.\-–][^\S\n]*(\d{1,2})[^\S\n]*[/.\-–][^\S\n]*|[^\S\n]+tháng[^\S\n]+(\d{1,2})[^\S\n]+năm[^\S\n]+)(\d{4})/iu;

function isoDate(m: RegExpMatchArray): string | undefined {
  const day = Number(m[1]);
  const month = Number(m[2] ?? m[3]);
  const year = Number(m[4]);
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1945 || year > 2100) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The `Ngày …` line just under the number; else the hearing date (`Ngày 22/9/2017, tại trụ sở…`). */
function findDate(text: string, bodyStart: number, numberEnd: number | undefined): string | undefined {
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

const UNIT_RE = /^(HUYỆN|QUẬN|THỊ[^\S\n]+XÃ|THÀNH[^\S\n]+PHỐ|TỈNH|TP\.?|TX\.?)(?=[^\S\n]|$)/iu;
// At a line start: the header and the operative part, not `tại trụ sở Toà án nhân dân …` in a sentence.
const COURT_LINE_RE = new RegExp(String.raw`(?:^|\n)[^\S\n]*${TOA}[^\S\n]+ÁN[^\S\n]+NHÂN[^\S\n]+DÂN(?!\p{L})[^\S\n]*([^\n]*)`, 'iu');

function titleCase(word: string): string {
  // Anonymised places (`K`, `CP`, `BC`) have no vowel: leave them as written.
  if (!/[aeiouy]/iu.test(word.normalize('NFD'))) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function formatCourt(rest: string): string | undefined {
  let place = rest.replace(/(?<!\p{L})(CỘNG[^\S\n]+HOÀ|CỘNG[^\S\n]+HÒA|Độc[^\S\n]+lập)(?!\p{L}).*$/iu, '').trim();
  const unit = UNIT_RE.exec(place);
  if (!unit) return undefined;
  let unitName = unit[1]!.toLowerCase().replace(/[^\S\n]+/g, ' ');
  if (unitName.startsWith('tp')) unitName = 'thành phố';
  if (unitName.startsWith('tx')) unitName = 'thị xã';
  place = place.slice(unit[0].length);
  // The court's own unit ends where its province starts (`…, TỈNH LÀO CAI`, `- TỈNH`, `TỈNH` after a district).
  place = place.split(/[,;]|[^\S\n][-–][^\S\n]?|[-–][^\S\n]|-(?=T[ỈI]NH)/u)[0]!;
  if (unitName !== 'tỉnh') place = place.split(/[^\S\n](?=(?:TỈNH|THÀNH[^\S\n]+PHỐ|TP\.)[^\S\n])/iu)[0]!;
  // A place name is capitalised words; a lower-case word is the sentence going on (`… xét xử`).
  const words = place.trim().replace(/[.:]+$/, '').split(/[^\S\n]+/).filter(Boolean);
  const firstLower = words.findIndex((w) => !/^\p{Lu}/u.test(w));
  const name = (firstLower === -1 ? words : words.slice(0, firstLower)).map(titleCase).join(' ');
  return name ? `Toà án nhân dân ${unitName} ${name}` : undefined;
}

/** The court as the operative part names it (`NHÂN DANH … TOÀ ÁN NHÂN DÂN X`), else the header's. */
function findCourt(text: string, bodyStart: number): string | undefined {
  const body = text.slice(bodyStart);
  const nhanDanh = /NHÂN[^\S\n]+DANH/u.exec(body);
  const candidates: number[] = [];
  if (nhanDanh) candidates.push(nhanDanh.index);
  candidates.push(0);
  for (const from of candidates) {
    const slice = body.slice(from, from + 600);
    const m = COURT_LINE_RE.exec(slice);
    if (!m) continue;
    let rest = m[1]!.trim();
    // Two-column headers put the court's unit on the next line (`TOÀ ÁN NHÂN DÂN\nHUYỆN LỘC NINH`).
    if (!UNIT_RE.test(rest.replace(/(?<!\p{L})(CỘNG[^\S\n]+HOÀ|CỘNG[^\S\n]+HÒA)(?!\p{L}).*$/iu, '').trim())) {
      const next = slice.slice(m.index + m[0].length).split('\n').map((l) => l.trim()).filter(Boolean);
      const unitLine = next.slice(0, 4).find((l) => UNIT_RE.test(l));
      rest = unitLine ?? '';
    }
    const court = formatCourt(rest);
    if (court) return court;
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

function findCaseType(number: string | undefined, text: string): string | undefined {
  const suffix = number?.split('/')[2] ?? '';
  for (const [re, type] of CASE_TYPES) if (re.test(suffix)) return type;
  const m = TEXT_CASE_TYPE_RE.exec(text);
  return m ? m[1]!.toLowerCase().replace(/[^\S\n]+/g, ' ').replace(',', '') : undefined;
}

function findLevel(number: string | undefined, text: string): JudgmentLevel | undefined {
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
function findSubject(text: string, bodyStart: number): string | undefined {
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

// ---- parties -----------------------------------------------------------------------------------

const ROLE_PATTERNS: [RegExp, PartyRole][] = [
  [/^nguyên[^\S\n]+đơn/iu, 'nguyên đơn'],
  [/^bị[^\S\n]+đơn/iu, 'bị đơn'],
  [/^người[^\S\n]+(?:có[^\S\n]+quyền[^\S\n]+lợi(?:,|[^\S\n]+và)?[^\S\n]+nghĩa[^\S\n]+vụ[^\S\n]+(?:liên|L)[^\S\n]+quan|liên[^\S\n]+quan)/iu, 'người có quyền lợi, nghĩa vụ liên quan'],
  [/^người[^\S\n]+khởi[^\S\n]+kiện/iu, 'người khởi kiện'],
  [/^người[^\S\n]+bị[^\S\n]+kiện/iu, 'người bị kiện'],
  [/^người[^\S\n]+yêu[^\S\n]+cầu/iu, 'người yêu cầu'],
  [/^người[^\S\n]+kháng[^\S\n]+cáo/iu, 'người kháng cáo'],
  [/^người[^\S\n]+bảo[^\S\n]+vệ[^\S\n]+quyền[^\S\n]+và[^\S\n]+lợi[^\S\n]+ích/iu, 'người bảo vệ quyền và lợi ích hợp pháp'],
  [/^(?:người[^\S\n]+)?đại[^\S\n]+diện[^\S\n]+(?:hợp[^\S\n]+pháp|theo)/iu, 'người đại diện'],
  [/^người[^\S\n]+làm[^\S\n]+chứng/iu, 'người làm chứng'],
];

const HONORIFIC_RE = /^(?:ông|bà|anh|chị|cụ|em|cháu|cô|chú|bác)[^\S\n]+/iu;
const LIST_ITEM_RE = /^(?:\d{1,2}[.)/]|[-–+*•]|[a-zđ]\))[^\S\n]*/u;
const NOT_A_NAME_RE = /^(?:địa[^\S\n]+chỉ|cùng|trú|hktt|nơi|hộ[^\S\n]+khẩu|chỗ|có[^\S\n]+mặt|vắng|\(|ngày|theo|là|gồm|do|tại|trụ[^\S\n]+sở)/iu;

function namesFrom(segment: string): string[] {
  const s = segment.replace(LIST_ITEM_RE, '').trim();
  if (!s || NOT_A_NAME_RE.test(s)) return [];
  const cut = s.split(/[,;(]|[^\S\n][-–][^\S\n]|[-–][^\S\n]|[^\S\n]+(?:sinh[^\S\n]+năm|SN|năm[^\S\n]+sinh|địa[^\S\n]+chỉ|trú[^\S\n]+tại|là[^\S\n]+|có[^\S\n]+mặt|vắng[^\S\n]+mặt)(?!\p{L})/iu)[0]!;
  return cut
    .split(/[^\S\n]+và[^\S\n]+(?=(?:ông|bà|anh|chị|cụ|em|cháu)[^\S\n])/iu)
    .map((n) => n.replace(HONORIFIC_RE, '').replace(/[\s.:–-]+$/u, '').trim())
    .filter((n) => n.length > 0 && n.length <= 80 && /^\p{Lu}/u.test(n));
}

// Representatives and advocates act for a party listed before them; list items that follow them
// still belong to the party role above.
const AGENT_ROLES = new Set<PartyRole>(['người đại diện', 'người bảo vệ quyền và lợi ích hợp pháp']);

/** Parties listed between the header and the facts (`1. Nguyên đơn: Chị Lê Thị T – sinh năm 1987`). */
function findParties(text: string, from: number, to: number): Party[] {
  const out: Party[] = [];
  let current: PartyRole | undefined;
  for (const raw of text.slice(from, to).split('\n')) {
    const line = raw.trim().replace(LIST_ITEM_RE, '');
    const role = ROLE_PATTERNS.find(([re]) => re.test(line));
    if (role) {
      const colon = line.indexOf(':');
      // `Người đại diện hợp pháp của bà H là ông X`: the name follows the last `là`.
      const isIdx = line.search(/[^\S\n]là[^\S\n](?!.*[^\S\n]là[^\S\n])/u);
      const rest = colon >= 0 ? line.slice(colon + 1) : isIdx >= 0 ? line.slice(isIdx + 4) : line.replace(role[0], '').replace(/^[^\S\n]*(?:là|gồm)[^\S\n]+/iu, '');
      for (const name of namesFrom(rest)) out.push({ role: role[1], name });
      if (!AGENT_ROLES.has(role[1])) current = role[1];
      continue;
    }
    if (!current) continue;
    // Follow-on list items under a role (`1. Bà Nguyễn Thị B, sinh năm 1971`); other lines are details.
    if (LIST_ITEM_RE.test(raw.trim()) || HONORIFIC_RE.test(line)) {
      for (const name of namesFrom(line)) if (HONORIFIC_RE.test(line) || /^(?:Công|Ngân|Uỷ|Ủy|UBND|Hợp)/u.test(line)) out.push({ role: current, name });
    }
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = `${p.role}|${p.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Precedents name the parties inline: `giữa nguyên đơn là bà Phạm Thị H với bị đơn là ông Vũ Văn H`. */
function inlineParties(text: string): Party[] {
  const out: Party[] = [];
  const re = /(nguyên[^\S\n]+đơn|bị[^\S\n]+đơn|người[^\S\n]+khởi[^\S\n]+kiện|người[^\S\n]+bị[^\S\n]+kiện)[^\S\n]+(?:là[^\S\n]+)?((?:ông|bà|anh|chị|cụ)[^\S\n]+[^;,\n]+?|(?:Công|Ngân)[^;,\n]+?)(?=[^\S\n]+(?:với|và|;)|[;,.\n]|$)/giu;
  for (const m of text.matchAll(re)) {
    const role = ROLE_PATTERNS.find(([r]) => r.test(m[1]!))?.[1];
    const name = m[2]!.replace(HONORIFIC_RE, '').trim();
    if (role && name) out.push({ role, name });
  }
  return out;
}

// ---- outcome -----------------------------------------------------------------------------------

// Words of a ruling may be split by line breaks.
const _ = String.raw`\s+`;
const rx = (...words: string[]): string => words.join(_);
// A ruling on the defendant's counterclaim or a third party's own claim says nothing of the claim.
const NOT_COUNTERCLAIM = `(?!${_}(?:${rx('độc', 'lập')}|${rx('phản', 'tố')}|${rx('của', 'bị', 'đơn')}|${rx('của', 'người', 'có', 'quyền')}))`;
const OUTCOME_PATTERNS: [RegExp, JudgmentOutcome][] = [
  [new RegExp(rx('chấp', 'nhận', 'một', 'phần'), 'iu'), 'chấp nhận một phần'],
  [new RegExp(`(?:${rx('không', 'chấp', 'nhận')}|bác)${_}(?:${rx('toàn', 'bộ')}${_})?(?:các${_})?${rx('yêu', 'cầu')}${NOT_COUNTERCLAIM}`, 'iu'), 'không chấp nhận'],
  [new RegExp(`(?<!không${_})${rx('chấp', 'nhận')}${_}(?:${rx('toàn', 'bộ')}${_})?(?:các${_})?(?:${rx('yêu', 'cầu')}|${rx('đơn', 'khởi', 'kiện')})`, 'iu'), 'chấp nhận toàn bộ yêu cầu khởi kiện'],
  [new RegExp(`${rx('công', 'nhận')}${_}(?:sự${_})?${rx('thoả', 'thuận')}`, 'iu'), 'công nhận thoả thuận'],
  [new RegExp(`${rx('đình', 'chỉ')}${_}(?:việc${_})?${rx('giải', 'quyết')}${_}(?:${rx('toàn', 'bộ')}${_})?(?:${rx('vụ', 'án')}|${rx('vụ', 'việc')})`, 'iu'), 'đình chỉ'],
];

// Rejecting the defendant's counterclaim or a third party's claim leaves the plaintiff's win whole;
// only a rejection aimed at the claim itself makes it partial.
const PARTLY_REJECTED_RE = new RegExp(
  `(?:${rx('không', 'chấp', 'nhận')}|bác)${_}(?:${rx('một', 'phần')}|phần|(?:các${_})?${rx('yêu', 'cầu', 'khởi', 'kiện')}|${rx('yêu', 'cầu', 'của', 'nguyên', 'đơn')})`,
  'iu',
);

/** The label of the decision's first ruling; an acceptance followed by a rejection is partial. */
function findOutcome(decision: string): JudgmentOutcome {
  // The `Căn cứ …` preamble cites provisions, never rulings, so the whole section can be searched.
  const body = decision;
  let best: { at: number; outcome: JudgmentOutcome; end: number } | undefined;
  for (const [re, outcome] of OUTCOME_PATTERNS) {
    const m = re.exec(body);
    if (m && (!best || m.index < best.at)) best = { at: m.index, outcome, end: m.index + m[0].length };
  }
  if (!best) return 'unknown';
  if (best.outcome === 'chấp nhận toàn bộ yêu cầu khởi kiện') {
    const head = body.slice(best.at, best.end + 20);
    const rest = body.slice(best.end);
    if (!/toàn[ \t\n]+bộ/iu.test(head) && PARTLY_REJECTED_RE.test(rest)) return 'chấp nhận một phần';
  }
  return best.outcome;
}

// ---- entry point -------------------------------------------------------------------------------

const DUMP_HEADER_RE = /^\s*\*+\s*\d+\.\s*row\s*\*+\s*\n/u;
const CASE_NAME_RE = /^[^\S\n]*case_name:[^\S\n]*([^\n]*)/mu;
const BODY_MARK_RE = /^[^\S\n]*judgment_text:[^\S\n]*/mu;
const PRECEDENT_NUMBER_RE = /Án[^\S\n]+lệ[^\S\n]+số[^\S\n]*:?[^\S\n]*(\d{1,3})[^\S\n]*\/[^\S\n]*(\d{4})[^\S\n]*\/[^\S\n]*AL/iu;

function isPrecedent(text: string, bodyStart: number): boolean {
  const head = text.slice(bodyStart, bodyStart + 400);
  return /^\s*ÁN[^\S\n]+LỆ[^\S\n]+SỐ/iu.test(head) || hits(PRECEDENT_HEADINGS[0]![1], text, bodyStart).length > 0;
}

function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function parsePrecedent(text: string, bodyStart: number, caseName: string | undefined): ParsedJudgment {
  const sections = precedentSections(text, bodyStart);
  const numberMatch = PRECEDENT_NUMBER_RE.exec(text.slice(bodyStart));
  const number = numberMatch ? `${numberMatch[1]}/${numberMatch[2]}/AL` : undefined;
  const adopted = /thông[^\S\n]+qua[^\S\n]+ngày[^\S\n]+([^\n]{0,40})/iu.exec(text);
  const dateMatch = adopted ? DATE_RE.exec(adopted[1]!) : null;
  const date = dateMatch ? isoDate(dateMatch) : undefined;
  const about = /^[^\S\n]*Về[^\S\n]+([^\n]+)/mu.exec(text.slice(bodyStart, bodyStart + 600));
  const subject = about ? about[1]!.trim().replace(/^vụ[^\S\n]+án[^\S\n]+/iu, '').replace(/^[“"]|[”"]$/g, '') : undefined;
  const sourceSection = sections.find((s) => s.heading === SECTION.source);
  const sourceText = sourceSection ? text.slice(sourceSection.start, sourceSection.end) : text.slice(bodyStart, bodyStart + 2000);
  const decision = sections.find((s) => s.heading === SECTION.decision);
  const name = caseName ?? subject;
  const title = [`Án lệ${number ? ` số ${number}` : ''}`, about ? `về ${about[1]!.trim().replace(/^Về[^\S\n]+/iu, '')}` : undefined].filter(Boolean).join(' ');
  const caseType = findCaseType(undefined, sourceText);
  const level = findLevel(undefined, sourceText);
  return {
    kind: 'precedent',
    docType: 'Án lệ',
    title,
    ...(number ? { number } : {}),
    court: 'Hội đồng Thẩm phán Toà án nhân dân tối cao',
    ...(date ? { date } : {}),
    ...(level ? { level } : {}),
    ...(caseType ? { caseType } : {}),
    ...(name ? { caseName: name } : {}),
    ...(subject ? { subject } : {}),
    parties: inlineParties(sourceText),
    sections,
    outcome: decision ? findOutcome(text.slice(decision.start, decision.end)) : 'unknown',
  };
}

/** Parses a normalised judgment or precedent text into its header facts, parties, sections and outcome. */
export function parseJudgment(text: string): ParsedJudgment {
  // Database dumps open with `*** 4101. row ***`, `case_name: …`, `judgment_text: …`.
  const dump = DUMP_HEADER_RE.exec(text);
  const caseName = CASE_NAME_RE.exec(text.slice(0, 2000))?.[1]?.trim() || undefined;
  const bodyMark = BODY_MARK_RE.exec(text.slice(0, 3000));
  const bodyStart = bodyMark ? bodyMark.index + bodyMark[0].length : dump ? dump[0].length : 0;

  if (isPrecedent(text, bodyStart)) return parsePrecedent(text, bodyStart, caseName);

  const sections = judgmentSections(text, bodyStart);
  const numberHit = findNumber(text, bodyStart);
  const number = numberHit?.number;
  const date = findDate(text, bodyStart, numberHit?.end);
  const court = findCourt(text, bodyStart);
  const subject = findSubject(text, bodyStart);
  const facts = sections.find((s) => s.heading === SECTION.facts);
  const decision = sections.find((s) => s.heading === SECTION.decision);
  const headerText = text.slice(bodyStart, facts?.start ?? Math.min(text.length, bodyStart + 6000));
  const caseType = findCaseType(number, headerText);
  const level = findLevel(number, headerText);
  const name = caseName ?? subject;
  const title = [
    `Bản án${number ? ` số ${number}` : ''}`,
    date ? `ngày ${displayDate(date)}` : undefined,
    court ? `của ${lowerFirst(court).replace(/^toà/u, 'Toà')}` : undefined,
    !number && name ? `về ${lowerFirst(name)}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    kind: 'judgment',
    docType: 'Bản án',
    title,
    ...(number ? { number } : {}),
    ...(court ? { court } : {}),
    ...(date ? { date } : {}),
    ...(level ? { level } : {}),
    ...(caseType ? { caseType } : {}),
    ...(name ? { caseName: name } : {}),
    ...(subject ? { subject } : {}),
    parties: findParties(text, bodyStart, facts?.start ?? Math.min(text.length, bodyStart + 6000)),
    sections,
    outcome: decision ? findOutcome(text.slice(decision.start, decision.end)) : 'unknown',
  };
}
