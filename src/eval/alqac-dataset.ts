import { z } from 'zod';
import type { EvalQuestion } from './eval-question.js';

const alqacRecord = z.object({
  question_id: z.string(),
  question_type: z.enum(['Đúng/Sai', 'Trắc nghiệm', 'Tự luận']),
  text: z.string(),
  relevant_articles: z.array(z.object({ law_id: z.string(), article_id: z.union([z.string(), z.number()]) })),
  choices: z.record(z.string(), z.string()).optional(),
  answer: z.string().optional(),
});

/** True when the records look like ALQAC questions (`relevant_articles`). */
export function isAlqacRecord(r: unknown): boolean {
  return typeof r === 'object' && r !== null && 'relevant_articles' in r;
}

/** ALQAC questions with their gold labels as written; `gold` is filled by the gold mapper. */
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
      labels: r.relevant_articles.map((a) => ({ law: a.law_id.normalize('NFC'), article: String(a.article_id).trim() })),
      gold: [],
    };
  });
}
