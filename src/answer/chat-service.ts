import type { HybridRetriever, SearchResult } from '../retrieval/hybrid-retriever.js';
import { compileFilters, type SearchFilters } from '../retrieval/search-filters.js';
import type { Answer, AnswerGenerator, AnswerMode, ChatMessage, Passage } from './answer-generator.js';
import type { AnswerPolicy, Decision, Outcome } from './answer-decision.js';
import type { QuestionRewriter } from './question-rewriter.js';
import { refusalAnswer } from './refusal.js';
import { rewriteFollowUp } from './rewrite-follow-up.js';
import { suggestionAnswer, suggestionsFrom, type Suggestion } from './suggestion.js';

export interface ChatRequest {
  messages: ChatMessage[];
  filters?: SearchFilters;
}

export interface ChatResult extends Answer {
  /** The standalone question retrieval used. */
  question: string;
  search: SearchResult;
  /** Answered with citations, suggested the likeliest provisions, or refused. */
  outcome: Outcome;
  /** For `suggest`: the provisions offered, best first. */
  suggestions: Suggestion[];
  /** The calibrated decision behind the outcome (absent when the case advisor answered). */
  decision?: Decision;
  /** The question in legal terms, when an LLM rewrote it for retrieval. */
  rewritten?: string;
}

/** Answers a question of its own kind (a judge's fact pattern) instead of the generator, or declines with undefined. */
export interface CaseAdvisor {
  advise(question: string, signal?: AbortSignal): Promise<Answer | undefined>;
}

export interface ChatServiceOptions {
  retriever: HybridRetriever;
  generator: AnswerGenerator;
  /** The answer/suggest/refuse decision (a {@link CalibratedPolicy} over `src/answer/decision-model.json`). */
  policy: AnswerPolicy;
  /** Passages handed to the generator. */
  passages?: number;
  /** Claims fact patterns (unfiltered chats only) and answers with provisions and similar cases. */
  caseAdvisor?: CaseAdvisor;
  /** Rewrites everyday wording into legal terms before retrieval (an LLM, when configured). */
  rewriter?: QuestionRewriter;
}

/**
 * Sources a chat question is answered from unless the caller picks kinds: legal texts and
 * briefings. First-instance judgments are not authority for a civil servant's question; judges
 * reach them through the case advisor and the /v1/cases endpoints.
 */
export const CHAT_KINDS: NonNullable<SearchFilters['kinds']> = ['law', 'code', 'regulation', 'precedent', 'briefing', 'other'];

/**
 * One chat turn: rewrite a follow-up, retrieve, decide (answer, suggest the likeliest provisions,
 * or refuse, naming a law the corpus lacks), generate.
 */
export class ChatService {
  constructor(private readonly o: ChatServiceOptions) {}

  async answer(req: ChatRequest, onDelta?: (d: string) => void, signal?: AbortSignal): Promise<ChatResult> {
    const { question } = rewriteFollowUp(req.messages);
    const rewritten = await this.o.rewriter?.rewrite(question, signal);
    const search = await this.o.retriever.search(question, 12, { ...req.filters, kinds: req.filters?.kinds?.length ? req.filters.kinds : CHAT_KINDS }, rewritten ? { alternatives: [rewritten] } : undefined);
    const base = { question, search, suggestions: [] as Suggestion[], ...(rewritten ? { rewritten } : {}) };
    // A chat narrowed by filters asks for those sources; a fact pattern in an open chat goes to the advisor.
    const advised = compileFilters(req.filters) ? undefined : await this.o.caseAdvisor?.advise(question, signal);
    if (advised) {
      if (onDelta) onDelta(advised.answer);
      return { ...advised, ...base, outcome: advised.refused ? 'refuse' : 'answer' };
    }
    const top = search.hits[0];
    const decision = this.o.policy.decide(search, top !== undefined && this.o.retriever.isDirectReference(top));
    if (decision.outcome === 'refuse') return emit({ ...refusalAnswer(this.mode, search.missingLaws), ...base, outcome: 'refuse', decision }, onDelta);
    if (decision.outcome === 'suggest') return this.suggest(base, decision, onDelta);

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
    const referenced = this.o.retriever.isDirectReference(top!);
    // The generator sees the question as searched (diacritics restored, chat spelling written out)
    // and the legal words it was expanded with, to pick the sentence that answers it.
    const keyTerms = await this.o.retriever.keyTerms(search.query);
    const legalQuestion = legalWording(search.query, search.expansions);
    const answer = await this.o.generator.generate({ question: search.query, history, passages, referenced, keyTerms, ...(legalQuestion ? { legalQuestion } : {}) }, onDelta, signal);
    // Retrieval was confident but no sentence carries the answer: offer the provisions instead of refusing.
    if (answer.refused && this.o.policy.suggests) return this.suggest(base, { ...decision, outcome: 'suggest', reason: `${decision.reason}; no sentence of the passages answers it` });
    if (answer.refused) return { ...answer, ...base, outcome: 'refuse', decision: { ...decision, outcome: 'refuse' } };
    return { ...answer, ...base, outcome: 'answer', decision };
  }

  private suggest(base: Pick<ChatResult, 'question' | 'search' | 'rewritten'>, decision: Decision, onDelta?: (d: string) => void): ChatResult {
    const suggestions = suggestionsFrom(base.search.hits);
    if (suggestions.length === 0) return emit({ ...refusalAnswer(this.mode, base.search.missingLaws), ...base, suggestions, outcome: 'refuse', decision: { ...decision, outcome: 'refuse' } }, onDelta);
    return emit({ ...suggestionAnswer(this.mode, suggestions), ...base, suggestions, outcome: 'suggest', decision }, onDelta);
  }

  /** The generator in use, reported on answers it did not write (refusals, suggestions). */
  private get mode(): AnswerMode {
    return this.o.generator.mode ?? 'extractive';
  }
}

/** The question with each thesaurus phrase replaced by its first legal term (`sếp nợ lương` → `người sử dụng lao động trả lương`). */
export function legalWording(question: string, expansions: SearchResult['expansions']): string | undefined {
  const spans = expansions.filter((e) => e.phrase && e.targets[0] && question.slice(e.start, e.end) === e.phrase).sort((a, b) => b.start - a.start);
  if (spans.length === 0) return undefined;
  let out = question;
  for (const e of spans) out = `${out.slice(0, e.start)}${e.targets[0]}${out.slice(e.end)}`;
  return out;
}

function emit(result: ChatResult, onDelta?: (d: string) => void): ChatResult {
  if (onDelta) onDelta(result.answer);
  return result;
}
