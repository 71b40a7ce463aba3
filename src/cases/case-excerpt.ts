import { splitSentences } from '../answer/sentences.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { lexicalTerms } from '../text/tokenize.js';
import type { CaseRecord } from './case-record.js';
import { inSections, REASONING_SECTIONS } from './case-text.js';

/** A short quote of a case with its offsets in the judgment's text. */
export interface CaseExcerpt {
  text: string;
  start: number;
  end: number;
}

/**
 * The passage of a case's reasoning that best matches the query (BM25 over the indexed chunks of
 * its `NHẬN ĐỊNH` section), cut to the run of sentences around its best sentence, at most
 * `maxChars` long. `scores` are BM25 scores of the query over every indexed chunk, when the caller
 * asks for several cases' excerpts and computes them once.
 */
export function caseExcerpt(index: CorpusIndex, record: CaseRecord, query: string, maxChars = 400, scores?: Float32Array): CaseExcerpt | undefined {
  const doc = index.documents.get(record.documentId);
  const positions = index.chunksByDocument.get(record.documentId) ?? [];
  if (!doc || positions.length === 0) return undefined;
  const reasoning = new Set(positions.filter((p) => inSections(record, REASONING_SECTIONS, index.chunks[p]!.start, index.chunks[p]!.end)));
  const pool = reasoning.size > 0 ? reasoning : new Set(positions);
  // Scores of the whole index, when the caller computed them once for several cases.
  const best = scores ? [...pool].reduce((a, b) => (scores[b]! > scores[a]! ? b : a)) : (index.lexical.search(query, 1, (p) => pool.has(p))[0]?.doc ?? [...pool][0]!);
  const chunk = index.chunks[best]!;
  const qTerms = new Set(lexicalTerms(query));
  // PDF extraction breaks lines mid-sentence: split on punctuation only (same length, same offsets).
  const flat = chunk.text.replace(/[\r\n]/g, ' ');
  const sentences = splitSentences(flat).filter((s) => s.text.length >= 20);
  if (sentences.length === 0) return undefined;
  const scoreOf = (t: string) => {
    const terms = new Set(lexicalTerms(t));
    let hits = 0;
    for (const x of terms) if (qTerms.has(x)) hits += x.includes('_') ? 2 : 1;
    return hits / Math.sqrt(terms.size + 1);
  };
  let bi = 0;
  sentences.forEach((s, i) => {
    if (scoreOf(s.text) > scoreOf(sentences[bi]!.text)) bi = i;
  });
  const first = sentences[bi]!;
  let start = first.start;
  let end = first.end;
  // Add the following sentences while they fit: the reasoning usually continues the thought.
  for (const s of sentences.slice(bi + 1)) {
    if (s.end - start > maxChars) break;
    end = s.end;
  }
  if (end - start > maxChars) end = start + maxChars;
  const text = flat.slice(start, end).replace(/\s+/g, ' ').trim();
  return { text: end < first.end ? `${text}…` : text, start: chunk.start + start, end: chunk.start + end };
}
