import type { EvalReport, QuestionRecord } from './eval-report.js';
import { markdownTable, metricRows } from './terminal-table.js';

export interface MarkdownOptions {
  /** File name of the chart, relative to the Markdown file. */
  chartFile: string;
  /** Titles of corpus documents, to print `Điều 37 Luật Viên chức` instead of keys. */
  titles: ReadonlyMap<string, string>;
  /** Lines describing how the run was set up (filters, generator, rules). */
  notes: string[];
  /** Target checks, printed as a list (empty when the dataset has none). */
  targets: { label: string; met: boolean }[];
  /** Misses listed in full, per system, before the rest is left to the JSON. */
  maxMisses?: number;
}

/** The human-readable report: table, chart, targets, breakdowns, unmapped gold and each miss. */
export function markdownReport(r: EvalReport, o: MarkdownOptions): string {
  const label = (key: string) => articleLabel(key, o.titles);
  const systems = Object.keys(r.systems);
  const out: string[] = [`# Evaluation: ${r.dataset}`, '', `${r.questions} questions, ${systems.length} systems, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`, ''];
  out.push(...o.notes.map((n) => `- ${n}`), '', '## Results', '', markdownTable(metricRows(r.systems)), '', `![chart](${o.chartFile})`, '');
  if (o.targets.length > 0) out.push('## Targets', '', ...o.targets.map((t) => `- ${t.met ? '✅' : '❌'} ${t.label}`), '');
  out.push('## Where each system finds the gold', '', 'By question type: recall@1 / mrr@10.', '', breakdown(r, systems, (q) => q.type), '', 'By how the question is typed: recall@1 / mrr@10.', '', breakdown(r, systems, (q) => q.style ?? 'alqac'), '', 'By law: share of that law\'s gold articles ranked first / found in the top 10.', '', lawBreakdown(r, systems, o.titles), '');
  if (r.unmapped_gold.length > 0) {
    const byReason = new Map<string, number>();
    for (const u of r.unmapped_gold) {
      const key = `${u.law} — ${u.reason}`;
      byReason.set(key, (byReason.get(key) ?? 0) + 1);
    }
    out.push(`## Unmapped gold (${r.unmapped_gold.length} labels, listed per question in the JSON)`, '', markdownTable([['label — reason', 'count'], ...[...byReason].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k.replace(/\|/g, '\\|'), String(n)])]), '');
  }
  for (const s of systems) {
    const misses = r.per_question.filter((q) => q.gold.length > 0 && q.systems[s]?.first_gold_rank !== 1);
    out.push(`## Misses of \`${s}\` (gold not first: ${misses.length})`, '');
    const shown = misses.slice(0, o.maxMisses ?? 60);
    for (const q of shown) {
      const res = q.systems[s]!;
      const others = systems.filter((x) => x !== s).map((x) => `${x} ${q.systems[x]?.first_gold_rank ?? '–'}`).join(', ');
      out.push(`- **${q.id}** (${q.type}) ${oneLine(q.question)}`, `  - gold: ${q.gold.map(label).join('; ')}`, `  - rank of gold: ${res.first_gold_rank ?? 'not in top 10'} (others: ${others})`, `  - returned: ${res.returned.slice(0, 5).map(label).join('; ')}`);
    }
    if (misses.length > shown.length) out.push(`- … ${misses.length - shown.length} more in the JSON report (\`per_question\`).`);
    out.push('');
  }
  return out.join('\n');
}

/** recall@1 / mrr@10 of each system over groups of questions. */
function breakdown(r: EvalReport, systems: string[], groupOf: (q: QuestionRecord) => string): string {
  const groups = new Map<string, QuestionRecord[]>();
  for (const q of r.per_question) if (q.gold.length > 0) groups.set(groupOf(q), [...(groups.get(groupOf(q)) ?? []), q]);
  const rows = [['group', 'n', ...systems.map((s) => `${s} r@1 / mrr`)]];
  for (const [g, qs] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    rows.push([g, String(qs.length), ...systems.map((s) => {
      const r1 = qs.filter((q) => q.systems[s]?.first_gold_rank === 1).length / qs.length;
      const mrr = qs.reduce((sum, q) => sum + (q.systems[s]?.first_gold_rank ? 1 / q.systems[s]!.first_gold_rank! : 0), 0) / qs.length;
      return `${r1.toFixed(2)} / ${mrr.toFixed(2)}`;
    })]);
  }
  return markdownTable(rows);
}

/** Per law, over its gold articles: ranked first, and found in the top 10, for each system. */
function lawBreakdown(r: EvalReport, systems: string[], titles: ReadonlyMap<string, string>): string {
  const byLaw = new Map<string, { q: QuestionRecord; key: string }[]>();
  for (const q of r.per_question) for (const key of q.gold) byLaw.set(lawOf(key, titles), [...(byLaw.get(lawOf(key, titles)) ?? []), { q, key }]);
  const rows = [['law', 'gold articles', ...systems.map((s) => `${s} @1 / @10`)]];
  for (const [law, golds] of [...byLaw].sort((a, b) => b[1].length - a[1].length)) {
    rows.push([law, String(golds.length), ...systems.map((s) => {
      const ranks = golds.map(({ q, key }) => q.systems[s]?.returned.indexOf(key) ?? -1);
      return `${(ranks.filter((i) => i === 0).length / golds.length).toFixed(2)} / ${(ranks.filter((i) => i >= 0).length / golds.length).toFixed(2)}`;
    })]);
  }
  return markdownTable(rows);
}

function articleLabel(key: string, titles: ReadonlyMap<string, string>): string {
  const [doc, article] = key.split('#');
  const title = titles.get(doc ?? '') ?? doc;
  return article?.startsWith('(') ? `${title} (outside any article)` : `Điều ${article} ${title}`;
}

function lawOf(key: string | undefined, titles: ReadonlyMap<string, string>): string {
  const doc = key?.split('#')[0] ?? '';
  return titles.get(doc) ?? doc;
}

const oneLine = (s: string) => (s.length > 220 ? `${s.slice(0, 220)}…` : s).replace(/\s+/g, ' ');
