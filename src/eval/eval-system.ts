import type { ArticleRef, EvalQuestion } from './eval-question.js';

/** What a system answered, reduced to what the metrics need. */
export interface SystemAnswer {
  text: string;
  refused: boolean;
  /** One entry per citation: its article, or undefined when it cites no article. */
  cited: (ArticleRef | undefined)[];
  /** The text the answer rests on (cited passages), for choosing a Trắc nghiệm option. */
  evidence: string;
}

/** What the chat did with a question: answered with citations, suggested provisions, or refused. */
export type AnswerOutcome = 'answer' | 'suggest' | 'refuse';

/** One system's output for one question. */
export interface SystemOutput {
  /** Articles best first, de-duplicated in rank order. */
  articles: ArticleRef[];
  /** Absent for systems that only rank (provision recommenders). */
  answer?: SystemAnswer;
  /** The system declined: it refused to answer, or returned nothing. */
  refused: boolean;
  /** Systems that answer: the outcome (a refusal is `refuse`, a plain answer `answer`). */
  outcome?: AnswerOutcome;
  /** For `suggest`: the provisions offered ("gợi ý"), best first. */
  suggested?: ArticleRef[];
  /** Time the user waits for this output. */
  latencyMs: number;
}

/** Port every evaluated system implements; adapters turn retrievers and recommenders into it. */
export interface EvalSystem {
  readonly name: string;
  run(question: EvalQuestion): Promise<SystemOutput>;
}
