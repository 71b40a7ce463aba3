/**
 * One tone-mark placement for every Vietnamese syllable, applied identically to documents and
 * queries, so `hoà`/`hòa` and `thuỷ`/`thủy` index and match as one word. We use the modern
 * placement (`hoà`, `thuỷ`, `khoẻ`): on the vowel carrying a shape mark (ă â ê ô ơ ư) when there is
 * one, otherwise on the second vowel of `oa`/`oe`/`uy` and of any cluster followed by a final
 * consonant, otherwise on the first.
 */

const TONES = '\u0300\u0301\u0303\u0309\u0323';
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const VOWELS = 'aăâeêioôơuưy';
const SHAPED = 'ăâêôơư';
const WORD_RE = /[\p{L}\p{M}]+/gu;

function isVowel(ch: string): boolean {
  return VOWELS.includes(ch.toLowerCase());
}

/** Places the tone of one NFC syllable; returns it unchanged when it is not a Vietnamese syllable. */
export function normalizeSyllableTone(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const tones = decomposed.match(TONE_RE);
  if (!tones || tones.length !== 1) return syllable;
  const tone = tones[0]!;
  const bare = decomposed.replace(TONE_RE, '').normalize('NFC');
  const lower = bare.toLowerCase();

  // Skip the onset, treating `gi` and `qu` as consonants when a vowel follows.
  let i = 0;
  while (i < lower.length && !isVowel(lower[i]!)) i++;
  if ((lower.startsWith('qu') || lower.startsWith('gi')) && i < 2 && lower.length > 2 && isVowel(lower[2]!)) i = 2;
  let j = i;
  while (j < lower.length && isVowel(lower[j]!)) j++;
  const nucleus = lower.slice(i, j);
  if (nucleus.length === 0) return syllable;
  const hasCoda = j < lower.length;

  let target: number;
  const shapedIdx = [...nucleus].map((c, k) => (SHAPED.includes(c) ? k : -1)).filter((k) => k >= 0);
  if (shapedIdx.length > 0) target = shapedIdx[shapedIdx.length - 1]!;
  else if (nucleus.length === 1) target = 0;
  else if (nucleus.length >= 3) target = 1;
  else if (hasCoda || nucleus === 'oa' || nucleus === 'oe' || nucleus === 'uy') target = 1;
  else target = 0;

  const pos = i + target;
  const withTone = bare.slice(0, pos) + (bare[pos]! + tone).normalize('NFC') + bare.slice(pos + 1);
  return withTone.normalize('NFC');
}

/** Applies {@link normalizeSyllableTone} to every word of an NFC text; length may change only by NFC. */
export function normalizeToneMarks(text: string): string {
  return text.replace(WORD_RE, (w) => (hasTone(w) ? normalizeSyllableTone(w) : w));
}

function hasTone(word: string): boolean {
  const d = word.normalize('NFD');
  for (const ch of d) if (TONES.includes(ch)) return true;
  return false;
}
