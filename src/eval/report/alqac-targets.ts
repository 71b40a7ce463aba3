import type { SystemMetrics } from './eval-report.js';

/** Plain syllable+bigram BM25 over the laws and codes, as measured when the targets were set. */
export const CALIBRATION = { 'recall@1': 0.78, 'recall@10': 0.965, 'mrr@10': 0.85 } as const;

/** The targets for `full` on alqac25-dev.json, checked against a run's metrics. */
export function alqacTargets(systems: Record<string, SystemMetrics>): { label: string; met: boolean }[] {
  const full = systems.full;
  if (!full) return [];
  const out = [
    { label: `full recall@1 ≥ 0.88 (measured ${full['recall@1'].toFixed(3)}; calibration BM25 ${CALIBRATION['recall@1']})`, met: full['recall@1'] >= 0.88 },
    { label: `full recall@10 ≥ 0.98 (measured ${full['recall@10'].toFixed(3)}; calibration ${CALIBRATION['recall@10']})`, met: full['recall@10'] >= 0.98 },
    { label: `full mrr@10 ≥ 0.92 (measured ${full['mrr@10'].toFixed(3)}; calibration ${CALIBRATION['mrr@10']})`, met: full['mrr@10'] >= 0.92 },
  ];
  for (const other of ['bm25', 'naive-langchain']) {
    const m = systems[other];
    if (m) out.push({ label: `full mrr@10 beats ${other} (${full['mrr@10'].toFixed(3)} vs ${m['mrr@10'].toFixed(3)})`, met: full['mrr@10'] > m['mrr@10'] });
  }
  return out;
}
