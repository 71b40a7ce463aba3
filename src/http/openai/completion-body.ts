import type { Outcome } from '../../answer/answer-decision.js';
import type { Answer } from '../../answer/answer-generator.js';
import type { Suggestion } from '../../answer/suggestion.js';
import { presentCitation } from '../present.js';
import { completionText } from './completion-text.js';

export interface CompletionMeta {
  /** `chatcmpl-<answer id>`. */
  id: string;
  answerId: string;
  model: string;
  /** Unix seconds. */
  created: number;
  /** The question retrieval used (follow-ups rewritten). */
  question: string;
}

/** What clients that know this service read; OpenAI clients ignore unknown fields. */
export function structuredFields(answer: Answer & { outcome?: Outcome; suggestions?: Suggestion[] }, meta: CompletionMeta) {
  return {
    citations: answer.citations.map((c) => presentCitation(c)),
    legal_assistant: {
      answer_id: meta.answerId, mode: answer.mode, refused: answer.refused, warnings: answer.warnings, question: meta.question,
      // answer / suggest ("gợi ý", with the provisions offered) / refuse, as on /v1/chat.
      outcome: answer.outcome ?? (answer.refused ? 'refuse' : 'answer'), suggestions: answer.suggestions ?? [],
    },
  };
}

/** A whole `chat.completion` object. */
export function completionBody(answer: Answer, meta: CompletionMeta) {
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message: { role: 'assistant' as const, content: completionText(answer), refusal: null }, logprobs: null, finish_reason: 'stop' as const }],
    ...structuredFields(answer, meta),
  };
}

/** One `chat.completion.chunk` of a stream. */
export function completionChunk(meta: CompletionMeta, delta: { role?: 'assistant'; content?: string }, finishReason: 'stop' | null = null) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk' as const,
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}
