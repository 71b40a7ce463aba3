import type { CorpusIndex } from '../index/corpus-index.js';
import { lexicalTerms } from '../text/tokenize.js';
import { articleKeyOf } from './case-record.js';

/**
 * How much of an article's title (`Nghĩa vụ trả nợ của bên vay`) a description states: the share
 * of the title's word pairs found in it, each pair weighted by how rare it is among the titles of
 * the same documents. Titles name the legal relation an article governs, which is what a dispute's
 * description names too.
 */
export class TitleMatcher {
  private readonly titles: { key: string; terms: Set<string> }[] = [];
  private readonly idf = new Map<string, number>();

  constructor(index: CorpusIndex, documentIds: readonly string[]) {
    const df = new Map<string, number>();
    for (const id of documentIds) {
      const doc = index.documents.get(id);
      for (const a of doc?.articles ?? []) {
        const terms = new Set(lexicalTerms(a.title).filter((t) => t.includes('_')));
        if (terms.size === 0) continue;
        this.titles.push({ key: articleKeyOf(id, a.number), terms });
        for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
      }
    }
    for (const [t, n] of df) this.idf.set(t, Math.log(1 + this.titles.length / n));
  }

  /** Articles whose title the query covers at least in part, with the covered share in (0, 1]. */
  scores(query: string): Map<string, number> {
    const q = new Set(lexicalTerms(query).filter((t) => t.includes('_')));
    const out = new Map<string, number>();
    for (const { key, terms } of this.titles) {
      const covered = weightedCoverage(terms, q, this.idf);
      if (covered > 0) out.set(key, covered);
    }
    return out;
  }
}

/** The share of `terms` found in `text`, each term weighted by `idf` (0 when none or no weight). */
export function weightedCoverage(terms: Iterable<string>, text: ReadonlySet<string>, idf: ReadonlyMap<string, number>): number {
  let hit = 0;
  let total = 0;
  for (const t of terms) {
    const w = idf.get(t) ?? 0;
    total += w;
    if (text.has(t)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}
