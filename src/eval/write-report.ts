import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EvalReport } from './report/eval-report.js';
import { markdownReport, type MarkdownOptions } from './report/markdown-report.js';
import { groupedBarChart } from './report/svg-chart.js';

const CHART_METRICS = ['recall@1', 'recall@5', 'recall@10', 'mrr@10', 'ndcg@10', 'answer_contains_gold', 'citation_precision'] as const;

/** Writes `<name>.json`, `<name>.md` and `<name>.svg` next to each other; returns their paths. */
export async function writeReport(report: EvalReport, jsonPath: string, md: Omit<MarkdownOptions, 'chartFile'>): Promise<{ json: string; markdown: string; chart: string }> {
  const dir = path.dirname(jsonPath);
  const base = path.basename(jsonPath).replace(/\.json$/i, '');
  const chart = path.join(dir, `${base}.svg`);
  const markdown = path.join(dir, `${base}.md`);
  await mkdir(dir, { recursive: true });
  const series = Object.entries(report.systems).map(([name, m]) => ({ name, values: CHART_METRICS.map((k) => m[k]) }));
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(chart, groupedBarChart(`${report.dataset}: ${report.questions} questions`, CHART_METRICS, series));
  await writeFile(markdown, markdownReport(report, { ...md, chartFile: path.basename(chart) }));
  return { json: jsonPath, markdown, chart };
}
