import type { AnswerOutcome } from '../eval-system.js';
import type { UnmappedGold } from '../eval-question.js';

/** Aggregate metrics of one system; the keys are the report's public contract. */
export interface SystemMetrics {
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  'ndcg@10': number;
  /** Null when no question of the set has a scorable answer, or the system gives no answers. */
  answer_contains_gold: number | null;
  /** Null when the system cited nothing (or gives no answers). */
  citation_precision: number | null;
  refusal_rate: number;
  /** Answerable questions the chat answered citing a gold article (null for ranking-only systems). */
  cited_right: number | null;
  /** Answerable questions given a "gợi ý" that lists a gold article. */
  suggested_right: number | null;
  /** Answerable questions answered without citing a gold article (a confident wrong answer). */
  answered_wrong: number | null;
  /** Answerable questions refused outright (a "gợi ý" is not a refusal). */
  answerable_refused: number | null;
  /** Unanswerable questions refused or answered with a "gợi ý" (null when the set has none). */
  unanswerable_declined: number | null;
  /** Questions answered with a "gợi ý" (the likeliest provisions, asking which is meant). */
  suggest_rate: number | null;
  latency_ms_p50: number;
  latency_ms_p95: number;
}

export const METRIC_NAMES = ['recall@1', 'recall@5', 'recall@10', 'mrr@10', 'ndcg@10', 'answer_contains_gold', 'citation_precision', 'refusal_rate', 'cited_right', 'suggested_right', 'answered_wrong', 'answerable_refused', 'unanswerable_declined', 'suggest_rate', 'latency_ms_p50', 'latency_ms_p95'] as const satisfies readonly (keyof SystemMetrics)[];

/** One system's result on one question: enough to see a miss without rerunning. */
export interface QuestionSystemResult {
  /** Article keys returned, best first (top 10). */
  returned: string[];
  first_gold_rank: number | null;
  'recall@10': number;
  answer?: string;
  /** Trắc nghiệm: the option the answer supports (null when none could be chosen). */
  chosen_option?: string | null;
  /** Null when the question's answer is not scored (Đúng/Sai, judgments) or the system gives none. */
  answer_correct: boolean | null;
  citations?: string[];
  refused: boolean;
  outcome?: AnswerOutcome;
  latency_ms: number;
}

export interface QuestionRecord {
  id: string;
  type: string;
  question: string;
  /** Gold article keys that exist in the corpus. */
  gold: string[];
  /** Gold labels as the dataset writes them (`Luật Viên chức | Điều 37`). */
  gold_labels: string[];
  answer?: string;
  style?: string;
  answerable?: boolean;
  systems: Record<string, QuestionSystemResult>;
}

/** The JSON report, exactly in the shape the issue specifies. */
export interface EvalReport {
  dataset: string;
  questions: number;
  unmapped_gold: UnmappedGold[];
  systems: Record<string, SystemMetrics>;
  per_question: QuestionRecord[];
}
