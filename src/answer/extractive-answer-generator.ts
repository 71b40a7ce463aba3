import { normalizeQuery } from '../text/normalize.js';
import { SENTENCE_NOISE_WORDS } from '../text/stopwords.js';
import { lexicalTerms } from '../text/tokenize.js';
import type { Answer, AnswerGenerator, AnswerRequest, Citation, Passage } from './answer-generator.js';
import { buildCitation } from './llm-citations.js';
import { formatViDate } from './llm-prompt.js';
import { focusMatch, questionFocus } from './question-type.js';
import { refusalAnswer } from './refusal.js';
import { splitSentences } from './sentences.js';

export interface ExtractiveOptions {
  /** Passages considered, best first. */
  maxPassages: number;
  /** A sentence must cover at least this share of the question's terms to be used. */
  minSentenceScore: number;
}

interface Candidate {
  passage: Passage;
  text: string;
  score: number;
}

const HEADING = /^(Điều|Chương|Mục|Phần)\s+[\dIVXLC]+[a-zđ]?[.:]/u;
// The reranker's order is better evidence than word overlap with one sentence: each rank down costs 15%.
const RANK_DECAY = 0.85;
const HEADING_PREFIX = /^Điều\s+\d+[a-zđ]?[.:]\s*/u;

/**
 * Offline answers: picks the sentences of the retrieved passages that best match the question
 * (leading with the one holding the figure, date or agent the question asks for), quotes them
 * verbatim and cites each with its exact span. Parallel provisions of different laws are set side
 * by side when the question names no law.
 */
export class ExtractiveAnswerGenerator implements AnswerGenerator {
  readonly mode = 'extractive' as const;
  private readonly o: ExtractiveOptions;

  constructor(options: Partial<ExtractiveOptions> = {}) {
    this.o = { maxPassages: 5, minSentenceScore: 0.25, ...options };
  }

  async generate(request: AnswerRequest, onDelta?: (delta: string) => void): Promise<Answer> {
    const question = normalizeQuery(request.question);
    const qTerms = contentTerms(question);
    // A question in everyday words is also matched in the law's words; a sentence scores by the better.
    const legalTerms = request.legalQuestion ? contentTerms(normalizeQuery(request.legalQuestion)) : undefined;
    const focus = questionFocus(question);
    const candidates: Candidate[] = [];
    // A question that names an article is answered from that article alone.
    const pool = request.referenced ? request.passages.slice(0, 1) : request.passages.slice(0, this.o.maxPassages);
    pool.forEach((passage, rank) => {
      for (const sentence of splitSentences(passage.chunk.text)) {
        // A heading line is skipped, but an untitled article (the Constitution) starts its body on it.
        const s = HEADING.test(sentence.text) && !passage.chunk.articleTitle ? { text: sentence.text.replace(HEADING_PREFIX, '') } : sentence;
        if (HEADING.test(s.text) || s.text.length < 15) continue;
        const sTerms = contentTerms(s.text);
        const overlap = Math.max(termOverlap(qTerms, sTerms), legalTerms ? termOverlap(legalTerms, sTerms) : 0);
        const score = (overlap + 0.25 * focusMatch(focus, s.text) * (overlap > 0.15 ? 1 : 0)) * RANK_DECAY ** rank;
        if (passage.document.kind === 'briefing' && !namesKeyTerms(request.keyTerms, s.text, passage.chunk.heading)) continue;
        candidates.push({ passage, text: s.text, score });
      }
    });
    candidates.sort((a, b) => b.score - a.score);
    const best = candidates[0];
    if (request.referenced && request.passages[0] && (!best || best.score < this.o.minSentenceScore)) return emit(articleSummary(request.passages[0]), onDelta);
    if (!best || best.score < this.o.minSentenceScore) return emit(refusalAnswer('extractive'), onDelta);

    const chosen: Candidate[] = [best];
    // A second sentence from the same passage when it adds to the first (e.g. the clause's condition).
    const sameDoc = candidates.find((c) => c.text !== best.text && c.passage === best.passage && c.score >= best.score * 0.8);
    if (sameDoc) chosen.push(sameDoc);
    // Parallel provisions: the same rule in another law, when the question did not say which law.
    const other = candidates.find((c) => c.passage.document.id !== best.passage.document.id && c.score >= best.score * 0.9 && c.passage.chunk.articleTitle && c.passage.chunk.articleTitle === best.passage.chunk.articleTitle);
    if (other) chosen.push(other);

    // Every quoted sentence gets its own citation, so each points at its own clause and span.
    const citations: Citation[] = [];
    const parts: string[] = [];
    for (const c of chosen) {
      const n = citations.length + 1;
      const cite = extendLeadIn(c.passage, { ...buildCitation(c.passage, [c.text]), n });
      citations.push(cite);
      const lead = parts.length === 0 || c.passage.document.id !== best.passage.document.id ? `Theo ${sourcePhrase(c.passage, cite)}: ` : '';
      parts.push(`${lead}${stripEnd(stripClauseNumber(cite.quote || c.text))} [${n}].`);
    }
    return emit({ answer: parts.join('\n'), citations, mode: 'extractive', refused: false, warnings: [] }, onDelta);
  }
}

/** `Điều 95 … (Điều kiện mang thai hộ…) quy định: <its opening, up to ~600 characters>` for "what does Điều N say". */
function articleSummary(p: Passage): Answer {
  // Titled articles drop their heading line; untitled ones (the Constitution) only the `Điều N.` prefix.
  const body = p.chunk.articleTitle ? p.chunk.text.replace(/^Điều\s+[^\n]*\n?/u, '') : p.chunk.text.replace(HEADING_PREFIX, '');
  const offsetInChunk = p.chunk.text.length - body.length;
  let take = body.length;
  if (take > 600) {
    const cut = body.lastIndexOf('\n', 600);
    take = cut > 100 ? cut : 600;
  }
  const quote = body.slice(0, take).trimEnd();
  const start = p.chunk.start + offsetInChunk;
  const base = buildCitation(p, [quote]);
  const citation: Citation = { ...base, n: 1, quote, start, end: start + quote.length };
  delete citation.clause;
  delete citation.point;
  const label = `Điều ${p.chunk.article ?? ''} ${p.document.title}`.replace(/\s+/g, ' ');
  citation.label = label;
  const title = p.chunk.articleTitle ? ` (${p.chunk.articleTitle})` : '';
  const more = take < body.length ? ' …' : '';
  return { answer: `${label}${title} quy định:\n${quote}${more} [1]`, citations: [citation], mode: 'extractive', refused: false, warnings: [] };
}

/** A report's sentence qualifies only when it, or its section heading, names every key term of the question. */
function namesKeyTerms(keyTerms: string[] | undefined, sentence: string, heading: string): boolean {
  if (!keyTerms || keyTerms.length === 0) return true;
  const present = new Set(lexicalTerms(`${heading}\n${sentence}`));
  return keyTerms.every((t) => present.has(t));
}

function sourcePhrase(p: Passage, c: Citation): string {
  if (p.document.kind === 'briefing') {
    const date = p.document.meetingDate ?? p.chunk.date;
    return `${p.document.title}${date ? ` (ngày ${formatViDate(date)})` : ''}`;
  }
  return c.label.charAt(0).toLowerCase() + c.label.slice(1);
}

/** A sentence that introduces a list (`… các nghĩa vụ sau đây:`) is quoted with its points. */
function extendLeadIn(p: Passage, c: Citation): Citation {
  if (!/:\s*$/.test(c.quote)) return c;
  const chunkOffset = c.end - p.chunk.start;
  const rest = p.chunk.text.slice(chunkOffset);
  // Up to the next clause (`3. …`) or 700 characters, whichever comes first, cut at a line end.
  const nextClause = rest.search(/\n\s*\d+[a-zđ]?\.\s/u);
  let take = nextClause >= 0 ? nextClause : rest.length;
  if (take > 700) take = Math.max(rest.lastIndexOf('\n', 700), 0) || 700;
  const extra = rest.slice(0, take).replace(/\s+$/u, '');
  return { ...c, quote: c.quote + extra, end: c.end + extra.length };
}

function stripClauseNumber(s: string): string {
  return s.replace(/^\s*\d+[a-zđ]?\.\s+/u, '');
}

function stripEnd(s: string): string {
  return s.trim().replace(/[.;:,]+$/u, '');
}

function contentTerms(text: string): Set<string> {
  return new Set(lexicalTerms(text).filter((t) => !SENTENCE_NOISE_WORDS.has(t)));
}

/** Share of the question's terms (bigrams count double) found in the sentence. */
function termOverlap(q: Set<string>, s: Set<string>): number {
  let hit = 0;
  let total = 0;
  for (const t of q) {
    const w = t.includes('_') ? 2 : 1;
    total += w;
    if (s.has(t)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}

/** Streams the finished answer word by word so the extractive path behaves like the LLM path. */
function emit(answer: Answer, onDelta?: (d: string) => void): Answer {
  if (onDelta) for (const piece of answer.answer.match(/\S+\s*/g) ?? []) onDelta(piece);
  return answer;
}
