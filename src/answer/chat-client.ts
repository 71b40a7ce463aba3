import type { ChatMessage } from './answer-generator.js';

/** Why a chat call failed; drives the message shown to users. */
export type LlmFailureKind = 'timeout' | 'network' | 'http' | 'protocol' | 'aborted';

export interface LlmCallErrorOptions {
  kind: LlmFailureKind;
  status?: number | undefined;
  isRetryable: boolean;
  /** True when part of the reply had already been passed to `onDelta`. */
  afterOutput?: boolean;
  cause?: unknown;
}

/** A failed call to a chat model (the original error is in `cause`). */
export class LlmCallError extends Error {
  override readonly name = 'LlmCallError';
  readonly kind: LlmFailureKind;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** Whether a new attempt may succeed (network error, 408, 429, 5xx). */
  readonly isRetryable: boolean;
  readonly afterOutput: boolean;

  constructor(message: string, options: LlmCallErrorOptions) {
    super(message, { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
    this.afterOutput = options.afterOutput ?? false;
  }
}

export interface ChatRequestOptions {
  /** Stream the reply; defaults to true when `onDelta` is given. */
  stream?: boolean;
  onDelta?: (delta: string) => void;
  /** Aborts the call (the person asking went away). */
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
}

export interface ChatCompletion {
  content: string;
  /** `stop`, `length`… as reported by the server. */
  finishReason: string | undefined;
}

/** Port for a chat model; `OpenAiChatClient` implements it with the official `openai` SDK. */
export interface ChatClient {
  complete(messages: readonly ChatMessage[], options?: ChatRequestOptions): Promise<ChatCompletion>;
}
