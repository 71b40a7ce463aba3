import type { ChatClient } from './chat-client.js';

/** Rewrites a question typed in everyday words into the law's terms, for retrieval only. */
export interface QuestionRewriter {
  /** The question in legal terms, or undefined when it cannot be rewritten (the typed words are searched alone). */
  rewrite(question: string, signal?: AbortSignal): Promise<string | undefined>;
}

const INSTRUCTIONS = [
  'Bạn là chuyên gia pháp luật Việt Nam. Viết lại câu hỏi của người dân bằng thuật ngữ pháp lý mà văn bản luật dùng,',
  'để tra cứu trong cơ sở dữ liệu văn bản pháp luật (ví dụ: "sổ đỏ" → "giấy chứng nhận quyền sử dụng đất",',
  '"sếp nợ lương" → "người sử dụng lao động chậm trả lương", "bị đánh" → "cố ý gây thương tích").',
  'Giữ nguyên các con số, tên văn bản và số điều được nêu. Không trả lời câu hỏi, không giải thích.',
  'Chỉ trả về một dòng: câu hỏi đã viết lại.',
].join(' ');

/** Longest rewrite kept: a model that starts answering instead of rewriting is cut off. */
const MAX_CHARS = 400;

/**
 * An OpenAI-compatible chat model as the rewriter. Failures (timeout, endpoint down, empty reply)
 * give undefined: retrieval then runs on the typed words and the thesaurus, as offline.
 */
export class LlmQuestionRewriter implements QuestionRewriter {
  constructor(
    private readonly client: ChatClient,
    private readonly maxTokens = 120,
  ) {}

  async rewrite(question: string, signal?: AbortSignal): Promise<string | undefined> {
    try {
      const completion = await this.client.complete(
        [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: question },
        ],
        { stream: false, temperature: 0, maxTokens: this.maxTokens, ...(signal ? { signal } : {}) },
      );
      const line = completion.content.split('\n').map((l) => l.trim()).find(Boolean);
      return line ? line.replace(/^["“]|["”]$/g, '').slice(0, MAX_CHARS) : undefined;
    } catch (error) {
      if (signal?.aborted) throw error;
      return undefined;
    }
  }
}
