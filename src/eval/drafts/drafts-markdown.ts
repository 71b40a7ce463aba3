import { markdownTable } from '../report/terminal-table.js';
import type { DraftsBench } from './drafts-bench.js';
import type { KindScore } from './score-drafts.js';

const f = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The issue's targets, judged on held-out numbers. */
export function draftTargets(d: DraftsBench): { label: string; met: boolean }[] {
  const h = d.crossValidation.heldOut;
  return [
    { label: `conflict recall ≥ 0.90 at precision ≥ 0.90 (held-out: recall ${f(h.conflict.recall)}, precision ${f(h.conflict.precision)})`, met: h.conflict.recall >= 0.9 && h.conflict.precision >= 0.9 },
    { label: `≤ 5% of paraphrases called conflicts (held-out: ${pct(h.paraphraseAsConflict)})`, met: h.paraphraseAsConflict <= 0.05 },
    { label: `≤ 5% of unrelated rules flagged (held-out: ${pct(h.unrelatedFlagged)})`, met: h.unrelatedFlagged <= 0.05 },
    { label: `30-article draft checked in < 3 s over HTTP once the server has warmed up (p95 ${d.http.p95} ms; first call before warm-up ${d.http.coldMs} ms)`, met: d.http.p95 < 3000 },
  ];
}

/** The drafts part of the bench report. */
export function draftsMarkdown(d: DraftsBench): string[] {
  const h = d.crossValidation.heldOut;
  const row = (name: string, s: KindScore) => [name, String(s.tp), String(s.fp), String(s.fn), f(s.precision), f(s.recall), f(s.f1)];
  return [
    '## Draft checker (planted edits)',
    '',
    `\`${d.dataset}\`: ${d.items} items (${Object.entries(d.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}), checked in ${(d.prepareMs / 1000).toFixed(1)} s. Thresholds fitted by 5-fold cross-validation grouped by source law; every number below is held-out (each item judged by thresholds fitted without its fold). Folds chose ${d.crossValidation.chosen.map((t) => `${t.conflict}/${t.duplicate}/${t.margin}`).join(', ')} (conflict/duplicate/margin); fitted on all items (served): ${d.fitted.conflict}/${d.fitted.duplicate}/${d.fitted.margin}.`,
    '',
    markdownTable([['finding', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'], row('conflict', h.conflict), row('duplicate', h.duplicate), row('reference', h.reference)]),
    '',
    `Conflict recall by planted edit: ${Object.entries(h.conflictRecallBy).map(([k, r]) => `${k} ${r.found}/${r.of} (${f(r.found / r.of)})`).join(', ')}. Paraphrases called conflicts: ${pct(h.paraphraseAsConflict)}; unrelated rules with any finding: ${pct(h.unrelatedFlagged)}.`,
    '',
    `30-article draft (${d.http.provisions} provisions, ${d.http.chars} characters) through \`POST /v1/drafts/check\` in-process: first call on a fresh index (every article's sentences analysed on demand) ${d.http.coldMs} ms; after the warm-up the server runs at start (${(d.http.warmUpMs / 1000).toFixed(1)} s in the background) p50 ${d.http.p50} ms, p95 ${d.http.p95} ms, max ${d.http.max} ms over ${d.http.runs} runs (findings: ${Object.entries(d.http.findings).map(([k, n]) => `${k} ${n}`).join(', ')}). Shared 2-core machine: timings are noisy.`,
    '',
    `Corpus run: ${d.corpus.sentences} sentences of the laws and codes checked against every other document in ${(d.corpus.ms / 1000).toFixed(1)} s: ${d.corpus.conflicts} conflicts, ${d.corpus.duplicates} overlaps; listed in \`${d.corpus.report}\`.`,
    '',
    '### Targets',
    '',
    ...draftTargets(d).map((t) => `- ${t.met ? '✅' : '❌'} ${t.label}`),
    '',
  ];
}
