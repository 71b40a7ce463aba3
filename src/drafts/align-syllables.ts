import type { Syllable } from './normative-content.js';

/** A stretch where two texts differ between matched syllables: `a` is the draft's, `b` the law's (syllable indices, end exclusive). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** False for the unmatched text before the first or after the last matched syllable. */
  interior: boolean;
}

const MAX_CELLS = 120_000;

/**
 * Aligns two syllable sequences by their longest common subsequence and returns the stretches
 * where they differ. Long pairs (over 120k cells) are cut to their first syllables: a draft
 * sentence is compared with one sentence of the law, rarely longer.
 */
export function diffSyllables(a: Syllable[], b: Syllable[]): Hunk[] {
  let n = a.length;
  let m = b.length;
  if (n * m > MAX_CELLS) {
    const scale = Math.sqrt(MAX_CELLS / (n * m));
    n = Math.max(1, Math.floor(n * scale));
    m = Math.max(1, Math.floor(m * scale));
  }
  const w = m + 1;
  const dp = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = a[i]!.w === b[j]!.w ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let hs = -1;
  let ht = -1;
  let matched = false;
  const close = (ai: number, bj: number, interior: boolean) => {
    if (hs >= 0 && (ai > hs || bj > ht)) hunks.push({ aStart: hs, aEnd: ai, bStart: ht, bEnd: bj, interior });
    hs = -1;
  };
  while (i < n && j < m) {
    if (a[i]!.w === b[j]!.w) {
      close(i, j, matched);
      matched = true;
      i++;
      j++;
    } else {
      if (hs < 0) {
        hs = i;
        ht = j;
      }
      if (dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!) i++;
      else j++;
    }
  }
  if (hs < 0 && (i < a.length || j < b.length)) {
    hs = i;
    ht = j;
  }
  close(a.length, b.length, false);
  return hunks;
}
