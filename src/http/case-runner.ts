import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import type { CaseTask } from '../cases/case-responses.js';
import { caseResponse } from '../cases/case-responses.js';
import { sharedThesaurus } from '../text/thesaurus.js';
import type { ThreadTask } from '../cases/case-thread.js';
import type { Config } from '../config.js';
import { CorpusIndex } from '../index/corpus-index.js';
import type { ServingState } from './app-state.js';
import { HttpError } from './http-error.js';

/**
 * Runs the judges' case work with a bound on how much of it waits and how long it may take. With
 * threads it runs off the event loop; inline (CASE_THREADS=0, for tests and small machines) it runs
 * one task at a time and yields to waiting requests before each. A build served from PostgreSQL
 * has its tasks run inline too (a thread loads build folders; the node's case corpus is loaded once,
 * in the process, by `PgIndex.caseCorpus`): the service starts no threads for one.
 */
export interface CaseRunner {
  run(state: ServingState, task: CaseTask): Promise<object>;
  /** Loads the served build ahead of the first request (threads only). */
  warm(state: ServingState): void;
  close(): Promise<void>;
}

export interface CaseRunnerOptions {
  /** Worker threads; 0 runs inline. */
  threads: number;
  /** Tasks that may wait for a free thread; more get 503 with Retry-After. */
  maxQueue: number;
  /** Budget per task, waiting included; past it the client gets 503 and a waiting task is dropped. */
  timeoutMs: number;
  config: Config;
  logger?: Logger;
}

const busy = () =>
  HttpError.retryLater(503, 'server_busy', 'Máy chủ đang bận xử lý các yêu cầu tra cứu vụ việc khác; vui lòng thử lại sau giây lát', 'The server is busy with other case requests; retry shortly', 2);
const overBudget = (ms: number) =>
  HttpError.retryLater(
    503,
    'time_budget_exceeded',
    `Yêu cầu vượt quá thời gian xử lý cho phép (${ms / 1000} giây); hãy rút gọn mô tả vụ việc`,
    `The request exceeded its time budget of ${ms / 1000} s; shorten the facts`,
    5,
  );

// The task module as this process runs it: TypeScript source under tsx or vitest, JavaScript from `npm run build`.
const THREAD_FILE = new URL(`../cases/case-thread${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

interface Waiting {
  state: ServingState;
  task: CaseTask;
  settle: (run: Promise<object>) => void;
  timer: NodeJS.Timeout;
}

/**
 * A FIFO of tasks in front of `slots` executors. The queue is ours rather than piscina's so that a
 * task whose client has given up leaves it at once; a task already running is never aborted
 * (aborting a piscina task kills its thread, and the next task would reload the index) but
 * finishes unseen, its cost bounded by the facts length limit.
 */
class QueuedCaseRunner implements CaseRunner {
  private readonly waiting: Waiting[] = [];
  private running = 0;

  constructor(
    private readonly o: CaseRunnerOptions,
    private readonly slots: number,
    private readonly exec: (state: ServingState, task: CaseTask) => Promise<object>,
    private readonly hooks: { warm?: (state: ServingState) => void; close?: () => Promise<void> } = {},
  ) {}

  run(state: ServingState, task: CaseTask): Promise<object> {
    if (this.waiting.length >= this.o.maxQueue) return Promise.reject(busy());
    return new Promise<object>((resolve, reject) => {
      const entry: Waiting = {
        state,
        task,
        settle: (run) => run.then(resolve, reject),
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(overBudget(this.o.timeoutMs));
        }, this.o.timeoutMs),
      };
      this.waiting.push(entry);
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.slots && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      this.running++;
      const run = this.exec(next.state, next.task);
      next.settle(run);
      void run.catch(() => undefined).finally(() => {
        clearTimeout(next.timer);
        this.running--;
        this.pump();
      });
    }
  }

  warm(state: ServingState): void {
    this.hooks.warm?.(state);
  }

  async close(): Promise<void> {
    for (const w of this.waiting.splice(0)) clearTimeout(w.timer);
    await this.hooks.close?.();
  }
}

function threadRunner(o: CaseRunnerOptions): CaseRunner {
  const pool = new Piscina<ThreadTask, object>({
    filename: THREAD_FILE.href,
    minThreads: o.threads,
    maxThreads: o.threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // Lower priority than the HTTP threads: when cores are short, search and /healthz go first.
    niceIncrement: 10,
    workerData: { config: o.config },
    // Source files need tsx's loader in the thread too.
    execArgv: THREAD_FILE.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  pool.on('error', (err: unknown) => o.logger?.error({ err }, 'case worker thread failed'));
  // A thread loads a build folder; a PostgreSQL build's case corpus is the process's own (PgIndex.caseCorpus), so its tasks run inline.
  const exec = (state: ServingState, task: CaseTask) => (state.index instanceof CorpusIndex ? pool.run({ ...task, buildDir: state.index.dir }) : inline(state, task, o));
  return new QueuedCaseRunner(o, o.threads, exec, {
    warm: (state) => {
      if (state.index instanceof CorpusIndex) void pool.run({ buildDir: state.index.dir, warm: true }).catch((err: unknown) => o.logger?.warn({ err }, 'case worker thread could not load the index'));
    },
    // Graceful: a thread terminated while hnswlib loads its index aborts the whole process
    // (hnswlib-node throws into the dying thread), so running tasks are let finish.
    close: () => pool.close(),
  });
}

/** The configured runner: worker threads (default), or inline with CASE_THREADS=0. */
export function createCaseRunner(o: CaseRunnerOptions): CaseRunner {
  if (o.threads > 0) return threadRunner(o);
  return new QueuedCaseRunner(o, 1, (state, task) => inline(state, task, o));
}

/** One task on the event loop, over the served index's case corpus. */
async function inline(state: ServingState, task: CaseTask, o: CaseRunnerOptions): Promise<object> {
  const corpus = await state.index.caseCorpus();
  // Let the requests that arrived meanwhile run before this task takes the event loop.
  await new Promise((r) => setImmediate(r));
  return caseResponse(corpus, state.retriever, task, sharedThesaurus(o.config.THESAURUS_DIR));
}
