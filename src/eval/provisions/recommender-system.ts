import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ArticleRef } from '../eval-question.js';
import type { ProvisionSystem } from './provision-system.js';

const MODULE_URL = new URL('../../cases/provision-recommender.js', import.meta.url);

/** True when the judges' provision recommender (issue 6) is in the tree. */
export function recommenderAvailable(): boolean {
  const file = fileURLToPath(MODULE_URL);
  return existsSync(file) || existsSync(file.replace(/\.js$/, '.ts'));
}

/**
 * The recommender of `src/cases/provision-recommender.ts` behind the eval's port. Loaded by URL
 * so that the harness builds while that module is still being written.
 */
export async function loadRecommenderSystem(): Promise<ProvisionSystem> {
  if (!recommenderAvailable()) throw new Error('system `provisions`: src/cases/provision-recommender.ts is not in the tree yet');
  const mod = (await import(MODULE_URL.href)) as Record<string, unknown>;
  const fn = mod.recommendProvisions;
  if (typeof fn !== 'function') throw new Error('system `provisions`: src/cases/provision-recommender.ts exports no recommendProvisions');
  return {
    name: 'provisions',
    async recommend(caseQuery: string, k: number, excludeDocumentId: string | undefined): Promise<ArticleRef[]> {
      const out: unknown = await (fn as (q: string, k: number, exclude?: string) => unknown)(caseQuery, k, excludeDocumentId);
      return Array.isArray(out) ? out.filter(isArticleRef) : [];
    },
  };
}

function isArticleRef(x: unknown): x is ArticleRef {
  return typeof x === 'object' && x !== null && typeof (x as ArticleRef).documentId === 'string' && typeof (x as ArticleRef).article === 'string';
}
