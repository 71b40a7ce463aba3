import type { Answer, AnswerGenerator, AnswerRequest, Citation, Passage } from './answer-generator.js';
import { buildCitation, citingSentences, rewriteCitationMarkers } from './llm-citations.js';
import { unsupportedFigures } from './llm-figures.js';
import { buildLlmMessages, passageLabel, REFUSAL_PHRASE, stripCitationMarkers, type PromptOptions } from './llm-prompt.js';
import { LlmCallError, type ChatClient, type ChatCompletion } from './chat-client.js';

export interface LlmAnswerGeneratorOptions extends PromptOptions {
  client: ChatClient;
  /** Answers when the model cannot: no passages, endpoint down, timeout, empty reply. */
  fallback: AnswerGenerator;
  /** Stream tokens to `onDelta` as the model writes them (default true). */
  stream?: boolean;
  temperature?: number;
  maxTokens?: number;
}

/**
 * Answers with a chat model over the numbered passages, then checks the reply against them: invented
 * citations are removed, each kept `[n]` is tied to the passage sentence it relies on, and figures found in
 * no cited passage are flagged.
 *
 * Streaming: `onDelta` receives the model's raw text, before invented citations are removed; the returned
 * `answer` is authoritative and the caller should replace the streamed text with it. When the endpoint fails
 * after some tokens were streamed, the generator still falls back (`mode: 'extractive-fallback'`) and the
 * fallback's text is not streamed, so the caller must replace what it showed with the returned answer.
 * A caller abort (`signal`) is rethrown, never turned into a fallback.
 */
export class LlmAnswerGenerator implements AnswerGenerator {
  readonly mode = 'llm' as const;
  constructor(private readonly options: LlmAnswerGeneratorOptions) {}

  /** Generates a cited answer, or the fallback's answer when the model cannot be used. */
  async generate(request: AnswerRequest, onDelta?: (delta: string) => void, signal?: AbortSignal): Promise<Answer> {
    // Without passages there is nothing to ground an answer in; the fallback refuses without a model call.
    if (request.passages.length === 0) return this.options.fallback.generate(request, onDelta, signal);

    const stream = this.options.stream ?? true;
    let streamed = false;
    let completion: ChatCompletion;
    try {
      completion = await this.options.client.complete(buildLlmMessages(request, this.options), {
        stream,
        ...(onDelta !== undefined && stream
          ? {
              onDelta: (delta: string) => {
                streamed = true;
                onDelta(delta);
              },
            }
          : {}),
        ...(signal !== undefined ? { signal } : {}),
        ...(this.options.temperature !== undefined ? { temperature: this.options.temperature } : {}),
        ...(this.options.maxTokens !== undefined ? { maxTokens: this.options.maxTokens } : {}),
      });
    } catch (error) {
      if (signal?.aborted === true || (error instanceof LlmCallError && error.kind === 'aborted')) throw error;
      return this.fallBack(request, failureReason(error, streamed), streamed ? undefined : onDelta, signal);
    }

    if (completion.content.trim() === '') {
      return this.fallBack(request, 'mô hình ngôn ngữ trả về câu trả lời rỗng', streamed ? undefined : onDelta, signal);
    }
    const answer = groundReply(completion, request.passages);
    if (!stream) onDelta?.(answer.answer);
    return answer;
  }

  private async fallBack(
    request: AnswerRequest,
    reason: string,
    onDelta: ((delta: string) => void) | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Answer> {
    const answer = await this.options.fallback.generate(request, onDelta, signal);
    return {
      ...answer,
      mode: 'extractive-fallback',
      warnings: [
        `Không dùng được mô hình ngôn ngữ (${reason}); câu trả lời được trích xuất trực tiếp từ tài liệu.`,
        ...answer.warnings,
      ],
    };
  }
}

/** Checks a model reply against the passages and turns it into an Answer. */
export function groundReply(completion: ChatCompletion, passages: readonly Passage[]): Answer {
  const byNumber = new Map(passages.map((p) => [p.n, p]));
  const warnings: string[] = [];
  const { text: rewritten, invented } = rewriteCitationMarkers(completion.content, new Set(byNumber.keys()));
  const text = tidy(rewritten);
  if (invented.length > 0) {
    warnings.push(`Đã loại bỏ trích dẫn không có trong tài liệu truy xuất: ${invented.map((n) => `[${n}]`).join(', ')}`);
  }
  if (completion.finishReason === 'length') {
    warnings.push('Câu trả lời có thể bị cắt ngắn do vượt giới hạn độ dài của mô hình.');
  }

  const cited = citingSentences(text);
  if (cited.size === 0 && isRefusal(text)) {
    return { answer: text, citations: [], mode: 'llm', refused: true, warnings };
  }

  const citations: Citation[] = [];
  const sources: string[] = [];
  for (const [n, sentences] of cited) {
    const passage = byNumber.get(n);
    if (passage === undefined) continue;
    const citation = buildCitation(passage, sentences);
    citations.push(citation);
    sources.push(passage.chunk.text, passageLabel(passage), citation.label);
  }
  if (citations.length === 0) {
    warnings.push('Câu trả lời không kèm trích dẫn nào tới tài liệu truy xuất; cần kiểm tra lại.');
  }
  const figures = unsupportedFigures(stripCitationMarkers(text), sources);
  if (figures.length > 0) {
    warnings.push(`Số liệu không có trong tài liệu được trích dẫn, cần kiểm tra lại: ${figures.join('; ')}`);
  }
  return { answer: text, citations, mode: 'llm', refused: false, warnings };
}

/** Whether the reply is the refusal the prompt asks for (checked only when nothing valid is cited). */
function isRefusal(text: string): boolean {
  return normalise(text).includes(normalise(REFUSAL_PHRASE));
}

function normalise(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
}

/** Removing markers can leave a blank before punctuation (`năm .`) or trailing blanks. */
function tidy(text: string): string {
  return text
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

function failureReason(error: unknown, streamed: boolean): string {
  const suffix = streamed ? ', kết nối bị ngắt khi đang truyền câu trả lời' : '';
  if (!(error instanceof LlmCallError)) {
    return `lỗi không xác định: ${error instanceof Error ? error.message : String(error)}${suffix}`;
  }
  switch (error.kind) {
    case 'timeout':
      return `quá thời gian chờ phản hồi${suffix}`;
    case 'network':
      return `không kết nối được tới máy chủ mô hình ngôn ngữ${suffix}`;
    case 'http':
      return `máy chủ mô hình ngôn ngữ trả về lỗi HTTP ${error.status ?? '?'}${suffix}`;
    case 'protocol':
      return `phản hồi của máy chủ mô hình ngôn ngữ không đúng định dạng${suffix}`;
    case 'aborted':
      return 'yêu cầu đã bị huỷ';
  }
}
