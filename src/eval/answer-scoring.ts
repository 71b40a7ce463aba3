import type { Answer, Passage } from '../answer/answer-generator.js';
import { normalizeQuery } from '../text/normalize.js';
import { FUNCTION_WORDS } from '../text/stopwords.js';
import { syllables } from '../text/tokenize.js';
import { articleKey, type ArticleRef } from './eval-question.js';

/** Share of a gold answer's content words the answer must contain. */
export const KEY_PHRASE_COVERAGE = 0.6;

const words = (text: string) => syllables(normalizeQuery(text)).map((s) => (/^\d/.test(s) ? s.replace(/^0+(?=\d)/, '') : s));

/**
 * Tự luận: the gold short answer's figures all appear in the answer, and at least 60% of its
 * content words do (`06 tháng` matches `6 tháng`; word order is not checked).
 */
export function containsGoldAnswer(answer: string, gold: string): boolean {
  const have = new Set(words(answer));
  const goldWords = words(gold).filter((w) => !FUNCTION_WORDS.has(w));
  const figures = goldWords.filter((w) => /^\d/.test(w));
  if (!figures.every((f) => have.has(f))) return false;
  const content = goldWords.filter((w) => !/^\d/.test(w));
  if (content.length === 0) return figures.length > 0;
  return content.filter((w) => have.has(w)).length / content.length >= KEY_PHRASE_COVERAGE;
}

/**
 * Trắc nghiệm: the option the answer supports, by a fixed rule: the option whose content words
 * overlap the cited passages most (share of its words, then count); undefined on a tie or no overlap.
 */
export function chooseOption(choices: Record<string, string>, evidence: string): string | undefined {
  const have = new Set(words(evidence));
  let best: { letter: string; share: number; count: number } | undefined;
  let tied = false;
  for (const [letter, text] of Object.entries(choices)) {
    const w = [...new Set(words(text).filter((x) => !FUNCTION_WORDS.has(x)))];
    const count = w.filter((x) => have.has(x)).length;
    const share = w.length > 0 ? count / w.length : 0;
    if (!best || share > best.share || (share === best.share && count > best.count)) {
      best = { letter, share, count };
      tied = false;
    } else if (share === best.share && count === best.count) tied = true;
  }
  return best && best.count > 0 && !tied ? best.letter : undefined;
}

/** The text an answer rests on: the passages its citations point into, else the answer itself. */
export function citedEvidence(answer: Answer, passages: readonly Passage[]): string {
  const texts = new Set<string>();
  for (const c of answer.citations) {
    const p = passages.find((x) => x.chunk.documentId === c.documentId && c.start >= x.chunk.start && c.start < x.chunk.end);
    texts.add(p ? p.chunk.text : c.quote);
  }
  return texts.size > 0 ? [...texts].join('\n') : answer.answer;
}

/** Citations of an answer as articles; a dated report is one unit; other citations without an article cannot match gold. */
export function citedArticles(answer: Answer): (ArticleRef | undefined)[] {
  return answer.citations.map((c) => (c.article ? { documentId: c.documentId, article: c.article } : c.date ? { documentId: c.documentId, article: '' } : undefined));
}

/** Share of citations that point at a gold article; undefined when nothing is cited. */
export function citationPrecision(cited: readonly (ArticleRef | undefined)[], gold: ReadonlySet<string>): number | undefined {
  if (cited.length === 0) return undefined;
  return cited.filter((c) => c !== undefined && gold.has(articleKey(c))).length / cited.length;
}
