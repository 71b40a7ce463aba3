import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SearchBench, SearchRun } from './bench-types.js';
import { runChild } from './run-child.js';
import { SEARCH_CHILD } from './scale-bench.js';

export interface SearchBenchOptions {
  indexDir: string;
  /** Question sets by name (every question of each is searched once). */
  sets: { name: string; questions: string[] }[];
  log: (m: string) => void;
}

/**
 * In-process search latency on the served index: for each question set, a process of its own loads
 * the index as the server does (warm-up included), then times `retriever.search` once per question.
 */
export async function searchBench(o: SearchBenchOptions): Promise<SearchBench> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'search-bench-'));
  try {
    const sets: SearchBench['sets'] = [];
    for (const s of o.sets) {
      const file = path.join(tmp, `${s.name}.json`);
      await writeFile(file, JSON.stringify(s.questions));
      o.log(`search: ${s.name} (${s.questions.length} questions)`);
      sets.push({ name: s.name, ...(await runChild<SearchRun>(SEARCH_CHILD, [o.indexDir, file], 15 * 60_000, o.log)) });
    }
    return { indexDir: o.indexDir, sets };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
