/** An article of a corpus document: the unit every system is scored at. */
export interface ArticleRef {
  documentId: string;
  /** Article number as the corpus writes it (`37`, `10a`). */
  article: string;
}

/** A gold label as the dataset writes it, before mapping to the corpus. */
export interface GoldLabel {
  law: string;
  article: string;
  /** A briefing's file name (`2023-12-29-tong-ket-nam-2023.txt`): the whole report is the unit. */
  briefing?: string;
}

/** The `law` of a briefing label, which names a file instead of a law. */
export const BRIEFING_LABEL = 'Báo cáo giao ban';

/** How a question is typed: ALQAC restates the law; the natural sets type as people do. */
export type QuestionStyle = 'alqac' | 'natural' | 'unaccented' | 'typo' | 'short' | 'judgment';

/** A gold label that could not be mapped to a corpus article, and why. */
export interface UnmappedGold {
  question_id: string;
  law: string;
  article: string;
  reason: string;
}

export type QuestionType = 'Đúng/Sai' | 'Trắc nghiệm' | 'Tự luận' | 'judgment';

/** One evaluation question, in either dataset's format, with its gold mapped to corpus articles. */
export interface EvalQuestion {
  id: string;
  type: QuestionType;
  /** The text systems receive as the user's question. */
  text: string;
  /** Trắc nghiệm options by letter. */
  choices?: Record<string, string>;
  /** Gold answer: `Đúng`/`Sai`, an option letter, or a short free text. */
  answer?: string;
  labels: GoldLabel[];
  /** Gold articles that exist in the corpus, de-duplicated, in dataset order. */
  gold: ArticleRef[];
  /** A document that must not be returned for this question (a judgment's own text). */
  excludeDocumentId?: string;
  /** Year of the question's source (judgments): decides which version of a law a court could cite. */
  year?: number;
  style?: QuestionStyle;
  /** False for a question the corpus cannot answer: the right output is a refusal (or a "gợi ý"). */
  answerable?: boolean;
  /** Unanswerable questions: what they ask about (`other-law`, `decree`, `price`, …). */
  category?: string;
  /** Unanswerable questions: the law that would hold the answer. */
  missingLaw?: string;
}

/** Stable string key of an article (`laws/luat-vien-chuc#37`); a briefing is one unit (`briefings/…#`). */
export function articleKey(a: ArticleRef): string {
  return `${a.documentId}#${a.article.toLowerCase()}`;
}

/** Kinds of document gold labels point at: laws and codes, and briefings in the natural-question set. */
export const GOLD_KINDS = ['law', 'code', 'briefing'] as const;
