import type { AnswerGenerator, Passage } from '../../answer/answer-generator.js';
import { citedArticles, citedEvidence } from '../answer-scoring.js';
import type { EvalQuestion } from '../eval-question.js';
import type { EvalSystem, SystemOutput } from '../eval-system.js';
import { rankArticles, type RankedHit } from './ranked-hit.js';

/** A retriever as the eval sees it: the question in, hits best first. */
export type PassageSearch = (question: EvalQuestion, k: number) => Promise<RankedHit[]>;

export interface PassageSystemOptions {
  /** Hits fetched per question: enough to fill ten distinct articles. */
  candidates?: number;
  /** Passages (distinct articles) handed to the generator, as the chat service does. */
  passages?: number;
}

/**
 * Retrieve-then-generate with any retriever: hits become the article ranking and their top
 * passages go to the same answer generator, so answer metrics differ only by retrieval.
 */
export class PassageSystem implements EvalSystem {
  constructor(
    readonly name: string,
    private readonly search: PassageSearch,
    private readonly generator?: AnswerGenerator,
    private readonly o: PassageSystemOptions = {},
  ) {}

  async run(q: EvalQuestion): Promise<SystemOutput> {
    const t0 = performance.now();
    const hits = (await this.search(q, this.o.candidates ?? 40)).filter((h) => h.chunk.documentId !== q.excludeDocumentId);
    const articles = rankArticles(hits);
    if (!this.generator) return { articles, refused: hits.length === 0, latencyMs: performance.now() - t0 };
    const passages = topPassages(hits, this.o.passages ?? 5);
    const a = await this.generator.generate({ question: q.text, history: [], passages });
    const latencyMs = performance.now() - t0;
    return {
      articles,
      answer: { text: a.answer, refused: a.refused, cited: citedArticles(a), evidence: a.refused ? '' : citedEvidence(a, passages) },
      refused: a.refused,
      latencyMs,
    };
  }
}

/** The first hit of each distinct article, numbered for citation. */
export function topPassages(hits: readonly RankedHit[], n: number): Passage[] {
  const out: Passage[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const key = h.chunk.article ? `${h.chunk.documentId}#${h.chunk.article}` : h.chunk.id;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ n: out.length + 1, chunk: h.chunk, document: h.document, score: h.score });
    if (out.length >= n) break;
  }
  return out;
}
