import { z } from 'zod';
import type { ChatMessage } from '../../answer/answer-generator.js';
import { HttpError } from '../http-error.js';
import { stripAnswerExtras } from './completion-text.js';

const textPart = z.object({ type: z.literal('text'), text: z.string() });
const otherPart = z.looseObject({ type: z.string() });
const content = z.union([z.string(), z.array(z.union([textPart, otherPart]))]).nullish();

/**
 * `POST /v1/chat/completions` as OpenAI defines it. Fields this service has no use for (`top_p`,
 * `presence_penalty`, `tools`, …) are accepted and ignored, as clients send them by default;
 * `temperature` and `max_tokens` are validated, then the service's own generation settings apply.
 */
export const chatCompletionRequestSchema = z.object({
  model: z.string().min(1, 'model must not be empty'),
  messages: z
    .array(z.looseObject({ role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']), content }))
    .min(1, 'messages must not be empty'),
  stream: z.boolean().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  n: z.literal(1, 'only n = 1 is supported').nullish(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** The service's own limits on a conversation (see `chatRequestSchema`). */
const MAX_MESSAGES = 40;
const MAX_CHARS = 4000;

function textOf(c: z.infer<typeof content>): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  return c.map((p) => (p.type === 'text' && typeof p.text === 'string' ? p.text : '')).join('\n');
}

/**
 * OpenAI messages → the chat service's: `developer` counts as `system`, tool turns and non-text
 * parts are dropped, the service's own sources list is removed from earlier answers, and only the
 * newest 40 messages are kept. The question itself must be a user's text of at most 4000 characters.
 */
export function toChatMessages(messages: ChatCompletionRequest['messages']): ChatMessage[] {
  const last = messages.at(-1);
  const question = last ? textOf(last.content).trim() : '';
  if (last?.role !== 'user' || question === '') {
    throw new HttpError(400, 'invalid_request', 'Yêu cầu không hợp lệ: trường "messages" — tin nhắn cuối phải là câu hỏi của người dùng', 'Invalid request: field "messages" — the last message must be a user message with text', 'messages');
  }
  if (question.length > MAX_CHARS) {
    const field = `messages.${messages.length - 1}.content`;
    throw new HttpError(400, 'invalid_request', `Yêu cầu không hợp lệ: trường "${field}" — câu hỏi dài quá ${MAX_CHARS} ký tự`, `Invalid request: field "${field}" — the question is longer than ${MAX_CHARS} characters`, field);
  }
  const out: ChatMessage[] = [];
  for (const m of messages.slice(0, -1)) {
    if (m.role === 'tool' || m.role === 'function') continue;
    const raw = textOf(m.content);
    const text = (m.role === 'assistant' ? stripAnswerExtras(raw) : raw).trim().slice(0, MAX_CHARS);
    if (text === '') continue;
    out.push({ role: m.role === 'developer' ? 'system' : m.role, content: text });
  }
  out.push({ role: 'user', content: question });
  return out.slice(-MAX_MESSAGES);
}
