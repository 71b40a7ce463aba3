import { aggregateMetrics } from './aggregate-metrics.js';
import { articleKey, type EvalQuestion, type UnmappedGold } from './eval-question.js';
import type { EvalSystem } from './eval-system.js';
import type { EvalReport, QuestionRecord } from './report/eval-report.js';
import { scoreQuestion, type ScoredOutput } from './score-question.js';

export interface RunEvalOptions {
  dataset: string;
  questions: EvalQuestion[];
  unmapped: UnmappedGold[];
  systems: EvalSystem[];
  /** Called after each question of each system. */
  onProgress?: (system: string, done: number, total: number) => void;
}

/** Runs every system on the same questions, one system at a time, and builds the report. */
export async function runEval(o: RunEvalOptions): Promise<EvalReport> {
  const records: QuestionRecord[] = o.questions.map((q) => ({
    id: q.id,
    type: q.type,
    question: q.text,
    gold: q.gold.map(articleKey),
    gold_labels: q.labels.map((l) => `${l.law} | Điều ${l.article || '?'}`),
    ...(q.answer !== undefined ? { answer: q.answer } : {}),
    ...(q.style ? { style: q.style } : {}),
    ...(q.answerable === false ? { answerable: false } : {}),
    systems: {},
  }));
  const systems: EvalReport['systems'] = {};
  for (const system of o.systems) {
    const scored: ScoredOutput[] = [];
    for (const [i, q] of o.questions.entries()) {
      const s = scoreQuestion(q, await system.run(q));
      scored.push(s);
      records[i]!.systems[system.name] = s.record;
      o.onProgress?.(system.name, i + 1, o.questions.length);
    }
    systems[system.name] = aggregateMetrics(scored);
  }
  return { dataset: o.dataset, questions: o.questions.length, unmapped_gold: o.unmapped, systems, per_question: records };
}
