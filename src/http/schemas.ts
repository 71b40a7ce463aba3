import { z } from 'zod';

// A real calendar date (no 2024-13-45, no 2023-02-29), not just its shape.
export const isoDate = z.iso.date({ message: 'expected a calendar date YYYY-MM-DD' });

export const filtersSchema = z
  .object({
    kinds: z.array(z.enum(['law', 'code', 'judgment', 'precedent', 'briefing', 'regulation', 'other'])).optional(),
    docTypes: z.array(z.string().min(1)).optional(),
    issuer: z.string().min(1).optional(),
    number: z.string().min(1).optional(),
    documentIds: z.array(z.string().min(1)).optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    /** Documents without a date pass the date bounds unless this is false. */
    includeUndated: z.boolean().optional(),
    statuses: z.array(z.enum(['in_force', 'expired', 'partly_expired', 'not_yet_in_force', 'unknown'])).optional(),
    inForceOnly: z.boolean().optional(),
    asOf: isoDate.optional(),
  })
  .strict();

export const searchRequestSchema = z
  .object({
    query: z.string().trim().min(1, 'query must not be empty').max(2000),
    k: z.number().int().min(1).max(50).default(10),
    filters: filtersSchema.optional(),
  })
  .strict();

export const chatMessageSchema = z.object({
  // The service writes its own instructions; a client's `system` turn would be dropped or, worse, obeyed.
  role: z.enum(['user', 'assistant'], { message: 'role must be "user" or "assistant" (system messages are not accepted)' }),
  content: z.string().trim().min(1).max(4000),
});

export const chatRequestSchema = z
  .object({
    messages: z
      .array(chatMessageSchema)
      .min(1)
      .max(40)
      .refine((m) => m.at(-1)?.role === 'user', 'the last message must be from the user'),
    filters: filtersSchema.optional(),
    stream: z.boolean().default(false),
    /** A thread from `POST /v1/conversations`: the question and its answer are appended to it. */
    conversationId: z.uuid().optional(),
  })
  .strict();

export const feedbackRequestSchema = z
  .object({
    rating: z.enum(['helpful', 'not_helpful']),
    comment: z.string().max(2000).optional(),
    question: z.string().max(4000).optional(),
    answer: z.string().max(20000).optional(),
    citations: z.array(z.string().max(500)).max(50).optional(),
    mode: z.string().max(40).optional(),
  })
  .strict();

export const ingestRequestSchema = z.object({ full: z.boolean().default(false) }).strict();

export type SearchRequest = z.infer<typeof searchRequestSchema>;
export type ChatRequestBody = z.infer<typeof chatRequestSchema>;
