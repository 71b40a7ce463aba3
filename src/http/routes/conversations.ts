import { Router } from 'express';
import { z } from 'zod';
import type { ConversationStore } from '../../conversations/conversation-store.js';
import { HttpError } from '../http-error.js';

const idSchema = z.uuid('expected a conversation id (UUID)');

/** 404 for a conversation id that is malformed or unknown; the two are not told apart. */
export function conversationNotFound(id: string): HttpError {
  return new HttpError(404, 'conversation_not_found', `Không tìm thấy cuộc trò chuyện ${id}`, `Conversation not found: ${id}`, 'conversationId');
}

/**
 * `POST /v1/conversations` starts a server-side thread; `GET /v1/conversations/:id` returns it with
 * its turns, so the page can reopen a conversation from its link. Ids are random UUIDs and are
 * never listed: the link is the key.
 */
export function conversationsRouter(store: ConversationStore): Router {
  const r = Router();
  r.post('/v1/conversations', async (_req, res) => {
    res.status(201).json(await store.create());
  });
  r.get('/v1/conversations/:id', async (req, res) => {
    const id = idSchema.safeParse(req.params.id);
    const conversation = id.success ? await store.get(id.data) : undefined;
    if (!conversation) throw conversationNotFound(String(req.params.id));
    res.json(conversation);
  });
  return r;
}
