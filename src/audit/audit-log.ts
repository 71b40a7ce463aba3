/** One answered question: which door it came through, and which answer it got. */
export interface AuditEntry {
  answerId: string;
  channel: 'chat' | 'openai';
  requestId?: string | undefined;
  conversationId?: string | undefined;
  /** The OpenAI-compatible model id asked for. */
  model?: string | undefined;
  /** The question as retrieval used it (follow-ups rewritten). */
  question: string;
  mode: string;
  refused: boolean;
  /** Citation labels, in order. */
  citations: string[];
}

export type AuditRecord = AuditEntry & { createdAt: string };

/** Port for the audit log: append-only. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** The newest `limit` entries, newest first. */
  list(limit?: number): Promise<AuditRecord[]>;
}
