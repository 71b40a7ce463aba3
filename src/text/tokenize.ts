import { foldDiacritics } from './fold.js';

// Letters (with their combining marks) or numbers with thousand/decimal separators (58.900, 9,3).
const TOKEN_RE = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+/gu;
/** Sentence-internal breaks that an n-gram must not cross (a dot inside `58.900` is not one). */
export const BREAK_RE = /(?:[;:!?()\[\]"“”\n]|\.(?!\d))+/;

/** Lower-cased syllables of a normalised text; figures keep their separators' meaning (`58.900` → `58900`). */
export function syllables(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(TOKEN_RE)) {
    const tok = m[0];
    out.push(/^\d/.test(tok) ? normalizeNumber(tok) : tok);
  }
  return out;
}

/** `58.900` and `58900` are one figure; `9,3` stays a decimal. */
function normalizeNumber(tok: string): string {
  if (/^\d{1,3}(\.\d{3})+$/.test(tok)) return tok.replace(/\./g, '');
  return tok.replace(/,/g, '.');
}

/** Syllables plus adjacent-syllable bigrams (`bổ_nhiệm`), bigrams not crossing punctuation: most Vietnamese words are two syllables. */
export function lexicalTerms(text: string): string[] {
  const terms: string[] = [];
  for (const piece of text.split(BREAK_RE)) {
    const syl = syllables(piece);
    for (let i = 0; i < syl.length; i++) {
      terms.push(syl[i]!);
      if (i + 1 < syl.length) terms.push(`${syl[i]}_${syl[i + 1]}`);
    }
  }
  return terms;
}

/** {@link lexicalTerms} of the diacritic-free form, for queries typed without accents. */
export function foldedTerms(text: string): string[] {
  return lexicalTerms(foldDiacritics(text));
}
