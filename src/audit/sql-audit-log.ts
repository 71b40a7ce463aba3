import { desc } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { auditLog } from '../db/schema.js';
import type { AuditEntry, AuditLog, AuditRecord } from './audit-log.js';

/** The audit log in the `audit_log` table. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  async record(e: AuditEntry): Promise<void> {
    await this.db.insert(auditLog).values({
      answerId: e.answerId, channel: e.channel, requestId: e.requestId ?? null, conversationId: e.conversationId ?? null,
      model: e.model ?? null, question: e.question, mode: e.mode, refused: e.refused, citations: e.citations,
    });
  }

  async list(limit = 100): Promise<AuditRecord[]> {
    const rows = await this.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(limit);
    return rows.map((r) => ({
      answerId: r.answerId, channel: r.channel, createdAt: r.createdAt.toISOString(), question: r.question, mode: r.mode, refused: r.refused, citations: r.citations,
      ...(r.requestId !== null ? { requestId: r.requestId } : {}),
      ...(r.conversationId !== null ? { conversationId: r.conversationId } : {}),
      ...(r.model !== null ? { model: r.model } : {}),
    }));
  }
}
