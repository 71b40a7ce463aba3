/**
 * Section headings of a judgment (`NỘI DUNG VỤ ÁN`, `NHẬN ĐỊNH CỦA TOÀ ÁN`, `QUYẾT ĐỊNH`) and of a
 * precedent (`Nguồn án lệ`, `Tình huống án lệ` …), found in PDF-extracted text whose heading words
 * may be split by line breaks and page numbers.
 */
import type { Section } from '../types/legal-document.js';

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

// Between two words of a heading: spaces, or a line break with page-number lines in between.
const SEP = String.raw`(?:[^\S\n]+|[^\S\n]*\n(?:[^\S\n]*\d{1,3}[^\S\n]*\n)*[^\S\n]*)`;
export const TOA = String.raw`T(?:OÀ|ÒA|oà|òa)`;

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

export function judgmentSections(text: string, bodyStart: number): Section[] {
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

export function precedentSections(text: string, bodyStart: number): Section[] {
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

/** True when a `Nguồn án lệ` heading follows `from`: the text is a precedent. */
export function hasPrecedentSource(text: string, from: number): boolean {
  return hits(PRECEDENT_HEADINGS[0]![1], text, from).length > 0;
}
