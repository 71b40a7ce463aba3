import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { ChatMessage } from './answer-generator.js';

/** Why a chat call failed; drives retries and the message shown to users. */
export type LlmFailureKind = 'timeout' | 'network' | 'http' | 'protocol' | 'aborted';

export interface LlmCallErrorOptions {
  kind: LlmFailureKind;
  status?: number;
  isRetryable: boolean;
  /** True when part of the reply had already been passed to `onDelta`. */
  afterOutput?: boolean;
  retryAfterMs?: number;
  cause?: unknown;
}

/** A failed call to a chat-completions endpoint (the original error is in `cause`). */
export class LlmCallError extends Error {
  override readonly name = 'LlmCallError';
  readonly kind: LlmFailureKind;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** Whether a new attempt may succeed (network error, 408, 429, 5xx). */
  readonly isRetryable: boolean;
  readonly afterOutput: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: LlmCallErrorOptions) {
    super(message, { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
    this.afterOutput = options.afterOutput ?? false;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export interface ChatRequestOptions {
  /** Stream with Server-Sent Events; defaults to true when `onDelta` is given. */
  stream?: boolean;
  onDelta?: (delta: string) => void;
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
}

export interface ChatCompletion {
  content: string;
  /** `stop`, `length`… as reported by the server. */
  finishReason: string | undefined;
}

/** Port for a chat model; `OpenAiChatClient` is the HTTP implementation. */
export interface ChatClient {
  complete(messages: readonly ChatMessage[], options?: ChatRequestOptions): Promise<ChatCompletion>;
}

export interface OpenAiChatClientOptions {
  /** `http://host:8000` or `http://host:8000/v1` (vLLM, Ollama, llama.cpp server). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Limit for one attempt, from request to the end of the reply. */
  timeoutMs?: number;
  /** Extra attempts after a retryable failure that happened before any token was streamed. */
  maxRetries?: number;
  /** First backoff delay; doubles on each retry, with jitter. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  temperature?: number;
  maxTokens?: number;
  fetch?: typeof fetch;
}

const DEFAULTS = { timeoutMs: 30_000, maxRetries: 1, retryDelayMs: 500, maxRetryDelayMs: 5_000, temperature: 0.1 };

const streamChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  error: z.unknown().optional(),
});

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

/** Client for an OpenAI-compatible `/v1/chat/completions` endpoint, streaming or not. */
export class OpenAiChatClient implements ChatClient {
  readonly url: string;
  private readonly options: Required<Omit<OpenAiChatClientOptions, 'apiKey' | 'maxTokens' | 'fetch'>> &
    Pick<OpenAiChatClientOptions, 'apiKey' | 'maxTokens'>;
  private readonly fetchImpl: typeof fetch;

  constructor(options: OpenAiChatClientOptions) {
    this.url = completionsUrl(options.baseUrl);
    this.options = {
      baseUrl: options.baseUrl,
      model: options.model,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      retryDelayMs: options.retryDelayMs ?? DEFAULTS.retryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULTS.maxRetryDelayMs,
      temperature: options.temperature ?? DEFAULTS.temperature,
      maxTokens: options.maxTokens,
    };
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Builds a client from the service configuration, or undefined when no LLM endpoint is configured. */
  static fromConfig(
    config: Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS' | 'LLM_MAX_RETRIES'>,
  ): OpenAiChatClient | undefined {
    if (config.LLM_BASE_URL === undefined || config.LLM_MODEL === undefined) return undefined;
    return new OpenAiChatClient({
      baseUrl: config.LLM_BASE_URL,
      model: config.LLM_MODEL,
      ...(config.LLM_API_KEY !== undefined ? { apiKey: config.LLM_API_KEY } : {}),
      timeoutMs: config.LLM_TIMEOUT_MS,
      maxRetries: config.LLM_MAX_RETRIES,
    });
  }

  /** Sends the conversation and returns the whole reply; streamed text also goes to `onDelta` as it arrives. */
  async complete(messages: readonly ChatMessage[], request: ChatRequestOptions = {}): Promise<ChatCompletion> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.attempt(messages, request);
      } catch (error) {
        if (!(error instanceof LlmCallError)) throw error;
        // Once text reached the caller a retry would repeat it, so only clean failures are retried.
        if (!error.isRetryable || error.afterOutput || attempt >= this.options.maxRetries) throw error;
        await this.backoff(attempt, error.retryAfterMs, request.signal);
      }
    }
  }

  private async attempt(messages: readonly ChatMessage[], request: ChatRequestOptions): Promise<ChatCompletion> {
    const stream = request.stream ?? request.onDelta !== undefined;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const failure = (error: unknown, afterOutput: boolean): LlmCallError =>
      this.transportError(error, timeout, request.signal, afterOutput);

    let response: Response;
    try {
      response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers: this.headers(stream),
        body: JSON.stringify(this.body(messages, stream, request)),
        signal,
      });
    } catch (error) {
      throw failure(error, false);
    }
    if (!response.ok) throw await httpError(response, failure);
    return stream ? readEventStream(response, request.onDelta, failure) : readJson(response, failure);
  }

  private headers(stream: boolean): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
    };
    if (this.options.apiKey !== undefined) headers.authorization = `Bearer ${this.options.apiKey}`;
    return headers;
  }

  private body(messages: readonly ChatMessage[], stream: boolean, request: ChatRequestOptions): Record<string, unknown> {
    const maxTokens = request.maxTokens ?? this.options.maxTokens;
    return {
      model: this.options.model,
      messages,
      stream,
      temperature: request.temperature ?? this.options.temperature,
      ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
    };
  }

  private transportError(
    error: unknown,
    timeout: AbortSignal,
    callerSignal: AbortSignal | undefined,
    afterOutput: boolean,
  ): LlmCallError {
    if (error instanceof LlmCallError) return error;
    if (callerSignal?.aborted === true) {
      return new LlmCallError('LLM request aborted by the caller', { kind: 'aborted', isRetryable: false, afterOutput, cause: error });
    }
    if (timeout.aborted) {
      // A model server that hung once usually hangs again; the user is better served by the fallback now.
      return new LlmCallError(`LLM request timed out after ${this.options.timeoutMs} ms`, {
        kind: 'timeout',
        isRetryable: false,
        afterOutput,
        cause: error,
      });
    }
    return new LlmCallError(`LLM endpoint unreachable: ${describeNetworkError(error)}`, {
      kind: 'network',
      isRetryable: true,
      afterOutput,
      cause: error,
    });
  }

  private async backoff(attempt: number, retryAfterMs: number | undefined, signal: AbortSignal | undefined): Promise<void> {
    const exponential = this.options.retryDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
    const wait = Math.min(retryAfterMs ?? exponential, this.options.maxRetryDelayMs);
    try {
      await delay(wait, undefined, signal ? { signal } : undefined);
    } catch (error) {
      throw new LlmCallError('LLM request aborted by the caller', { kind: 'aborted', isRetryable: false, cause: error });
    }
  }
}

/** Resolves the completions URL whether or not the base URL already ends with `/v1`. */
export function completionsUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  if (trimmed.endsWith('/chat/completions')) return trimmed;
  return /\/v\d+$/.test(trimmed) ? `${trimmed}/chat/completions` : `${trimmed}/v1/chat/completions`;
}

type FailureMapper = (error: unknown, afterOutput: boolean) => LlmCallError;

async function httpError(response: Response, failure: FailureMapper): Promise<LlmCallError> {
  let detail = '';
  try {
    detail = (await response.text()).slice(0, 500);
  } catch (error) {
    const mapped = failure(error, false);
    if (mapped.kind === 'aborted' || mapped.kind === 'timeout') return mapped;
  }
  const status = response.status;
  return new LlmCallError(`LLM endpoint answered HTTP ${status}${detail ? `: ${detail}` : ''}`, {
    kind: 'http',
    status,
    isRetryable: status === 408 || status === 429 || status >= 500,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
  });
}

async function readJson(response: Response, failure: FailureMapper): Promise<ChatCompletion> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    if (error instanceof SyntaxError) throw protocolError('reply is not JSON', false, error);
    throw failure(error, false);
  }
  const parsed = completionSchema.safeParse(json);
  if (!parsed.success) throw protocolError('reply has no choices[0].message', false, parsed.error);
  const choice = parsed.data.choices[0];
  return { content: choice?.message?.content ?? '', finishReason: choice?.finish_reason ?? undefined };
}

/**
 * Reads an OpenAI-style SSE stream. Each `data:` line is taken as one event because OpenAI-compatible
 * servers never split a chunk's JSON over several lines, and some omit the blank line between events.
 */
async function readEventStream(
  response: Response,
  onDelta: ((delta: string) => void) | undefined,
  failure: FailureMapper,
): Promise<ChatCompletion> {
  if (response.body === null) throw protocolError('streamed reply has no body', false);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let content = '';
  let finishReason: string | undefined;
  let finished = false;
  let drained = false;

  const handleLine = (rawLine: string): void => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (!line.startsWith('data:')) return; // comments (`: ping`), `event:`, `id:` and blank separators
    const data = line.slice(5).trimStart();
    if (data === '[DONE]') {
      finished = true;
      return;
    }
    if (data === '') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch (error) {
      throw protocolError(`invalid JSON in event stream: ${data.slice(0, 200)}`, content !== '', error);
    }
    const chunk = streamChunkSchema.safeParse(json);
    if (!chunk.success) throw protocolError('unexpected event in stream', content !== '', chunk.error);
    if (chunk.data.error !== undefined) {
      throw protocolError(`server reported an error mid-stream: ${JSON.stringify(chunk.data.error).slice(0, 300)}`, content !== '');
    }
    const choice = chunk.data.choices?.[0];
    const delta = choice?.delta?.content;
    if (typeof delta === 'string' && delta !== '') {
      content += delta;
      onDelta?.(delta);
    }
    if (choice?.finish_reason) finishReason = choice.finish_reason;
  };

  try {
    while (!finished) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        throw failure(error, content !== '');
      }
      if (read.done) {
        drained = true;
        break;
      }
      buffer += decoder.decode(read.value, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0 && !finished) {
        handleLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
    }
    if (!finished) {
      buffer += decoder.decode();
      if (buffer !== '') handleLine(buffer);
    }
  } finally {
    if (!drained) await reader.cancel().catch(() => undefined);
  }
  return { content, finishReason };
}

function protocolError(message: string, afterOutput: boolean, cause?: unknown): LlmCallError {
  return new LlmCallError(`LLM protocol error: ${message}`, { kind: 'protocol', isRetryable: false, afterOutput, cause });
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code !== undefined ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}

/** Retry-After in seconds or as an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
