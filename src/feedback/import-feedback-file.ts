import { readFile, rename } from 'node:fs/promises';
import type { FeedbackRecord } from './feedback-store.js';
import type { SqlFeedbackStore } from './sql-feedback-store.js';

/**
 * Moves ratings from the JSON Lines file earlier versions wrote into the database, then renames the
 * file to `*.imported` so it is read once. Ids are kept, so a crash halfway and a rerun import nothing twice.
 * Returns the number of ratings added (0 when there is no file).
 */
export async function importFeedbackFile(file: string, store: SqlFeedbackStore): Promise<number> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const records: FeedbackRecord[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as FeedbackRecord;
      if (typeof r.id === 'string' && typeof r.createdAt === 'string' && (r.rating === 'helpful' || r.rating === 'not_helpful')) records.push(r);
    } catch {
      // a torn last line from a crash mid-append: the JSON Lines store skipped it too
    }
  }
  const added = await store.import(records);
  await rename(file, `${file}.imported`);
  return added;
}
