import { randomUUID } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { feedback } from '../db/schema.js';
import type { FeedbackInput, FeedbackRecord, FeedbackStore } from './feedback-store.js';

type Row = typeof feedback.$inferSelect;

/** Ratings in the `feedback` table; a rating is only ever inserted, never changed. */
export class SqlFeedbackStore implements FeedbackStore {
  constructor(private readonly db: Db) {}

  async append(input: FeedbackInput): Promise<FeedbackRecord> {
    const [row] = await this.db.insert(feedback).values(toRow({ id: randomUUID(), createdAt: new Date().toISOString(), ...input })).returning();
    if (!row) throw new Error('feedback insert returned no row');
    return fromRow(row);
  }

  /** Adds records that already have ids (an imported file); ids already present are skipped. Returns how many were new. */
  async import(records: FeedbackRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const inserted = await this.db.insert(feedback).values(records.map(toRow)).onConflictDoNothing().returning({ id: feedback.id });
    return inserted.length;
  }

  async list(limit = 100): Promise<FeedbackRecord[]> {
    const rows = await this.db.select().from(feedback).orderBy(desc(feedback.createdAt), desc(feedback.id)).limit(limit);
    return rows.map(fromRow);
  }

  /** The table with its indexes and TOAST, as PostgreSQL accounts it: constant time, whatever the row count. */
  async sizeBytes(): Promise<number> {
    const result: unknown = await this.db.execute(sql`select pg_total_relation_size('feedback')::bigint as n`);
    // Drivers differ: node-postgres and PGlite answer `{ rows }`, the IPC proxy the rows themselves.
    const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as { n?: string | number }[];
    return Number(rows[0]?.n ?? 0);
  }
}

function toRow(r: FeedbackRecord): typeof feedback.$inferInsert {
  return {
    id: r.id, createdAt: new Date(r.createdAt), rating: r.rating, comment: r.comment ?? null, question: r.question ?? null,
    answer: r.answer ?? null, citations: r.citations ?? null, mode: r.mode ?? null,
  };
}

/** Back to the API's shape: absent fields stay absent rather than null, as the JSON Lines store returned them. */
function fromRow(row: Row): FeedbackRecord {
  return {
    id: row.id, createdAt: row.createdAt.toISOString(), rating: row.rating,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...(row.question !== null ? { question: row.question } : {}),
    ...(row.answer !== null ? { answer: row.answer } : {}),
    ...(row.citations !== null ? { citations: row.citations } : {}),
    ...(row.mode !== null ? { mode: row.mode } : {}),
  };
}
