import { percentile } from './percentile.js';
import type { SystemMetrics } from './report/eval-report.js';
import { round, type ScoredOutput } from './score-question.js';

const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
/** Share of `xs` meeting `test`, rounded; null when there is nothing to count. */
const rate = <T>(xs: readonly T[], test: (x: T) => boolean): number | null => (xs.length > 0 ? round(xs.filter(test).length / xs.length) : null);

/**
 * Averages one system's scored outputs. Ranking metrics and citation precision cover the
 * questions with at least one gold article in the corpus; answers cover the scorable ones.
 */
export function aggregateMetrics(scored: readonly ScoredOutput[]): SystemMetrics {
  const ranked = scored.flatMap((s) => (s.ranking ? [s.ranking] : []));
  const answers = scored.flatMap((s) => (s.answerCorrect === null ? [] : [s.answerCorrect ? 1 : 0]));
  const precisions = scored.flatMap((s) => (s.citationPrecision === undefined ? [] : [s.citationPrecision]));
  const latencies = scored.map((s) => s.latencyMs);
  return {
    'recall@1': round(mean(ranked.map((r) => r['recall@1']))),
    'recall@5': round(mean(ranked.map((r) => r['recall@5']))),
    'recall@10': round(mean(ranked.map((r) => r['recall@10']))),
    'mrr@10': round(mean(ranked.map((r) => r['mrr@10']))),
    'ndcg@10': round(mean(ranked.map((r) => r['ndcg@10']))),
    answer_contains_gold: answers.length > 0 ? round(mean(answers)) : null,
    citation_precision: precisions.length > 0 ? round(mean(precisions)) : null,
    refusal_rate: round(mean(scored.map((s) => (s.refused ? 1 : 0)))),
    cited_right: rate(scored.filter((s) => s.citedRight !== undefined), (s) => s.citedRight === true),
    suggested_right: rate(scored.filter((s) => s.suggestedRight !== undefined), (s) => s.suggestedRight === true),
    answered_wrong: rate(scored.filter((s) => s.answeredWrong !== undefined), (s) => s.answeredWrong === true),
    answerable_refused: rate(scored.filter((s) => s.answerable && s.outcome), (s) => s.outcome === 'refuse'),
    unanswerable_declined: rate(scored.filter((s) => !s.answerable && s.outcome), (s) => s.outcome !== 'answer'),
    suggest_rate: rate(scored.filter((s) => s.outcome), (s) => s.outcome === 'suggest'),
    latency_ms_p50: round(percentile(latencies, 50), 1),
    latency_ms_p95: round(percentile(latencies, 95), 1),
  };
}
