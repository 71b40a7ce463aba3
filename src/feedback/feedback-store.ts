import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface FeedbackInput {
  rating: 'helpful' | 'not_helpful';
  comment?: string | undefined;
  question?: string | undefined;
  answer?: string | undefined;
  citations?: string[] | undefined;
  mode?: string | undefined;
}

export type FeedbackRecord = FeedbackInput & { id: string; createdAt: string };

/** Ratings in an append-only JSON Lines file: one line per rating, never rewritten. */
export class FeedbackStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  async append(input: FeedbackInput): Promise<FeedbackRecord> {
    const record: FeedbackRecord = { id: randomUUID(), createdAt: new Date().toISOString(), ...input };
    // Appends are serialised so concurrent requests never interleave partial lines.
    const write = this.queue.then(async () => {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify(record)}\n`, 'utf8');
    });
    this.queue = write.catch(() => undefined);
    await write;
    return record;
  }

  /** The newest `limit` ratings, newest first; a torn last line is skipped. */
  async list(limit = 100): Promise<FeedbackRecord[]> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (e) {
      // No file yet means no feedback; any other failure is an error, never an empty list.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: FeedbackRecord[] = [];
    for (const line of raw.split('\n').reverse()) {
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as FeedbackRecord);
      } catch {
        continue;
      }
      if (out.length >= limit) break;
    }
    return out;
  }
}
