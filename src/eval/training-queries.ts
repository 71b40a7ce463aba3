import { decisionInput, type DecisionInput } from '../answer/answer-decision.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import type { SearchFilters } from '../retrieval/search-filters.js';
import type { TrainingQuery } from '../retrieval/train-reranker.js';
import { articleKey, type EvalQuestion } from './eval-question.js';

/** A question made ready for learning: its candidates' features once, its labels, its fold. */
export interface LabelledQuery extends TrainingQuery {
  id: string;
  /** Where it comes from (`alqac25-dev`, `natural-dev`, `titles`): objectives weigh sources equally. */
  source: string;
  /** False for questions the corpus cannot answer. */
  answerable: boolean;
  /** Cross-validation fold (0…folds-1), from the question id so it never changes between runs. */
  fold: number;
  /** What the decision reads besides the ranking. */
  question: Omit<DecisionInput, 'ranked'>;
}

/** A stable fold for an id (FNV-1a), so every run and every command splits the same way. */
export function foldOf(id: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % folds;
}

/** Searches each question once, deep enough to hold every candidate the reranker may see. */
export async function labelQuestions(retriever: HybridRetriever, questions: readonly EvalQuestion[], source: string, filters: SearchFilters, folds: number, onProgress?: (done: number, total: number) => void): Promise<LabelledQuery[]> {
  const out: LabelledQuery[] = [];
  for (const [i, q] of questions.entries()) {
    onProgress?.(i, questions.length);
    const answerable = q.answerable !== false;
    // A question whose gold is not in the corpus teaches nothing about ranking or refusing.
    if (answerable && q.gold.length === 0) continue;
    const res = await retriever.search(q.text, 10_000, filters);
    const { ranked: _r, ...question } = decisionInput(res);
    out.push({
      id: q.id,
      source,
      answerable,
      fold: foldOf(q.id, folds),
      question,
      features: res.hits.map((h) => h.features),
      keys: res.hits.map((h) => articleKey({ documentId: h.chunk.documentId, article: h.chunk.article ?? (h.chunk.kind === 'briefing' ? '' : `(${h.chunk.id})`) })),
      relevant: new Set(q.gold.map(articleKey)),
    });
  }
  onProgress?.(questions.length, questions.length);
  return out;
}

/**
 * "Article title → article": each titled article of the laws and codes asked by its own title,
 * every `step`-th one so the set stays small. A third question style for the reranker, which
 * costs no hand labelling; titles restate the law, so it is weighed below the real questions.
 */
export function titleQuestions(index: CorpusIndex, step = 8): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  let n = 0;
  for (const d of index.documents.values()) {
    if (d.meta.kind !== 'law' && d.meta.kind !== 'code') continue;
    for (const a of d.articles) {
      if (a.title.split(/\s+/).length < 3 || n++ % step !== 0) continue;
      out.push({ id: `title:${d.meta.id}#${a.number}`, type: 'Tự luận', text: a.title, labels: [], gold: [{ documentId: d.meta.id, article: a.number.toLowerCase() }], style: 'alqac' });
    }
  }
  return out;
}
