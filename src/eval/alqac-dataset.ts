import { z } from 'zod';
import { BRIEFING_LABEL, type EvalQuestion } from './eval-question.js';

const alqacRecord = z.object({
  question_id: z.string(),
  question_type: z.enum(['Đúng/Sai', 'Trắc nghiệm', 'Tự luận']),
  text: z.string(),
  relevant_articles: z.array(z.object({ law_id: z.string(), article_id: z.union([z.string(), z.number()]) })),
  choices: z.record(z.string(), z.string()).optional(),
  answer: z.string().optional(),
  // Natural-question sets (eval/datasets/): how the question is typed, and whether the corpus answers it.
  style: z.enum(['alqac', 'natural', 'unaccented', 'typo', 'short']).optional(),
  answerable: z.boolean().optional(),
  relevant_briefings: z.array(z.object({ file: z.string(), date: z.string() })).optional(),
  category: z.string().optional(),
  missing_law: z.string().optional(),
});

/** True when the records look like ALQAC questions (`relevant_articles`). */
export function isAlqacRecord(r: unknown): boolean {
  return typeof r === 'object' && r !== null && 'relevant_articles' in r;
}

/**
 * ALQAC-format questions with their gold labels as written; `gold` is filled by the gold mapper.
 * The natural-question sets use the same records with a style, an answerable flag, briefing gold
 * (`relevant_briefings`) and, for questions the corpus cannot answer, the law that would.
 */
export function parseAlqac(records: unknown[]): EvalQuestion[] {
  return records.map((raw, i) => {
    const parsed = alqacRecord.safeParse(raw);
    if (!parsed.success) throw new Error(`ALQAC record ${i}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const r = parsed.data;
    return {
      id: r.question_id,
      type: r.question_type,
      text: r.text.normalize('NFC'),
      ...(r.choices ? { choices: r.choices } : {}),
      ...(r.answer !== undefined ? { answer: r.answer.normalize('NFC') } : {}),
      labels: [
        ...r.relevant_articles.map((a) => ({ law: a.law_id.normalize('NFC'), article: String(a.article_id).trim() })),
        ...(r.relevant_briefings ?? []).map((b) => ({ law: BRIEFING_LABEL, article: '', briefing: b.file })),
      ],
      gold: [],
      style: r.style ?? 'alqac',
      answerable: r.answerable ?? true,
      ...(r.category ? { category: r.category } : {}),
      ...(r.missing_law ? { missingLaw: r.missing_law.normalize('NFC') } : {}),
    };
  });
}
