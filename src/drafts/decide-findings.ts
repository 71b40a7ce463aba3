import type { Difference } from './compare-content.js';
import type { LawUnit } from './law-units.js';

/** Decision thresholds, fitted by cross-validation on the planted-edit benchmark (`npm run bench -- --only drafts`). */
export interface DraftThresholds {
  /** Least subject similarity for a difference to be a conflict. */
  conflict: number;
  /** Least similarity for an unchanged restatement to be a duplicate. */
  duplicate: number;
  /** A conflict must come from a provision at most this far below the best-matching one. */
  margin: number;
}

/** A draft sentence's best-matching unit of the law in force, with its similarity and the differences found. */
export interface Candidate {
  unit: LawUnit;
  similarity: number;
  differences: Difference[];
}

export interface Decision<C = Candidate> {
  kind: 'conflict' | 'duplicate';
  candidate: C;
}

/** What a decision needs of a candidate (the benchmark passes light copies). */
export interface Scored {
  similarity: number;
  differences: readonly unknown[];
}

/**
 * What a sentence's candidates (best first) amount to. A duplicate when a provision close to the
 * best match says the same thing; a conflict with each provision close to the best match that
 * says something different on the same subject — unless the sentence restates another provision
 * at least as similar: penal codes repeat one sentence with other figures in article after
 * article, and restating one of them exactly is not a conflict with the others.
 */
export function decide<C extends Scored>(cands: C[], t: DraftThresholds): Decision<C>[] {
  const best = cands[0];
  if (!best) return [];
  const floor = Math.max(t.conflict, best.similarity - t.margin);
  const same = cands.find((c) => c.differences.length === 0 && c.similarity >= t.duplicate && c.similarity >= best.similarity - t.margin);
  const out: Decision<C>[] = [];
  for (const c of cands) {
    if (c.similarity < floor || c.differences.length === 0) continue;
    if (same && c.similarity <= same.similarity + TIE) continue;
    out.push({ kind: 'conflict', candidate: c });
  }
  if (same) out.push({ kind: 'duplicate', candidate: same });
  return out;
}

/** Similarities this close are a tie (they differ in the fourth decimal on template sentences). */
const TIE = 0.01;
