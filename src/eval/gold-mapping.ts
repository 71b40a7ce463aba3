import { ProvisionResolver } from '../cases/provision-resolver.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { documentIdFor } from '../ingest/discover-files.js';
import { articleKey, type ArticleRef, type EvalQuestion, type GoldLabel, type UnmappedGold } from './eval-question.js';

export type GoldResolution = { ok: true; ref: ArticleRef } | { ok: false; reason: string };

/**
 * Maps gold labels (law names as datasets and courts write them) to corpus articles with the
 * service's own provision resolver, so the gold is read exactly as the service reads citations.
 * A label naming another version of a law than the corpus holds (`Bộ luật Dân sự năm 2005` when
 * the corpus has 2015), or cited by a judgment older than the corpus version, is not mapped.
 */
export class GoldMapper {
  private readonly resolver: ProvisionResolver;
  private readonly documents: ReadonlySet<string>;

  constructor(index: CorpusIndex) {
    this.resolver = new ProvisionResolver(index);
    this.documents = new Set(index.documents.keys());
  }

  /** Resolves one label; `citedInYear` is the year of the judgment that cites it, when known. */
  resolve(label: GoldLabel, citedInYear?: number): GoldResolution {
    if (label.briefing !== undefined) {
      const documentId = documentIdFor(`briefings/${label.briefing}`);
      return this.documents.has(documentId) ? { ok: true, ref: { documentId, article: '' } } : { ok: false, reason: 'không có báo cáo này (no such briefing)' };
    }
    if (!label.article) return { ok: false, reason: 'không ghi số điều (no article number)' };
    const r = this.resolver.resolve(label.law, label.article, citedInYear);
    return r.ok ? { ok: true, ref: { documentId: r.documentId, article: r.article } } : { ok: false, reason: r.reason };
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
