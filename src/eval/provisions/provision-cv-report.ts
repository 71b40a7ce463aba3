import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { markdownTable, textTable } from '../report/terminal-table.js';
import type { ProvisionCvReport, ProvisionCvRow } from './provision-cv.js';

const COLUMNS = ['recall@5', 'recall@10', 'substantive recall@5', 'substantive recall@10', 'offense@1', 'offenses@3', 'clause accuracy', 'latency_ms_p50', 'latency_ms_p95'] as const satisfies readonly (keyof ProvisionCvRow)[];

function rows(r: ProvisionCvReport): string[][] {
  const fmt = (k: (typeof COLUMNS)[number], v: number | null) => (v === null ? '–' : k.startsWith('latency') ? v.toFixed(1) : v.toFixed(3));
  return [['system', ...COLUMNS], ...r.rows.map((row) => [row.system, ...COLUMNS.map((k) => fmt(k, row[k]))])];
}

/** The issue's targets for the judges' recommender, checked on the cross-validated row. */
export function provisionTargets(r: ProvisionCvReport): { label: string; met: boolean }[] {
  const rec = r.rows.find((x) => x.system.startsWith('recommender'));
  const freq = r.rows.find((x) => x.system === 'frequent-provisions');
  if (!rec || !freq) return [];
  const out: { label: string; met: boolean }[] = [];
  if (r.criminal > 0 && rec['offense@1'] !== null) {
    out.push({ label: `criminal offense article first ≥ 0.70 (nested CV: ${rec['offense@1'].toFixed(3)})`, met: rec['offense@1'] >= 0.7 });
    out.push({ label: `criminal offense articles in the top 3 ≥ 0.85 (nested CV: ${rec['offenses@3']!.toFixed(3)})`, met: rec['offenses@3']! >= 0.85 });
  }
  if (r.civil > 0 && r.substantiveQuestions > 0) {
    const sub = rec['substantive recall@10'];
    out.push({ label: `civil substantive recall@10 ≥ 0.40 (nested CV: ${sub.toFixed(3)})`, met: sub >= 0.4 });
    out.push({ label: `civil substantive recall@10 ≥ frequency baseline + 0.10 (${sub.toFixed(3)} vs ${freq['substantive recall@10'].toFixed(3)})`, met: sub >= freq['substantive recall@10'] + 0.1 });
  }
  out.push({ label: `/v1/cases/provisions p95 < 150 ms in-process (advisor as served: p50 ${r.served.latency_ms_p50.toFixed(1)}, p95 ${r.served.latency_ms_p95.toFixed(1)} ms)`, met: r.served.latency_ms_p95 < 150 });
  return out;
}

const NOTES = [
  'recommender (nested CV): each question is routed by the case-type classifier, then ranked with weights chosen by an inner 4-fold CV over the other outer folds (5 outer folds, fixed seed); no question took part in choosing the weights applied to it.',
  'Civil questions: the corpus judgment a question was taken from is left out of the neighbours, the prior and the frequency and similar-judgment baselines. Criminal questions: the corpus has no criminal judgments, so both baselines learn from the other folds\' questions (most frequent provisions; provisions of the 5 most BM25-similar questions).',
  'substantive: gold and ranking without the procedural codes (Bộ luật tố tụng dân sự/hình sự, Luật tố tụng hành chính). offense@1: the first recommendation is an offense article the court applied; offenses@3: every such article is in the top 3; clause accuracy: gold offense clauses the recommender charged with the same clause.',
  'Latency: reading and ranking one description in-process (search, case index, clause matching); for civil questions it includes rebuilding the similar-case BM25 without the left-out judgment, which the service never does.',
];

/** Prints the table and writes `<name>.provisions.json` and `.md` beside the eval report. */
export async function writeProvisionCvReport(r: ProvisionCvReport, dataset: string, jsonPath: string): Promise<{ json: string; markdown: string; table: string }> {
  const base = jsonPath.replace(/\.json$/i, '');
  const json = `${base}.provisions.json`;
  const markdown = `${base}.provisions.md`;
  await mkdir(path.dirname(json), { recursive: true });
  await writeFile(json, `${JSON.stringify(r, null, 2)}\n`);
  const targets = provisionTargets(r);
  const md = [
    `# Provision recommendation: ${dataset}`,
    '',
    `${r.questions} questions (${r.criminal} routed as criminal, ${r.civil} as civil; ${r.substantiveQuestions} with substantive gold in the corpus)${r.caseTypeAccuracy !== null ? `; case type right for ${(r.caseTypeAccuracy * 100).toFixed(1)}%` : ''}; the chat hands ${(r.chatRouted * 100).toFixed(1)}% of them to the case advisor.`,
    '',
    ...NOTES.map((n) => `- ${n}`),
    '',
    markdownTable(rows(r)),
    '',
    ...targets.map((t) => `- ${t.met ? 'MET' : 'NOT MET'}: ${t.label}`),
    '',
    '## Weights chosen per outer fold',
    '',
    ...r.chosen.map((c) => `- ${c.family}, fold ${c.fold}: \`${JSON.stringify(c.weights)}\``),
    '',
  ].join('\n');
  await writeFile(markdown, md);
  return { json, markdown, table: [textTable(rows(r)), ...targets.map((t) => `${t.met ? 'MET    ' : 'NOT MET'}  ${t.label}`)].join('\n') };
}
