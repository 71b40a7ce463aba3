import { readFile } from 'node:fs/promises';
import { isAlqacRecord, parseAlqac } from './alqac-dataset.js';
import type { EvalQuestion } from './eval-question.js';
import { isJudgmentRecord, parseJudgments } from './judgment-dataset.js';

export type DatasetFormat = 'alqac' | 'judgments';

export interface Dataset {
  format: DatasetFormat;
  questions: EvalQuestion[];
}

/** Reads a gold file and detects its format from the records themselves, not the file name. */
export async function loadDataset(file: string, limit?: number): Promise<Dataset> {
  const json: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(json) || json.length === 0) throw new Error(`${file}: expected a non-empty JSON array of records`);
  const records: unknown[] = json;
  const picked = limit !== undefined ? records.slice(0, limit) : records;
  if (isAlqacRecord(records[0])) return { format: 'alqac', questions: parseAlqac(picked) };
  if (isJudgmentRecord(records[0])) return { format: 'judgments', questions: parseJudgments(picked) };
  throw new Error(`${file}: unknown format (neither ALQAC \`relevant_articles\` nor judgments \`case_query\`)`);
}
