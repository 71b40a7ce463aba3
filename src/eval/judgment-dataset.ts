import { z } from 'zod';
import type { EvalQuestion } from './eval-question.js';
import { parseProvisionLines } from './provision-lines.js';

const judgmentRecord = z.object({
  case_id: z.string(),
  judgment_number: z.string().optional(),
  judgment_date: z.string().optional(),
  case_query: z.string(),
  related_law_provisions: z.union([z.string(), z.array(z.string())]),
  verdict_label: z.string().optional(),
});

/** True when the records look like the judgments set (`case_query`). */
export function isJudgmentRecord(r: unknown): boolean {
  return typeof r === 'object' && r !== null && 'case_query' in r;
}

/**
 * Judgments as questions: the case query is asked, the provisions the court applied are the gold,
 * and the judgment's own document (`judgments/<case_id>`) is excluded from every system's results.
 */
export function parseJudgments(records: unknown[]): EvalQuestion[] {
  return records.map((raw, i) => {
    const parsed = judgmentRecord.safeParse(raw);
    if (!parsed.success) throw new Error(`judgment record ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const r = parsed.data;
    const lines = Array.isArray(r.related_law_provisions) ? r.related_law_provisions.join('\n') : r.related_law_provisions;
    const year = yearOf(r.judgment_date) ?? yearOf(r.judgment_number);
    return {
      id: r.case_id,
      type: 'judgment' as const,
      text: r.case_query.normalize('NFC').trim(),
      labels: parseProvisionLines(lines),
      gold: [],
      excludeDocumentId: `judgments/${r.case_id}`,
      ...(year !== undefined ? { year } : {}),
    };
  });
}

function yearOf(s: string | undefined): number | undefined {
  const m = s ? /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(s) : null;
  return m ? Number(m[1]) : undefined;
}
