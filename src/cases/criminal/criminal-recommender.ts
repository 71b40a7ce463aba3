/**
 * Provisions for a criminal fact pattern: the offense articles (with the clause and points the
 * facts meet), then the general-part articles with their reasons. Offenses are ranked by a weighted
 * sum of their evidence ({@link OffenseScorer}); the weights and the share of the best score a
 * second offense needs are fitted by cross-validation (`npm run train-recommender`).
 */
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { HybridRetriever } from '../../retrieval/hybrid-retriever.js';
import type { Thesaurus } from '../../text/thesaurus.js';
import { factsQuery } from '../facts-query.js';
import { matchLawArticles } from '../law-matches.js';
import { clauseLabel, type ClauseMatch } from './clause-match.js';
import type { CriminalCode } from './criminal-code.js';
import { readCriminalFacts, type CriminalFacts } from './criminal-facts.js';
import { generalPart, type GeneralProvision } from './general-part.js';
import { OFFENSE_FEATURES, offenseScorerOf, type OffenseCandidate, type OffenseFeature } from './offense-features.js';

export interface CriminalWeights {
  features: Record<OffenseFeature, number>;
  /** A further offense is charged when its score reaches this share of the best one. */
  secondOffense: number;
}

export const DEFAULT_CRIMINAL_WEIGHTS: CriminalWeights = { features: { named: 2, name: 1, definition: 1, retrieval: 1, figures: 0.5 }, secondOffense: 0.9 };

/** An offense to charge: its article, the clause the facts fall under, the evidence. */
export interface ChargedOffense extends OffenseCandidate {
  score: number;
  /** `điểm c khoản 1 Điều 249`. */
  label: string;
}

export interface CriminalRecommendation {
  offenses: ChargedOffense[];
  /** Other offenses the description may be about, best first. */
  alternatives: ChargedOffense[];
  general: GeneralProvision[];
}

/** A description read and its offense candidates scored feature by feature: everything but the weights. */
export interface PreparedCriminal {
  facts: CriminalFacts;
  candidates: OffenseCandidate[];
}

const generalMemo = new WeakMap<PreparedCriminal, Map<string, GeneralProvision[]>>();

const MAX_OFFENSES = 3;
const ALTERNATIVES = 7;

export class CriminalRecommender {
  constructor(
    readonly code: CriminalCode,
    private readonly index: CorpusIndex,
    private readonly retriever: HybridRetriever,
    /** The team's curated thesaurus: more lay wording mapped to the code's words. */
    private readonly thesaurus?: Thesaurus,
  ) {}

  /** Reads the facts and scores every candidate offense's evidence. */
  async prepare(description: string): Promise<PreparedCriminal> {
    const facts = readCriminalFacts(description);
    const law = await matchLawArticles(this.retriever, factsQuery(facts.offenseText.text, this.index), [this.code.documentId], 60);
    const ranks = new Map([...law.values()].map((m) => [m.article, m.rank]));
    return { facts, candidates: offenseScorerOf(this.code).candidates(facts, ranks, this.thesaurus) };
  }

  /** The recommendation under `weights`; cheap, so weights can be searched over prepared descriptions. */
  decide(p: PreparedCriminal, weights: CriminalWeights = DEFAULT_CRIMINAL_WEIGHTS): CriminalRecommendation {
    const w = OFFENSE_FEATURES.map((f) => weights.features[f]);
    const scores = p.candidates.map((c) => {
      let s = 0;
      for (let j = 0; j < w.length; j++) s += w[j]! * c.features[OFFENSE_FEATURES[j]!];
      return s;
    });
    const order = p.candidates.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || Number.parseInt(p.candidates[a]!.offense.article) - Number.parseInt(p.candidates[b]!.offense.article));
    const top = order[0];
    if (top === undefined || scores[top]! <= 0) return { offenses: [], alternatives: [], general: [] };
    const charge = (i: number): ChargedOffense => ({ ...p.candidates[i]!, score: scores[i]!, label: clauseLabel(p.candidates[i]!.match) });
    const chosen = order.filter((i, rank) => rank === 0 || (rank < MAX_OFFENSES && scores[i]! >= weights.secondOffense * scores[top]!));
    const offenses = chosen.map(charge);
    const alternatives = order.filter((i) => !chosen.includes(i)).slice(0, ALTERNATIVES).map(charge);
    // The general part depends only on which offenses are charged: weight searches reuse it.
    let memo = generalMemo.get(p);
    if (!memo) generalMemo.set(p, (memo = new Map()));
    const key = offenses.map((o) => o.offense.article).join(',');
    let general = memo.get(key);
    if (!general) memo.set(key, (general = generalPart(p.facts, offenses.map((o): ClauseMatch => o.match))));
    return { offenses, alternatives, general };
  }

  async recommend(description: string, weights?: CriminalWeights): Promise<CriminalRecommendation> {
    return this.decide(await this.prepare(description), weights);
  }
}

/** Article numbers best first: offenses, general part, then the alternative offenses. */
export function rankedArticles(r: CriminalRecommendation): string[] {
  return [...new Set([...r.offenses.map((o) => o.offense.article), ...r.general.map((g) => g.article), ...r.alternatives.map((o) => o.offense.article)])];
}
