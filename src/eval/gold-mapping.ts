import type { CorpusIndex } from '../index/corpus-index.js';
import type { LawNameResolver } from '../retrieval/law-name-resolver.js';
import { articleKey, type ArticleRef, type EvalQuestion, type GoldLabel, type UnmappedGold } from './eval-question.js';

export type GoldResolution = { ok: true; ref: ArticleRef } | { ok: false; reason: string };

/**
 * Maps gold labels (law names as datasets and courts write them) to corpus articles through the
 * service's own law-name resolver. A label naming another version of a law than the corpus holds
 * (`Bộ luật Dân sự năm 2005` when the corpus has 2015), or cited by a judgment older than the
 * corpus version, is not mapped: its article numbers refer to a different text.
 */
export class GoldMapper {
  constructor(
    private readonly index: CorpusIndex,
    private readonly resolver: LawNameResolver,
  ) {}

  /** Resolves one label; `citedInYear` is the year of the judgment that cites it, when known. */
  resolve(label: GoldLabel, citedInYear?: number): GoldResolution {
    if (!label.article) return { ok: false, reason: 'no article number' };
    const r = this.resolver.resolveDetailed(label.law);
    if (!r) return { ok: false, reason: 'law not in corpus' };
    if (r.yearMismatch) return { ok: false, reason: `names the ${r.requestedYear} version; corpus holds ${r.documentYear} (${r.id})` };
    if (citedInYear !== undefined && r.documentYear !== undefined && citedInYear < r.documentYear) {
      return { ok: false, reason: `cited in ${citedInYear}, before the corpus version (${r.documentYear}, ${r.id}) existed` };
    }
    const doc = this.index.documents.get(r.id);
    const article = label.article.toLowerCase();
    if (!doc?.articles.some((a) => a.number.toLowerCase() === article)) return { ok: false, reason: `article ${label.article} not in ${r.id}` };
    return { ok: true, ref: { documentId: r.id, article } };
  }

  /** Fills each question's `gold`; returns every label that could not be mapped. */
  mapQuestions(questions: EvalQuestion[]): UnmappedGold[] {
    const unmapped: UnmappedGold[] = [];
    for (const q of questions) {
      const seen = new Set<string>();
      q.gold = [];
      for (const label of q.labels) {
        const r = this.resolve(label, q.year);
        if (!r.ok) {
          unmapped.push({ question_id: q.id, law: label.law, article: label.article, reason: r.reason });
          continue;
        }
        const key = articleKey(r.ref);
        if (seen.has(key)) continue;
        seen.add(key);
        q.gold.push(r.ref);
      }
    }
    return unmapped;
  }
}
