import type { Logger } from 'pino';
import type { Answer } from '../answer/answer-generator.js';
import type { AuditEntry, AuditLog } from '../audit/audit-log.js';
import type { ConversationStore } from '../conversations/conversation-store.js';

/** Where answers are recorded: the audit log always, a conversation thread when the client names one. */
export interface AnswerRecords {
  audit: AuditLog;
  conversations: ConversationStore;
}

export interface AnsweredTurn {
  answerId: string;
  channel: AuditEntry['channel'];
  requestId?: string | undefined;
  model?: string | undefined;
  /** The question retrieval used (follow-ups rewritten), for the audit log. */
  searched: string;
  result: Answer;
  /** A thread to append to: the user's words as typed, and the answer as the client received it. */
  thread?: { conversationId: string; question: string; payload: Record<string, unknown> } | undefined;
}

/**
 * Records an answer that is about to be sent. A storage failure is logged and swallowed: the person
 * asking still gets the answer.
 */
export async function recordAnswer(records: AnswerRecords, log: Logger | undefined, t: AnsweredTurn): Promise<void> {
  const writes: Promise<unknown>[] = [
    records.audit.record({
      answerId: t.answerId, channel: t.channel, requestId: t.requestId, conversationId: t.thread?.conversationId, model: t.model,
      question: t.searched, mode: t.result.mode, refused: t.result.refused, citations: t.result.citations.map((c) => c.label),
    }),
  ];
  if (t.thread) {
    writes.push(records.conversations.appendTurn(t.thread.conversationId, t.thread.question, { answerId: t.answerId, content: t.result.answer, answer: t.thread.payload }));
  }
  for (const outcome of await Promise.allSettled(writes)) {
    if (outcome.status === 'rejected') log?.error({ err: outcome.reason, answerId: t.answerId }, 'could not record the answer');
  }
}
