/**
 * Recommends the provisions a court would apply to a civil dispute (dân sự, hôn nhân và gia đình,
 * lao động, kinh doanh thương mại, hành chính) described in a few sentences, in two lists:
 * substantive law (what decides the dispute) and procedure (how every such case is heard).
 *
 * Signals, each from the corpus judgments other than the one asked about: (a) votes of the most
 * similar judgments, weighted by similarity; (b) a prior, how often each provision is applied at
 * all; (c) law articles whose text matches the facts (hybrid search); (d) article titles the facts
 * name (`Hợp đồng vay tài sản`). (a) and (b) combine as a smoothed neighbour estimate
 * (votes + m·prior) / (Σ similarity + m); substantive articles add (c) and (d). The weights are
 * fitted by cross-validation (`npm run train-recommender`); the eval reports nested-CV figures.
 */
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { articleLabel, articleText } from './article-text.js';
import { articleKeyOf } from './case-record.js';
import type { CaseIndex } from './case-index.js';
import { factsQuery } from './facts-query.js';
import { matchLawArticles, type LawMatch } from './law-matches.js';
import { isProceduralDocument } from './procedural.js';
import { applicationPrior, neighbourVotes } from './provision-votes.js';
import type { SimilarCase } from './similar-cases.js';
import { TitleMatcher } from './title-match.js';
import { unresolvedVotes, type UnresolvedRecommendation } from './unresolved-votes.js';

export interface RecommenderWeights {
  /** Similar judgments that vote. */
  neighbours: number;
  /** Dense share of the similarity used for voting (lexical is the rest). */
  denseWeight: number;
  /** m: how many judgments' worth of weight the prior carries against the neighbours' votes. */
  smoothing: number;
  /** Weight of the law-text match of a substantive article. */
  lawWeight: number;
  /** The law match of the article ranked r counts 1 / (1 + r / lawRankScale). */
  lawRankScale: number;
  /** Weight of the title match of a substantive article. */
  titleWeight: number;
}

/** Used until `npm run train-recommender` has written fitted weights. */
export const DEFAULT_RECOMMENDER_WEIGHTS: RecommenderWeights = { neighbours: 10, denseWeight: 0.5, smoothing: 2, lawWeight: 0.2, lawRankScale: 5, titleWeight: 0.2 };

/** Procedural provisions listed: the few every such case applies, not a page of them. */
export const PROCEDURAL_SHOWN = 5;

/** A recommended article with its text and the evidence for it. */
export interface RecommendedProvision {
  documentId: string;
  /** Article number as the corpus writes it, lower case (`584`, `10a`). */
  article: string;
  /** `Điều 584 Bộ luật dân sự`. */
  label: string;
  articleTitle: string;
  text: string;
  kind: 'substantive' | 'procedural';
  score: number;
  /** Parts of the score: neighbour estimate (votes and prior), law-text and title match. */
  parts: { neighbours: number; prior: number; law: number; title: number };
  evidence: {
    /** Similar judgments that applied it, most similar first. */
    judgments: { documentId: string; number?: string; similarity: number }[];
    /** Passages of the article that match the facts. */
    passages: { label: string; quote: string; start: number; end: number }[];
    /** How many of the corpus judgments (the excluded one left out) applied it. */
    appliedIn: { judgments: number; of: number };
  };
}

export interface Recommendation {
  /** Both lists merged by score, best first (at most k). */
  provisions: RecommendedProvision[];
  substantive: RecommendedProvision[];
  procedural: RecommendedProvision[];
  unresolved: UnresolvedRecommendation[];
  /** The judgments that voted, most similar first. */
  similar: SimilarCase[];
}

export interface RecommendOptions {
  k?: number;
  /** The judgment being evaluated: left out of the prior, the neighbours and their statistics. */
  excludeDocumentId?: string;
}

/** A description's evidence before any weight is applied; {@link ProvisionRecommender.decide} ranks it. */
export interface PreparedCivil {
  exclude?: string;
  /** Every other judgment with its lexical and dense similarity. */
  candidates: SimilarCase[];
  prior: Map<string, number>;
  law: Map<string, LawMatch>;
  titles: Map<string, number>;
  /** Every candidate article with the parts of its score that no weight changes. */
  keys: { key: string; documentId: string; article: string; kind: RecommendedProvision['kind']; prior: number; lawRank?: number; title: number }[];
}

/** A scored article key, before its text and evidence are looked up. */
export interface ScoredKey {
  key: string;
  documentId: string;
  article: string;
  kind: RecommendedProvision['kind'];
  score: number;
  parts: RecommendedProvision['parts'];
}

export interface Decision {
  substantive: ScoredKey[];
  procedural: ScoredKey[];
  merged: ScoredKey[];
  neighbours: SimilarCase[];
  total: number;
}

const splitKey = (key: string): [string, string] => [key.slice(0, key.lastIndexOf('#')), key.slice(key.lastIndexOf('#') + 1)];

/** Scores corpus articles for a fact description; see the module comment. */
export class ProvisionRecommender {
  private titleMatcher: TitleMatcher | undefined;

  constructor(
    private readonly cases: CaseIndex,
    private readonly retriever: HybridRetriever,
    private readonly weights: RecommenderWeights = DEFAULT_RECOMMENDER_WEIGHTS,
  ) {}

  /** Documents courts apply (every law or code a corpus judgment cited): the only ones searched. */
  private appliedDocuments(prior: Map<string, number>): string[] {
    return [...new Set([...prior.keys()].map((key) => splitKey(key)[0]))].sort();
  }

  async prepare(facts: string, exclude?: string): Promise<PreparedCivil> {
    const prior = applicationPrior(this.cases.records, exclude, 1);
    const candidates = await this.cases.similar.search(facts, this.cases.records.length, { ...(exclude ? { excludeDocumentId: exclude } : {}), denseWeight: 0.5 });
    const applied = this.appliedDocuments(applicationPrior(this.cases.records, undefined, 1));
    const query = factsQuery(facts, this.cases.index);
    const substantiveDocs = applied.filter((d) => !isProceduralDocument(this.cases.index, d));
    const law = await matchLawArticles(this.retriever, query, substantiveDocs);
    this.titleMatcher ??= new TitleMatcher(this.cases.index, substantiveDocs);
    const titles = this.titleMatcher.scores(query);
    const voted = new Set(candidates.flatMap((c) => c.record.provisions.flatMap((x) => (x.documentId && x.resolvedArticle ? [articleKeyOf(x.documentId, x.resolvedArticle)] : []))));
    const keys: PreparedCivil['keys'] = [];
    for (const key of new Set([...prior.keys(), ...voted, ...law.keys(), ...titles.keys()])) {
      const [documentId, article] = splitKey(key);
      const kind = this.kindOf(documentId);
      const match = law.get(key);
      keys.push({ key, documentId, article, kind, prior: prior.get(key) ?? 0, ...(kind === 'substantive' && match ? { lawRank: match.rank } : {}), title: kind === 'substantive' ? (titles.get(key) ?? 0) : 0 });
    }
    return { ...(exclude ? { exclude } : {}), candidates, prior, law, titles, keys };
  }

  private readonly kinds = new Map<string, RecommendedProvision['kind']>();

  private kindOf(documentId: string): RecommendedProvision['kind'] {
    let k = this.kinds.get(documentId);
    if (!k) this.kinds.set(documentId, (k = isProceduralDocument(this.cases.index, documentId) ? 'procedural' : 'substantive'));
    return k;
  }

  /** Ranks a prepared description under `w`: cheap, so weights can be searched over prepared descriptions. */
  decide(p: PreparedCivil, w: RecommenderWeights = this.weights): Decision {
    const maxDense = Math.max(...p.candidates.map((c) => c.dense), 1e-9);
    const neighbours = p.candidates
      .map((c) => ({ ...c, score: (1 - w.denseWeight) * c.lexical + (w.denseWeight * c.dense) / maxDense }))
      .sort((a, b) => b.score - a.score || a.record.documentId.localeCompare(b.record.documentId))
      .filter((c) => c.score > 0)
      .slice(0, w.neighbours);
    const { votes, total } = neighbourVotes(neighbours, 1);
    const substantive: ScoredKey[] = [];
    const procedural: ScoredKey[] = [];
    for (const c of p.keys) {
      const neighbourScore = ((votes.get(c.key) ?? 0) + w.smoothing * c.prior) / (total + w.smoothing);
      const law = c.lawRank === undefined ? 0 : 1 / (1 + c.lawRank / w.lawRankScale);
      const score = neighbourScore + w.lawWeight * law + w.titleWeight * c.title;
      if (score <= 0) continue;
      (c.kind === 'substantive' ? substantive : procedural).push({ key: c.key, documentId: c.documentId, article: c.article, kind: c.kind, score, parts: { neighbours: neighbourScore, prior: c.prior, law, title: c.title } });
    }
    const order = (a: ScoredKey, b: ScoredKey) => b.score - a.score || a.documentId.localeCompare(b.documentId) || a.article.localeCompare(b.article, 'vi', { numeric: true });
    substantive.sort(order);
    procedural.sort(order);
    return { substantive, procedural, merged: [...substantive, ...procedural].sort(order), neighbours, total };
  }

  async recommend(facts: string, options: RecommendOptions = {}): Promise<Recommendation> {
    const k = options.k ?? 10;
    const exclude = options.excludeDocumentId;
    const p = await this.prepare(facts, exclude);
    const d = this.decide(p);
    const present = (s: ScoredKey) => this.withEvidence(s, d.neighbours, p.law.get(s.key), exclude);
    return {
      provisions: d.merged.slice(0, k).map(present),
      substantive: d.substantive.slice(0, k).map(present),
      procedural: d.procedural.slice(0, Math.min(k, PROCEDURAL_SHOWN)).map(present),
      unresolved: unresolvedVotes(d.neighbours, d.total + this.weights.smoothing, k),
      similar: d.neighbours,
    };
  }

  private withEvidence(s: ScoredKey, neighbours: readonly SimilarCase[], match: LawMatch | undefined, exclude: string | undefined): RecommendedProvision {
    const doc = this.cases.index.documents.get(s.documentId);
    const art = doc?.articles.find((a) => a.number.toLowerCase() === s.article);
    const judgments = neighbours
      .filter((n) => n.record.provisions.some((x) => x.documentId === s.documentId && x.resolvedArticle === s.article))
      .map((n) => ({ documentId: n.record.documentId, ...(n.record.number ? { number: n.record.number } : {}), similarity: round(n.score) }));
    const passages = (match?.hits ?? []).slice(0, 2).map((h) => ({ label: articleLabel(doc?.meta, h.chunk.article ?? s.article, h.chunk.clauseEnd ? undefined : h.chunk.clause), quote: h.chunk.text.slice(0, 500), start: h.chunk.start, end: Math.min(h.chunk.end, h.chunk.start + 500) }));
    return {
      documentId: s.documentId,
      article: s.article,
      kind: s.kind,
      score: round(s.score),
      parts: { neighbours: round(s.parts.neighbours), prior: round(s.parts.prior), law: round(s.parts.law), title: round(s.parts.title) },
      label: articleLabel(doc?.meta, art?.number ?? s.article),
      articleTitle: art?.title ?? '',
      text: doc && art ? articleText(doc, art) : '',
      evidence: {
        judgments,
        passages,
        appliedIn: {
          judgments: new Set(this.cases.applicationsOf(s.documentId, s.article).map((a) => a.record.documentId).filter((id) => id !== exclude)).size,
          of: this.cases.records.filter((r) => r.documentId !== exclude).length,
        },
      },
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export { articleKeyOf };
