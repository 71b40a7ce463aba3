import { bigint, boolean, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Tables for what users write. Changing this file means a new migration:
 * `npm run db:generate` writes it into `src/db/migrations/` (drizzle-kit), and the service applies
 * pending migrations at start.
 */

/** Ratings of answers, from the page or any API client. */
export const feedback = pgTable(
  'feedback',
  {
    id: uuid('id').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rating: text('rating', { enum: ['helpful', 'not_helpful'] }).notNull(),
    comment: text('comment'),
    question: text('question'),
    answer: text('answer'),
    citations: jsonb('citations').$type<string[]>(),
    mode: text('mode'),
  },
  (t) => [index('feedback_created_at_idx').on(t.createdAt)],
);

/** A chat thread the page can reopen by its link (`/?c=<id>`); the id is a random UUID, never listed. */
export const conversations = pgTable('conversations', {
  id: uuid('id').primaryKey(),
  title: text('title'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The turns of a conversation in order; an assistant turn keeps the whole answer (citations, mode, warnings) in `answer`. */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    content: text('content').notNull(),
    answerId: uuid('answer_id'),
    answer: jsonb('answer').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversation_messages_conversation_idx').on(t.conversationId, t.seq)],
);

/** One row per answered question: who asked through which door, and which answer they got. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    answerId: uuid('answer_id').notNull(),
    channel: text('channel', { enum: ['chat', 'openai'] }).notNull(),
    requestId: text('request_id'),
    conversationId: uuid('conversation_id'),
    model: text('model'),
    question: text('question').notNull(),
    mode: text('mode').notNull(),
    refused: boolean('refused').notNull(),
    citations: jsonb('citations').$type<string[]>().notNull(),
  },
  (t) => [index('audit_log_created_at_idx').on(t.createdAt), index('audit_log_answer_idx').on(t.answerId)],
);

/** Numbers of search builds (the PostgreSQL retrieval backend); taken before a build is written, so its schema can be named. */
export const searchBuildIds = pgSequence('search_build_ids');

/**
 * Index builds published to PostgreSQL: each build's rows live in its own schema (`search_b<id>`),
 * written in one transaction with its row here; the newest row is the build served.
 */
export const searchBuilds = pgTable('search_builds', {
  id: integer('id').primaryKey(),
  schema: text('schema').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  /** The ingest's manifest (files, counts, embedder). */
  manifest: jsonb('manifest').$type<Record<string, unknown>>().notNull(),
  /** What readers need to score: chunk count, BM25 parameters and field lengths, postings layout. */
  params: jsonb('params').$type<Record<string, unknown>>().notNull(),
});
