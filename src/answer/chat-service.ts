import type { HybridRetriever, SearchResult } from '../retrieval/hybrid-retriever.js';
import { compileFilters, type SearchFilters } from '../retrieval/search-filters.js';
import type { Answer, AnswerGenerator, ChatMessage, Passage } from './answer-generator.js';
import { refusalAnswer } from './refusal.js';
import { rewriteFollowUp } from './rewrite-follow-up.js';

export interface ChatRequest {
  messages: ChatMessage[];
  filters?: SearchFilters;
}

export interface ChatResult extends Answer {
  /** The standalone question retrieval used. */
  question: string;
  search: SearchResult;
}

/** Answers a question of its own kind (a judge's fact pattern) instead of the generator, or declines with undefined. */
export interface CaseAdvisor {
  advise(question: string, signal?: AbortSignal): Promise<Answer | undefined>;
}

export interface ChatServiceOptions {
  retriever: HybridRetriever;
  generator: AnswerGenerator;
  /** Passages handed to the generator. */
  passages?: number;
  /** Claims fact patterns (unfiltered chats only) and answers with provisions and similar cases. */
  caseAdvisor?: CaseAdvisor;
}

/**
 * Sources a chat question is answered from unless the caller picks kinds: legal texts and
 * briefings. First-instance judgments are not authority for a civil servant's question; judges
 * reach them through the case advisor and the /v1/cases endpoints.
 */
export const CHAT_KINDS: NonNullable<SearchFilters['kinds']> = ['law', 'code', 'regulation', 'precedent', 'briefing', 'other'];

/** One chat turn: rewrite a follow-up, retrieve, refuse when nothing is relevant enough, generate. */
export class ChatService {
  constructor(private readonly o: ChatServiceOptions) {}

  async answer(req: ChatRequest, onDelta?: (d: string) => void, signal?: AbortSignal): Promise<ChatResult> {
    const { question } = rewriteFollowUp(req.messages);
    const search = await this.o.retriever.search(question, 12, { ...req.filters, kinds: req.filters?.kinds?.length ? req.filters.kinds : CHAT_KINDS });
    // A chat narrowed by filters asks for those sources; a fact pattern in an open chat goes to the advisor.
    const advised = compileFilters(req.filters) ? undefined : await this.o.caseAdvisor?.advise(question, signal);
    if (advised) {
      if (onDelta) onDelta(advised.answer);
      return { ...advised, question, search };
    }
    const top = search.hits[0];
    if (!top || this.o.retriever.shouldRefuse(top)) {
      const refused = refusalAnswer(this.o.generator.mode ?? 'extractive');
      if (onDelta) onDelta(refused.answer);
      return { ...refused, question, search };
    }
    const passages: Passage[] = [];
    const seenArticles = new Set<string>();
    for (const h of search.hits) {
      const key = h.chunk.article ? `${h.chunk.documentId}#${h.chunk.article}` : h.chunk.id;
      if (seenArticles.has(key)) continue;
      seenArticles.add(key);
      passages.push({ n: passages.length + 1, chunk: h.chunk, document: h.document, score: h.score });
      if (passages.length >= (this.o.passages ?? 5)) break;
    }
    const history = req.messages.slice(0, -1);
    const referenced = this.o.retriever.isDirectReference(top);
    // The generator sees the question as searched: diacritics restored, normalised.
    const keyTerms = this.o.retriever.keyTerms(search.query);
    const answer = await this.o.generator.generate({ question: search.query, history, passages, referenced, keyTerms }, onDelta, signal);
    return { ...answer, question, search };
  }
}
