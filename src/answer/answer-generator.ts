import type { Chunk } from '../types/chunk.js';
import type { DocumentMeta } from '../types/legal-document.js';

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

/** A retrieved chunk handed to a generator, numbered as it will be cited (`[n]`). */
export interface Passage {
  n: number;
  chunk: Chunk;
  document: DocumentMeta;
  score: number;
}

/** One numbered citation: it always points at a passage that was retrieved. */
export interface Citation {
  n: number;
  documentId: string;
  title: string;
  number?: string;
  article?: string;
  clause?: string;
  point?: string;
  /** The exact span of the normalised document text the answer relies on. */
  quote: string;
  start: number;
  end: number;
  /** `Khoản 2 Điều 37 Luật Viên chức`, or `Báo cáo giao ban ngày 29/12/2023`. */
  label: string;
  /** ISO date of a dated source (briefing meeting date). */
  date?: string;
}

export type AnswerMode = 'extractive' | 'llm' | 'extractive-fallback';

export interface Answer {
  answer: string;
  citations: Citation[];
  mode: AnswerMode;
  refused: boolean;
  /** Problems the caller should see: invented citations removed, unsupported figures, LLM fallback reason. */
  warnings: string[];
}

export interface AnswerRequest {
  /** The standalone question (already rewritten with the conversation when it was a follow-up). */
  question: string;
  history: ChatMessage[];
  passages: Passage[];
  /** True when the question named passage 1 itself (`Điều 95 Luật Hôn nhân và gia đình`). */
  referenced?: boolean;
  /**
   * The question's rarest words in the corpus (`bưu`, `cáp`): a quoted figure from a dated report
   * must sit in a sentence or section that names them, or it may be another indicator's figure.
   */
  keyTerms?: string[];
  /** The question in the law's words (thesaurus phrases replaced by their legal terms), when it has any. */
  legalQuestion?: string;
}

/** Port for answer generation; `onDelta` receives answer text as it is produced (for streaming). */
export interface AnswerGenerator {
  /** The mode its answers report; a refusal made before generation reports it too. */
  readonly mode?: AnswerMode;
  generate(request: AnswerRequest, onDelta?: (delta: string) => void, signal?: AbortSignal): Promise<Answer>;
}
