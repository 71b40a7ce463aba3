/** A sentence (or line) of a text with its offsets in that text; `text === source.slice(start, end)`. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Lower-cased words that end with a dot without ending a sentence (`TP. Hồ Chí Minh`, `ThS. Nguyễn Văn A`). */
const ABBREVIATIONS = new Set(['tp', 'tx', 'tt', 'q', 'p', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'nxb', 'tr', 'st', 'v.v', 'vv']);

/** Words after which a line-leading number is a heading (`Điều 37. Bổ nhiệm…`), not a sentence end. */
const HEADING_WORDS = new Set(['điều', 'chương', 'mục', 'phần', 'khoản', 'điểm']);

const TERMINATORS = '.!?…;:';
const CLOSERS = '"”’\')]»';

/**
 * Splits text into sentences: on `.`, `!`, `?`, `…`, `;`, `:` followed by whitespace (or the end), and on
 * newlines. Dots inside numbers (`58.900`), abbreviations (`TP.`), initials, clause numbers (`2.`) and
 * article headings (`Điều 37.`) do not split.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let segmentStart = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\n' || ch === '\r') {
      pushTrimmed(text, segmentStart, i, spans);
      segmentStart = i + 1;
      i += 1;
      continue;
    }
    if (!TERMINATORS.includes(ch)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < text.length && TERMINATORS.includes(text[j] ?? '')) j += 1;
    while (j < text.length && CLOSERS.includes(text[j] ?? '')) j += 1;
    // Web text sometimes drops the space after a full stop (`năm 2021.Tổng số …`): a capitalised word
    // right after a stop that follows a lower-case word or a year starts a sentence (`TP.Hồ`, `Điều 3.Phạm` do not).
    const glued = j < text.length && ch === '.' && j === i + 1 && /(\p{Ll}{2}|\d{4})$/u.test(text.slice(Math.max(0, i - 4), i)) && /^\p{Lu}\p{Ll}/u.test(text.slice(j, j + 2));
    const atBoundary = j === text.length || /\s/.test(text[j] ?? '') || glued;
    if (atBoundary && !isFalseStop(text, i, j)) {
      pushTrimmed(text, segmentStart, j, spans);
      segmentStart = j;
    }
    i = j;
  }
  pushTrimmed(text, segmentStart, text.length, spans);
  return spans;
}

/** Whether the single dot at `dot` (followed by whitespace at `after`) belongs to an abbreviation or a number heading. */
function isFalseStop(text: string, dot: number, after: number): boolean {
  if (text[dot] !== '.' || after !== dot + 1) return false;
  const lineStart = Math.max(text.lastIndexOf('\n', dot - 1), text.lastIndexOf('\r', dot - 1)) + 1;
  const before = text.slice(lineStart, dot);
  const words = before.trim().split(/\s+/);
  const word = words.at(-1) ?? '';
  if (word === '') return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Initials of a name (`Nguyễn V. A.`) rather than a one-letter word ending a sentence.
  if (/^\p{Lu}$/u.test(word)) return true;
  if (/^(\d+[a-zđ]?|[IVXLCDM]+|[a-zđ])$/u.test(word)) {
    if (words.length === 1) return true;
    if (words.length === 2 && HEADING_WORDS.has((words[0] ?? '').toLowerCase())) return true;
  }
  // A lower-case word after the dot continues the sentence (`v.v. và`, unknown abbreviations).
  const next = /^[ \t]*(\S)/.exec(text.slice(after));
  return next?.[1] !== undefined && /\p{Ll}/u.test(next[1]);
}

function pushTrimmed(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s += 1;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
  if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
}
