import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { conversationMessages, conversations } from '../db/schema.js';
import type { AssistantTurn, Conversation, ConversationStore, StoredMessage } from './conversation-store.js';

const TITLE_CHARS = 120;
const FOREIGN_KEY_VIOLATION = '23503';

/** Conversation threads in `conversations` and `conversation_messages`. */
export class SqlConversationStore implements ConversationStore {
  constructor(private readonly db: Db) {}

  async create(): Promise<Omit<Conversation, 'messages'>> {
    const [row] = await this.db.insert(conversations).values({ id: randomUUID() }).returning();
    if (!row) throw new Error('conversation insert returned no row');
    return { id: row.id, title: row.title, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
  }

  async exists(id: string): Promise<boolean> {
    const rows = await this.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.id, id));
    return rows.length > 0;
  }

  async get(id: string, maxMessages = 200): Promise<Conversation | undefined> {
    const [head] = await this.db.select().from(conversations).where(eq(conversations.id, id));
    if (!head) return undefined;
    const newest = await this.db
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, id))
      .orderBy(desc(conversationMessages.seq))
      .limit(maxMessages);
    const messages = newest.reverse().map(
      (m): StoredMessage => ({
        role: m.role, content: m.content, createdAt: m.createdAt.toISOString(),
        ...(m.answerId !== null ? { answerId: m.answerId } : {}),
        ...(m.answer !== null ? { answer: m.answer } : {}),
      }),
    );
    return { id: head.id, title: head.title, createdAt: head.createdAt.toISOString(), updatedAt: head.updatedAt.toISOString(), messages };
  }

  async appendTurn(id: string, question: string, reply: AssistantTurn): Promise<boolean> {
    try {
      // One statement, so a question is never stored without its answer.
      await this.db.insert(conversationMessages).values([
        { conversationId: id, role: 'user', content: question },
        { conversationId: id, role: 'assistant', content: reply.content, answerId: reply.answerId, answer: reply.answer },
      ]);
    } catch (error) {
      if (pgCode(error) === FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
    await this.db.update(conversations).set({ updatedAt: sql`now()` }).where(eq(conversations.id, id));
    await this.db
      .update(conversations)
      .set({ title: question.slice(0, TITLE_CHARS) })
      .where(and(eq(conversations.id, id), isNull(conversations.title)));
    return true;
  }
}

/** The SQLSTATE of a failed statement, whichever driver threw it (drizzle wraps the driver's error in `cause`). */
function pgCode(error: unknown): string | undefined {
  let e = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
