import OpenAI from 'openai';
import type { Config } from '../config.js';
import type { ChatMessage } from './answer-generator.js';
import { LlmCallError, type ChatClient, type ChatCompletion, type ChatRequestOptions } from './chat-client.js';

export interface OpenAiChatClientOptions {
  /** `http://host:8000` or `http://host:8000/v1` (vLLM, Ollama, llama.cpp server, OpenAI). */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  /** Longest wait for the first token (for a non-streamed call: for the whole reply), retries included. */
  timeoutMs?: number;
  /** Longest silence between two streamed chunks once the reply has started. */
  idleTimeoutMs?: number;
  /** Retries of a call that failed before any output (connection error, 408, 409, 429, 5xx), with the SDK's exponential backoff. */
  maxRetries?: number;
  temperature?: number;
  /** Upper bound on the reply's length, sent on every call. */
  maxTokens?: number;
}

const DEFAULTS = { timeoutMs: 30_000, idleTimeoutMs: 15_000, maxRetries: 1, temperature: 0.1, maxTokens: 1024 };

/** The SDK's base URL (`…/v1`) from what operators write: with or without `/v1`, or the full completions URL. */
export function openAiBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
  return /\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

/**
 * A `ChatClient` on the official `openai` SDK, which brings retries with backoff (honouring
 * `Retry-After`) and the wire protocol. This adapter adds what a streaming answer needs: a deadline
 * for the first token and for each gap between chunks, instead of one for the whole stream.
 */
export class OpenAiChatClient implements ChatClient {
  private readonly sdk: OpenAI;
  private readonly o: Required<Omit<OpenAiChatClientOptions, 'apiKey' | 'baseUrl'>>;

  constructor(options: OpenAiChatClientOptions) {
    this.o = {
      model: options.model,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      idleTimeoutMs: options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs,
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      temperature: options.temperature ?? DEFAULTS.temperature,
      maxTokens: options.maxTokens ?? DEFAULTS.maxTokens,
    };
    this.sdk = new OpenAI({
      baseURL: openAiBaseUrl(options.baseUrl),
      // Every setting comes from our config: nothing is read from OPENAI_* variables, and a local
      // server without a key gets no Authorization header at all (the SDK insists on some key).
      apiKey: options.apiKey ?? 'unused',
      adminAPIKey: null,
      organization: null,
      project: null,
      webhookSecret: null,
      ...(options.apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
      maxRetries: this.o.maxRetries,
      // Only a backstop for reaching the server: the first-token deadline below is the one that counts.
      timeout: this.o.timeoutMs * 2,
    });
  }

  /** Builds a client from the service configuration, or undefined when no LLM endpoint is configured. */
  static fromConfig(
    config: Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS' | 'LLM_IDLE_TIMEOUT_MS' | 'LLM_MAX_RETRIES' | 'LLM_MAX_TOKENS'>,
  ): OpenAiChatClient | undefined {
    if (config.LLM_BASE_URL === undefined || config.LLM_MODEL === undefined) return undefined;
    return new OpenAiChatClient({
      baseUrl: config.LLM_BASE_URL,
      model: config.LLM_MODEL,
      apiKey: config.LLM_API_KEY,
      timeoutMs: config.LLM_TIMEOUT_MS,
      idleTimeoutMs: config.LLM_IDLE_TIMEOUT_MS,
      maxRetries: config.LLM_MAX_RETRIES,
      maxTokens: config.LLM_MAX_TOKENS,
    });
  }

  /** Sends the conversation and returns the whole reply; streamed text also goes to `onDelta` as it arrives. */
  async complete(messages: readonly ChatMessage[], request: ChatRequestOptions = {}): Promise<ChatCompletion> {
    const stream = request.stream ?? request.onDelta !== undefined;
    const deadline = new Deadline(this.o.timeoutMs, `no ${stream ? 'first token' : 'reply'} within ${this.o.timeoutMs} ms`);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
    const body = {
      model: this.o.model,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      temperature: request.temperature ?? this.o.temperature,
      max_tokens: request.maxTokens ?? this.o.maxTokens,
    };
    let content = '';
    try {
      if (!stream) {
        const completion = await this.sdk.chat.completions.create({ ...body, stream: false }, { signal });
        const choice = completion.choices[0];
        if (!choice) throw new LlmCallError('LLM protocol error: reply has no choices', { kind: 'protocol', isRetryable: false });
        return { content: choice.message.content ?? '', finishReason: choice.finish_reason ?? undefined };
      }
      const chunks = await this.sdk.chat.completions.create({ ...body, stream: true }, { signal });
      let finishReason: string | undefined;
      for await (const chunk of chunks) {
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (typeof delta === 'string' && delta !== '') {
          content += delta;
          request.onDelta?.(delta);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        deadline.restart(this.o.idleTimeoutMs, `stream idle for ${this.o.idleTimeoutMs} ms`);
      }
      // The SDK ends an aborted stream quietly, as if the reply were complete; it is not.
      if (signal.aborted) throw signal.reason;
      return { content, finishReason };
    } catch (error) {
      throw toLlmError(error, { callerAborted: request.signal?.aborted === true, deadline, afterOutput: content !== '' });
    } finally {
      deadline.clear();
    }
  }
}

/** One abort signal whose timer can be restarted with a new limit and reason. */
class Deadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  reason = '';

  constructor(ms: number, reason: string) {
    this.restart(ms, reason);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  restart(ms: number, reason: string): void {
    this.clear();
    this.reason = reason;
    this.timer = setTimeout(() => this.controller.abort(), ms);
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

function toLlmError(error: unknown, at: { callerAborted: boolean; deadline: Deadline; afterOutput: boolean }): LlmCallError {
  if (error instanceof LlmCallError) return error;
  const afterOutput = at.afterOutput;
  if (at.callerAborted) return new LlmCallError('LLM request aborted by the caller', { kind: 'aborted', isRetryable: false, afterOutput, cause: error });
  // A model server that hung once usually hangs again; the user is better served by the fallback now.
  if (at.deadline.expired || error instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmCallError(`LLM request timed out: ${at.deadline.expired ? at.deadline.reason : 'no response'}`, { kind: 'timeout', isRetryable: false, afterOutput, cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new LlmCallError(`LLM endpoint unreachable: ${describeCause(error)}`, { kind: 'network', isRetryable: true, afterOutput, cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    return new LlmCallError(`LLM endpoint answered HTTP ${status}: ${error.message.slice(0, 300)}`, {
      kind: 'http', status, isRetryable: status === 408 || status === 429 || status >= 500, afterOutput, cause: error,
    });
  }
  if (error instanceof OpenAI.APIError || error instanceof SyntaxError) {
    // An `error` event inside the stream, or a reply that is not the protocol's JSON.
    return new LlmCallError(`LLM protocol error: ${error.message.slice(0, 300)}`, { kind: 'protocol', isRetryable: false, afterOutput, cause: error });
  }
  // The connection broke while the body was being read.
  return new LlmCallError(`LLM stream interrupted: ${describeCause(error)}`, { kind: 'network', isRetryable: true, afterOutput, cause: error });
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code ?? ((cause.cause as NodeJS.ErrnoException | undefined)?.code);
    return code !== undefined ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}
