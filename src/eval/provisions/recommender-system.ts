import { recommendProvisions } from '../../cases/provision-recommender.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { ArticleRef } from '../eval-question.js';
import type { ProvisionSystem } from './provision-system.js';

/** The judges' provision recommender (issue 6) behind the eval's port, over the evaluated index. */
export function recommenderSystem(index: CorpusIndex): ProvisionSystem {
  return {
    name: 'provisions',
    async recommend(caseQuery: string, k: number, excludeDocumentId: string | undefined): Promise<ArticleRef[]> {
      const recs = await recommendProvisions(caseQuery, k, excludeDocumentId, index);
      return recs.map((r) => ({ documentId: r.documentId, article: r.article }));
    },
  };
}
