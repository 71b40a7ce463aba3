import { Piscina } from 'piscina';
import type { Logger } from 'pino';
import type { CaseTask } from '../cases/case-responses.js';
import { caseResponse } from '../cases/case-responses.js';
import type { ThreadTask } from '../cases/case-thread.js';
import type { Config } from '../config.js';
import type { ServingState } from './app-state.js';
import { HttpError } from './http-error.js';

/**
 * Runs the judges' case work with a bound on how much of it waits and how long it may take. The
 * thread runner keeps it off the event loop; the inline one (CASE_THREADS=0, for tests and small
 * machines) runs one task at a time and yields between tasks.
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
  /** Tasks that may wait; more get 503 with Retry-After. */
  maxQueue: number;
  /** Budget per task, waiting included; past it the client gets 503 and a task still waiting is dropped. */
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

class ThreadCaseRunner implements CaseRunner {
  private readonly pool: Piscina<ThreadTask, object>;

  constructor(private readonly o: CaseRunnerOptions) {
    this.pool = new Piscina({
      filename: THREAD_FILE.href,
      minThreads: o.threads,
      maxThreads: o.threads,
      maxQueue: o.maxQueue,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Lower priority than the HTTP threads: when cores are short, search and /healthz go first.
      niceIncrement: 10,
      workerData: { config: o.config },
      // Source files need tsx's loader in the thread too.
      execArgv: THREAD_FILE.pathname.endsWith('.ts') ? ['--import', 'tsx'] : [],
    });
    this.pool.on('error', (err: unknown) => o.logger?.error({ err }, 'case worker thread failed'));
  }

  warm(state: ServingState): void {
    this.pool.run({ buildDir: state.index.dir, warm: true }).catch((err: unknown) => this.o.logger?.warn({ err }, 'case worker thread could not load the index'));
  }

  /**
   * The budget is enforced without aborting piscina tasks: aborting a running one terminates its
   * thread, and the next task would pay for loading the index again (under load, a spiral). A task
   * that starts past its deadline returns at once; one already running finishes unseen (its cost is
   * bounded by the facts length limit).
   */
  async run(state: ServingState, task: CaseTask): Promise<object> {
    if (this.pool.queueSize >= this.o.maxQueue) throw busy();
    const deadline = Date.now() + this.o.timeoutMs;
    const job = this.pool.run({ ...task, buildDir: state.index.dir, deadline });
    job.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(overBudget(this.o.timeoutMs)), this.o.timeoutMs)));
    try {
      const result = await Promise.race([job, expired]);
      if ((result as { expired?: boolean }).expired) throw overBudget(this.o.timeoutMs);
      return result;
    } catch (e) {
      if (e instanceof Error && /queue is at limit/i.test(e.message)) throw busy();
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}

class InlineCaseRunner implements CaseRunner {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly o: CaseRunnerOptions) {}

  warm(): void {}

  async run(state: ServingState, task: CaseTask): Promise<object> {
    if (this.pending > this.o.maxQueue) throw busy();
    this.pending++;
    const started = Date.now();
    const job = this.tail.then(async () => {
      // Let the requests that arrived meanwhile run before this task takes the event loop.
      await new Promise((r) => setImmediate(r));
      if (Date.now() - started > this.o.timeoutMs) throw overBudget(this.o.timeoutMs);
      return caseResponse(state.index, state.retriever, task);
    });
    this.tail = job.catch(() => undefined);
    try {
      return await job;
    } finally {
      this.pending--;
    }
  }

  async close(): Promise<void> {}
}

/** The configured runner: worker threads (default), or inline with CASE_THREADS=0. */
export function createCaseRunner(o: CaseRunnerOptions): CaseRunner {
  return o.threads > 0 ? new ThreadCaseRunner(o) : new InlineCaseRunner(o);
}
