import type { AmendmentGraph } from '../amendments/amendment-graph.js';
import type { AnswerGenerator } from '../answer/answer-generator.js';
import { DraftChecker } from '../drafts/draft-checker.js';
import type { DraftThresholds } from '../drafts/decide-findings.js';
import type { AnswerPolicy } from '../answer/answer-decision.js';
import type { ChatService, CaseAdvisor } from '../answer/chat-service.js';
import type { QuestionRewriter } from '../answer/question-rewriter.js';
import { LawVersionCheck, VersionCheckedChatService } from '../answer/version-warning.js';
import { CorpusIndex } from '../index/corpus-index.js';
import type { ServedIndex } from '../index/served-index.js';
import { createRetriever, type RetrievalResources } from '../retrieval/create-retriever.js';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';

/** What a request works with; swapped whole when a new index is loaded. */
export interface ServingState {
  index: ServedIndex;
  retriever: HybridRetriever;
  chat: ChatService;
  /** Which corpus text amends which, for citations and `/v1/documents/:id/amendments`. */
  amendments: AmendmentGraph;
  /**
   * Checks drafts against the law in force (`POST /v1/drafts/check`). Made with the state for a
   * build folder; with the postgres backend on the first draft, over the index's case corpus.
   */
  drafts(): Promise<DraftChecker>;
  loadedAt: string;
}

export interface StateFactoryOptions {
  /** Fill retrieval caches in the background after each (re)load: for serving, not for tests. */
  warmUp?: boolean;
  generator: AnswerGenerator;
  resources: RetrievalResources;
  /** The answer/suggest/refuse decision. */
  policy: AnswerPolicy;
  /** Rewrites everyday questions into legal terms before retrieval (an LLM, when configured). */
  rewriter?: QuestionRewriter;
  /** Draft checker thresholds (fitted by `npm run bench -- --only drafts`); the built-in defaults otherwise. */
  draftThresholds?: DraftThresholds;
  /** Builds the chat's advisor for judges' fact patterns over each loaded index. */
  caseAdvisor?: (index: ServedIndex, retriever: HybridRetriever) => CaseAdvisor;
}

/** Holds the serving state; an ingest builds a new index and swaps it in without a restart. */
export class AppState {
  private state: ServingState;

  constructor(
    index: ServedIndex,
    private readonly opts: StateFactoryOptions,
  ) {
    this.state = this.build(index);
  }

  get current(): ServingState {
    return this.state;
  }

  swap(index: ServedIndex): void {
    this.state = this.build(index);
  }

  private build(index: ServedIndex): ServingState {
    const retriever = createRetriever(index, this.opts.resources);
    if (this.opts.warmUp) void retriever.warmUp();
    const caseAdvisor = this.opts.caseAdvisor?.(index, retriever);
    const options = { retriever, generator: this.opts.generator, policy: this.opts.policy, ...(caseAdvisor ? { caseAdvisor } : {}), ...(this.opts.rewriter ? { rewriter: this.opts.rewriter } : {}) };
    const amendments = index.amendmentGraph();
    let checker: Promise<DraftChecker> | undefined;
    const drafts = () => (checker ??= index.caseCorpus().then((corpus) => new DraftChecker(corpus, amendments, this.opts.draftThresholds)));
    // A build folder is in memory already: its checker is made (and warmed) now; a PostgreSQL build's loads on the first draft.
    if (index instanceof CorpusIndex) void drafts().then((d) => (this.opts.warmUp ? d.warmUp() : undefined));
    return { index, retriever, chat: new VersionCheckedChatService(options, new LawVersionCheck(index)), amendments, drafts, loadedAt: new Date().toISOString() };
  }
}
