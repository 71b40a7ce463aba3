import type { CorpusIndex } from '../index/corpus-index.js';
import { hasDiacritics } from '../text/fold.js';
import { normalizeQuery } from '../text/normalize.js';

// A closing question (`Nguyên đơn thắng hay bị đơn thắng?`) asks about the outcome; it states no fact.
const QUESTION_SENTENCE_RE = /[^.!?\n]*\?/gu;

/**
 * The fact description as searched: normalised, its questions dropped when facts remain, and
 * diacritics restored when it was typed without them.
 */
export function factsQuery(facts: string, index: CorpusIndex): string {
  const q = normalizeQuery(facts);
  const stated = q.replace(QUESTION_SENTENCE_RE, ' ').replace(/\s+/g, ' ').trim();
  const text = stated.length >= 20 ? stated : q;
  return text.length > 0 && !hasDiacritics(text) && /\p{L}{2}/u.test(text) ? index.restorer.restore(text) : text;
}
