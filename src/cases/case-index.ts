import type { CorpusIndex } from '../index/corpus-index.js';
import { articleKeyOf, buildCaseRecord, type AppliedProvision, type CaseRecord } from './case-record.js';
import { ProvisionResolver } from './provision-resolver.js';
import { SimilarCaseSearch } from './similar-cases.js';

/** A judgment that applied an article, with the provision as that judgment wrote it. */
export interface ArticleApplication {
  record: CaseRecord;
  provision: AppliedProvision;
}

/**
 * The corpus judgments as cases, linked both ways: each judgment to the provisions it applied,
 * each resolved article to the judgments that applied it. Built from one CorpusIndex (parsing 50
 * judgments takes well under a second) and cached per index, so a hot swap is picked up.
 */
export class CaseIndex {
  readonly records: CaseRecord[];
  readonly byId: Map<string, CaseRecord>;
  private readonly byArticle = new Map<string, ArticleApplication[]>();
  private similarSearch: SimilarCaseSearch | undefined;

  constructor(readonly index: CorpusIndex) {
    const resolver = new ProvisionResolver(index);
    this.records = [...index.documents.values()].filter((d) => d.meta.kind === 'judgment' || d.meta.kind === 'precedent').map((d) => buildCaseRecord(d, resolver));
    this.byId = new Map(this.records.map((r) => [r.documentId, r]));
    for (const record of this.records) {
      for (const provision of record.provisions) {
        if (!provision.documentId || !provision.resolvedArticle) continue;
        const key = articleKeyOf(provision.documentId, provision.resolvedArticle);
        const list = this.byArticle.get(key) ?? [];
        list.push({ record, provision });
        this.byArticle.set(key, list);
      }
    }
  }

  /** Similar-case search over these cases, built on first use (it averages passage vectors). */
  get similar(): SimilarCaseSearch {
    return (this.similarSearch ??= new SimilarCaseSearch(this));
  }

  /** Judgments that applied an article of a corpus document, newest first. */
  applicationsOf(documentId: string, article: string): ArticleApplication[] {
    const list = this.byArticle.get(articleKeyOf(documentId, article)) ?? [];
    return [...list].sort((a, b) => (b.record.date ?? '').localeCompare(a.record.date ?? '') || a.record.documentId.localeCompare(b.record.documentId));
  }

  /** Every resolved article with the number of judgments that applied it. */
  articleCounts(): Map<string, number> {
    return new Map([...this.byArticle].map(([k, v]) => [k, v.length]));
  }
}

const cache = new WeakMap<CorpusIndex, CaseIndex>();

/** The case index of a corpus index, built on first use. */
export function caseIndexFor(index: CorpusIndex): CaseIndex {
  let c = cache.get(index);
  if (!c) cache.set(index, (c = new CaseIndex(index)));
  return c;
}
