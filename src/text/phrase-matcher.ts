import { foldDiacritics } from './fold.js';
import { BREAK_RE } from './tokenize.js';
import { normalizeToneMarks } from './tone-marks.js';

/** One syllable of a text with its character span in the text as given. */
export interface SyllableToken {
  /** Lower-cased, NFC, one tone placement. */
  exact: string;
  /** `exact` without diacritics: what an unaccented query types. */
  folded: string;
  start: number;
  end: number;
  /** Tokens with different segments are split by sentence punctuation and never matched together. */
  segment: number;
}

const WORD_RE = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+/gu;
/** Distinct words are few (a legal corpus has tens of thousands), so their normal forms are cached. */
const FORMS_CACHE_LIMIT = 200_000;
const formsCache = new Map<string, { exact: string; folded: string }>();

function formsOf(word: string): { exact: string; folded: string } {
  let forms = formsCache.get(word);
  if (!forms) {
    const exact = normalizeToneMarks(word.normalize('NFC')).normalize('NFC').toLowerCase();
    forms = { exact, folded: foldDiacritics(exact) };
    if (formsCache.size >= FORMS_CACHE_LIMIT) formsCache.clear();
    formsCache.set(word, forms);
  }
  return forms;
}

/** NFC, one tone placement and single spaces: how the thesaurus stores a phrase (no legacy-font repair). */
export function normalizePhrase(text: string): string {
  return normalizeToneMarks(text.normalize('NFC')).normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Syllables of a text with offsets into the text as given (not into a normalised copy). */
export function syllableTokens(text: string): SyllableToken[] {
  const out: SyllableToken[] = [];
  const re = new RegExp(WORD_RE.source, 'gu');
  let segment = 0;
  let prevEnd = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    if (out.length > 0 && gapBreaks(text, prevEnd, start)) segment++;
    const forms = formsOf(m[0]);
    out.push({ exact: forms.exact, folded: forms.folded, start, end: start + m[0].length, segment });
    prevEnd = start + m[0].length;
  }
  return out;
}

/** True when the characters between two words hold sentence punctuation ({@link BREAK_RE}), without slicing. */
function gapBreaks(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 32) return false;
  return BREAK_RE.test(text.slice(from, to));
}

/** Syllables of a phrase in their accented (`exact`) and folded forms. */
export function phraseKey(phrase: string): { exact: string[]; folded: string[] } {
  const toks = syllableTokens(phrase);
  return { exact: toks.map((t) => t.exact), folded: toks.map((t) => t.folded) };
}

/** `HĐLĐ`, `QSDĐ`: capitals are no Vietnamese syllable, so their folded form (`hdld`) is unambiguous. */
const ACRONYM_RE = /^(?=(?:.*\p{Lu}){2})[\p{Lu}\d&.\-]+$/u;

interface Entry<T> {
  exact: string[];
  /** Single accented syllables match only when typed with their accents (`nhậu` must not match `nhau`), acronyms excepted. */
  foldedOk: boolean;
  value: T;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  entries: Entry<T>[];
}

/** A phrase found in a text: its span and the values of every phrase that reads the same there. */
export interface PhraseHit<T> {
  start: number;
  end: number;
  values: T[];
}

/**
 * Leftmost-longest matching of many phrases over syllables, case-insensitive. A syllable typed
 * with diacritics must match the phrase's syllable exactly; one typed without them matches the
 * phrase's folded syllable, so `so do`, `sổ đỏ` and `Sổ Đỏ` all find `sổ đỏ`, but `sở đỏ` does not.
 */
export class PhraseMatcher<T> {
  private readonly root: Node<T> = { next: new Map(), entries: [] };
  private maxLength = 0;

  /** Adds a phrase; phrases without any syllable are ignored (returns false). */
  add(phrase: string, value: T): boolean {
    const key = phraseKey(phrase);
    if (key.exact.length === 0) return false;
    let node = this.root;
    for (const syl of key.folded) {
      let child = node.next.get(syl);
      if (!child) node.next.set(syl, (child = { next: new Map(), entries: [] }));
      node = child;
    }
    const foldedOk = key.exact.length > 1 || key.exact[0] === key.folded[0] || ACRONYM_RE.test(phrase.trim());
    node.entries.push({ exact: key.exact, foldedOk, value });
    this.maxLength = Math.max(this.maxLength, key.exact.length);
    return true;
  }

  /** Non-overlapping phrase occurrences, leftmost first, longest at each position. */
  find(text: string): PhraseHit<T>[] {
    const toks = syllableTokens(text);
    const hits: PhraseHit<T>[] = [];
    let i = 0;
    while (i < toks.length) {
      const hit = this.longestAt(toks, i);
      if (hit) {
        hits.push({ start: toks[i]!.start, end: toks[i + hit.length - 1]!.end, values: hit.values });
        i += hit.length;
      } else i++;
    }
    return hits;
  }

  private longestAt(toks: SyllableToken[], i: number): { length: number; values: T[] } | undefined {
    let node: Node<T> | undefined = this.root;
    let best: { length: number; values: T[] } | undefined;
    const segment = toks[i]!.segment;
    for (let j = i; j < toks.length && j - i < this.maxLength; j++) {
      const tok = toks[j]!;
      if (tok.segment !== segment) break;
      node = node.next.get(tok.folded);
      if (!node) break;
      if (node.entries.length === 0) continue;
      let values: T[] | undefined;
      for (const e of node.entries) if (compatible(e, toks, i)) (values ??= []).push(e.value);
      if (values) best = { length: j - i + 1, values };
    }
    return best;
  }
}

function compatible<T>(entry: Entry<T>, toks: SyllableToken[], i: number): boolean {
  let allFolded = true;
  for (let k = 0; k < entry.exact.length; k++) {
    const tok = toks[i + k]!;
    if (tok.exact !== tok.folded) {
      allFolded = false;
      if (tok.exact !== entry.exact[k]) return false;
    }
  }
  return entry.foldedOk || !allFolded;
}
