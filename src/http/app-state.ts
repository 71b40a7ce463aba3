import { AmendmentGraph } from '../amendments/amendment-graph.js';
import type { AnswerGenerator } from '../answer/answer-generator.js';
import { ChatService, type CaseAdvisor } from '../answer/chat-service.js';
import { DraftChecker } from '../drafts/draft-checker.js';
import type { DraftThresholds } from '../drafts/decide-findings.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { HybridRetriever, type LawMentionFinder } from '../retrieval/hybrid-retriever.js';
import type { RerankerWeights } from '../retrieval/rerank-features.js';

/** What a request works with; swapped whole when a new index is loaded. */
export interface ServingState {
  index: CorpusIndex;
  retriever: HybridRetriever;
  chat: ChatService;
  /** Which corpus text amends which, for citations and `/v1/documents/:id/amendments`. */
  amendments: AmendmentGraph;
  /** Checks drafts against the law in force (`POST /v1/drafts/check`). */
  drafts: DraftChecker;
  loadedAt: string;
}

export interface StateFactoryOptions {
  /** Fill retrieval caches in the background after each (re)load: for serving, not for tests. */
  warmUp?: boolean;
  generator: AnswerGenerator;
  weights?: RerankerWeights;
  lawFinder?: (index: CorpusIndex) => LawMentionFinder;
  /** Draft checker thresholds (fitted by `npm run bench -- --only drafts`); the built-in defaults otherwise. */
  draftThresholds?: DraftThresholds;
  /** Builds the chat's advisor for judges' fact patterns over each loaded index. */
  caseAdvisor?: (index: CorpusIndex, retriever: HybridRetriever) => CaseAdvisor;
}

/** Holds the serving state; an ingest builds a new index and swaps it in without a restart. */
export class AppState {
  private state: ServingState;

  constructor(
    index: CorpusIndex,
    private readonly opts: StateFactoryOptions,
  ) {
    this.state = this.build(index);
  }

  get current(): ServingState {
    return this.state;
  }

  swap(index: CorpusIndex): void {
    this.state = this.build(index);
  }

  private build(index: CorpusIndex): ServingState {
    const retriever = new HybridRetriever({ index, ...(this.opts.weights ? { weights: this.opts.weights } : {}), ...(this.opts.lawFinder ? { findLaws: this.opts.lawFinder(index) } : {}) });
    if (this.opts.warmUp) void retriever.warmUp();
    const caseAdvisor = this.opts.caseAdvisor?.(index, retriever);
    const amendments = AmendmentGraph.build(index.documents.values());
    const drafts = new DraftChecker(index, amendments, this.opts.draftThresholds);
    if (this.opts.warmUp) void drafts.warmUp();
    return { index, retriever, chat: new ChatService({ retriever, generator: this.opts.generator, ...(caseAdvisor ? { caseAdvisor } : {}) }), amendments, drafts, loadedAt: new Date().toISOString() };
  }
}
