import { chooseOption, citationPrecision, containsGoldAnswer } from './answer-scoring.js';
import { articleKey, type EvalQuestion } from './eval-question.js';
import type { AnswerOutcome, SystemOutput } from './eval-system.js';
import { rankingScores, type RankingScores } from './ranking-metrics.js';
import type { QuestionSystemResult } from './report/eval-report.js';

/** Everything aggregation needs from one (question, system) pair. */
export interface ScoredOutput {
  ranking: RankingScores | undefined;
  answerCorrect: boolean | null;
  citationPrecision: number | undefined;
  refused: boolean;
  /** Answering systems: whether the chat answered citing a gold article (answerable questions only). */
  citedRight: boolean | undefined;
  /** Answering systems: whether a "gợi ý" listed a gold article (answerable questions only). */
  suggestedRight: boolean | undefined;
  /** Answering systems: whether the chat answered citing no gold article (answerable questions only). */
  answeredWrong: boolean | undefined;
  /** Whether the question can be answered from the corpus. */
  answerable: boolean;
  outcome: AnswerOutcome | undefined;
  latencyMs: number;
  record: QuestionSystemResult;
}

/**
 * Scores one output. Answers are scored for Tự luận (key figures and phrases) and Trắc nghiệm
 * (the option the cited passages support); Đúng/Sai answers are not scored, since an extractive
 * answer quotes the law without saying true or false. A refusal scores as a wrong answer.
 */
export function scoreQuestion(q: EvalQuestion, out: SystemOutput): ScoredOutput {
  const gold = new Set(q.gold.map(articleKey));
  const ranked = out.articles.map(articleKey);
  const ranking = gold.size > 0 ? rankingScores(ranked, gold) : undefined;
  const a = out.answer;
  let answerCorrect: boolean | null = null;
  let chosen: string | null | undefined;
  if (a && q.answer !== undefined && q.type === 'Tự luận') answerCorrect = !a.refused && containsGoldAnswer(a.text, q.answer);
  if (a && q.answer !== undefined && q.type === 'Trắc nghiệm' && q.choices) {
    chosen = a.refused ? null : (chooseOption(q.choices, a.evidence) ?? null);
    answerCorrect = chosen === q.answer.trim();
  }
  const precision = a && gold.size > 0 ? citationPrecision(a.cited, gold) : undefined;
  const answerable = q.answerable ?? true;
  const outcome = a ? (out.outcome ?? (a.refused ? 'refuse' : 'answer')) : undefined;
  const citedRight = a && answerable && gold.size > 0 ? outcome === 'answer' && a.cited.some((c) => c !== undefined && gold.has(articleKey(c))) : undefined;
  const scorable = a && answerable && gold.size > 0;
  const suggestedRight = scorable ? outcome === 'suggest' && (out.suggested ?? []).some((s) => gold.has(articleKey(s))) : undefined;
  const answeredWrong = scorable ? outcome === 'answer' && !citedRight : undefined;
  return {
    ranking,
    answerCorrect,
    citationPrecision: precision,
    refused: out.refused,
    citedRight,
    suggestedRight,
    answeredWrong,
    answerable,
    outcome,
    latencyMs: out.latencyMs,
    record: {
      returned: ranked,
      first_gold_rank: ranking?.firstGoldRank ?? null,
      'recall@10': round(ranking?.['recall@10'] ?? 0),
      ...(a ? { answer: a.text.length > 600 ? `${a.text.slice(0, 600)}…` : a.text } : {}),
      ...(chosen !== undefined ? { chosen_option: chosen } : {}),
      answer_correct: answerCorrect,
      ...(a ? { citations: a.cited.map((c) => (c ? articleKey(c) : '(no article)')) } : {}),
      refused: out.refused,
      ...(outcome ? { outcome } : {}),
      latency_ms: round(out.latencyMs, 1),
    },
  };
}

/** Rounds for the report (4 decimals by default). */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
