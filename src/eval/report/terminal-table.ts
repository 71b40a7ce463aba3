import { METRIC_NAMES, type SystemMetrics } from './eval-report.js';

/** Formats a metric for a table: rates with 3 decimals, latencies in ms with 1, missing as `–`. */
export function formatMetric(name: string, v: number | null): string {
  if (v === null) return '–';
  return name.startsWith('latency') ? v.toFixed(1) : v.toFixed(3);
}

/** Rows of [system, …metrics] with a header row, for the terminal and the Markdown report. */
export function metricRows(systems: Record<string, SystemMetrics>): string[][] {
  return [['system', ...METRIC_NAMES], ...Object.entries(systems).map(([name, m]) => [name, ...METRIC_NAMES.map((k) => formatMetric(k, m[k]))])];
}

/** A plain aligned text table. */
export function textTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** A Markdown table. */
export function markdownTable(rows: readonly string[][]): string {
  const [head, ...body] = rows;
  const line = (r: readonly string[]) => `| ${r.join(' | ')} |`;
  return [line(head!), `|${head!.map((_, c) => (c === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...body.map(line)].join('\n');
}
