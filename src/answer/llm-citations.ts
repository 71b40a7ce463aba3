import type { Citation, Passage } from './answer-generator.js';
import { formatViDate, stripCitationMarkers } from './llm-prompt.js';
import { splitSentences, type SentenceSpan } from './sentences.js';

export interface MarkerRewrite {
  /** The text with every marker written as `[n]` and invented numbers removed. */
  text: string;
  /** Cited numbers that are not among the passages, in order of appearance. */
  invented: number[];
}

/** `[1]`, `[1, 3]`, `[1][2]`, `[1-3]`, with the blanks around them so that removal leaves no double gap. */
const MARKER = /([ \t]*)\[\s*(\d+(?:\s*[,;–-]\s*\d+)*)\s*\]([ \t]*)/g;

/** Rewrites citation markers: known passage numbers become `[n]`, invented ones are dropped. */
export function rewriteCitationMarkers(text: string, known: ReadonlySet<number>): MarkerRewrite {
  const invented: number[] = [];
  const rewritten = text.replace(MARKER, (_match: string, before: string, list: string, after: string, offset: number) => {
    const kept: number[] = [];
    for (const n of expandMarkerList(list)) {
      if (known.has(n)) {
        if (!kept.includes(n)) kept.push(n);
      } else if (!invented.includes(n)) {
        invented.push(n);
      }
    }
    if (kept.length > 0) return `${before}${kept.map((n) => `[${n}]`).join('')}${after}`;
    // Keep one side's blank: the indentation at a line start, otherwise the gap between the words around.
    const atLineStart = offset === 0 || text[offset - 1] === '\n';
    return atLineStart ? before : after;
  });
  return { text: rewritten, invented };
}

function expandMarkerList(list: string): number[] {
  const numbers: number[] = [];
  for (const part of list.split(/\s*[,;]\s*/)) {
    const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      // A wide "range" is more likely two numbers joined by a dash than a span the model meant.
      if (to >= from && to - from <= 20) {
        for (let n = from; n <= to; n += 1) numbers.push(n);
      } else {
        numbers.push(from, to);
      }
    } else if (/^\d+$/.test(part)) {
      numbers.push(Number(part));
    }
  }
  return numbers;
}

/** For each `[n]` in the answer (in order of first appearance), the answer sentences that cite it, markers removed. */
export function citingSentences(answer: string): Map<number, string[]> {
  const byNumber = new Map<number, string[]>();
  let previous = '';
  for (const sentence of splitSentences(answer)) {
    let context = stripCitationMarkers(sentence.text).trim();
    // A marker left alone after the full stop (`… 05 năm. [1]`) supports the sentence before it.
    if (!/\p{L}/u.test(context)) context = previous || stripCitationMarkers(answer).trim();
    else previous = context;
    for (const match of sentence.text.matchAll(/\[(\d+)\]/g)) {
      const n = Number(match[1]);
      const list = byNumber.get(n) ?? [];
      if (!list.includes(context)) list.push(context);
      byNumber.set(n, list);
    }
  }
  return byNumber;
}

/** Builds the citation of a passage: the sentence or clause line that best matches the answer sentences citing it. */
export function buildCitation(passage: Passage, answerSentences: readonly string[]): Citation {
  const { chunk, document } = passage;
  const best = bestSegment(chunk.text, answerSentences);
  const located = chunk.article !== undefined && best !== undefined ? locateClause(chunk.text, best.start) : {};
  const singleClause = chunk.clauseEnd === undefined || chunk.clauseEnd === chunk.clause ? chunk.clause : undefined;
  const clause = located.clause ?? singleClause;
  const point = located.point;
  const title = document.title || chunk.title;
  const number = document.number ?? chunk.number;
  const date = chunk.date ?? (document.kind === 'briefing' ? document.meetingDate : undefined);

  const citation: Citation = {
    n: passage.n,
    documentId: document.id,
    title,
    quote: best?.text ?? '',
    start: chunk.start + (best?.start ?? 0),
    end: chunk.start + (best?.end ?? 0),
    label: citationLabel({ title, number, article: chunk.article, clause, point, date, briefing: document.kind === 'briefing' }),
  };
  if (number !== undefined) citation.number = number;
  if (chunk.article !== undefined) citation.article = chunk.article;
  if (clause !== undefined) citation.clause = clause;
  if (point !== undefined) citation.point = point;
  if (date !== undefined) citation.date = date;
  return citation;
}

interface LabelParts {
  title: string;
  number: string | undefined;
  article: string | undefined;
  clause: string | undefined;
  point: string | undefined;
  date: string | undefined;
  briefing: boolean;
}

/** `Khoản 2 Điều 37 Luật Viên chức`, `Điểm a khoản 1 Điều 5 …`, or `<briefing title> (ngày 29/12/2023)`. */
export function citationLabel(parts: LabelParts): string {
  if (parts.briefing) return parts.date !== undefined ? `${parts.title} (ngày ${formatViDate(parts.date)})` : parts.title;
  if (parts.article === undefined) {
    return parts.number !== undefined && !parts.title.includes(parts.number) ? `${parts.title} số ${parts.number}` : parts.title;
  }
  const words: string[] = [];
  if (parts.point !== undefined) words.push(`điểm ${parts.point}`);
  if (parts.clause !== undefined) words.push(`khoản ${parts.clause}`);
  words.push(`Điều ${parts.article}`, parts.title);
  const label = words.join(' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Headings (`Điều 37. Bổ nhiệm…`) name the article but state no rule, so they are never quoted when a body line exists. */
const HEADING = /^(Điều|Chương|Mục|Phần)\s+[\dIVXLCDM]+[a-zđ]?\b/u;

function bestSegment(text: string, answerSentences: readonly string[]): SentenceSpan | undefined {
  const all = candidateSegments(text);
  const bodies = all.filter((s) => !HEADING.test(s.text));
  const candidates = bodies.length > 0 ? bodies : all;
  const answers = answerSentences.map(syllables);
  let best: SentenceSpan | undefined = candidates[0];
  let bestScore = 0;
  for (const candidate of candidates) {
    const tokens = syllables(candidate.text);
    for (const answer of answers) {
      const score = dice(tokens, answer);
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
  }
  return best;
}

/** Sentences plus whole lines, so a multi-sentence clause line can win when the answer paraphrases all of it. */
function candidateSegments(text: string): SentenceSpan[] {
  const seen = new Set<string>();
  const segments: SentenceSpan[] = [];
  const add = (span: SentenceSpan): void => {
    const key = `${span.start}:${span.end}`;
    if (!seen.has(key)) {
      seen.add(key);
      segments.push(span);
    }
  };
  splitSentences(text).forEach(add);
  let offset = 0;
  for (const line of text.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed !== '') add({ text: trimmed, start: offset + lead, end: offset + lead + trimmed.length });
    offset += line.length + 1;
  }
  return segments.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The clause (`2.` line) and point (`a)` line) of an article chunk in force at `offset`. */
function locateClause(text: string, offset: number): { clause?: string; point?: string } {
  let clause: string | undefined;
  let point: string | undefined;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (lineStart > offset) break;
    const clauseMatch = /^\s*(\d+[a-zđ]?)\.\s/u.exec(line);
    const pointMatch = /^\s*([a-zđ])\)\s/u.exec(line);
    if (clauseMatch) {
      clause = clauseMatch[1];
      point = undefined;
    } else if (pointMatch) {
      point = pointMatch[1];
    }
    lineStart += line.length + 1;
  }
  const located: { clause?: string; point?: string } = {};
  if (clause !== undefined) located.clause = clause;
  if (point !== undefined) located.point = point;
  return located;
}

/** Distinct lower-cased syllables (Vietnamese words are written syllable by syllable). */
export function syllables(text: string): Set<string> {
  return new Set(text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}
