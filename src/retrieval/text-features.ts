import { syllables } from '../text/tokenize.js';

/** Query terms with IDF weights, split by n-gram order. */
export interface WeightedQuery {
  unigrams: Map<string, number>;
  bigrams: Map<string, number>;
  trigrams: Set<string>;
}

export interface TextFeatures {
  unigram: number;
  bigram: number;
  trigram: number;
  bestSpan: number;
}

// Sentence-internal breaks an n-gram must not cross (kept in step with tokenize.ts).
const BREAK_RE = /(?:[;:!?()\[\]"“”\n]|\.(?!\d))+/;

/** Syllable n-grams of a text, not crossing punctuation, with the character offset of each piece. */
function pieces(text: string): { syl: string[]; start: number }[] {
  const out: { syl: string[]; start: number }[] = [];
  let offset = 0;
  for (const part of text.split(BREAK_RE)) {
    const at = text.indexOf(part, offset);
    out.push({ syl: syllables(part), start: at });
    offset = at + part.length;
  }
  return out;
}

/**
 * Lexical evidence of one text for a query, computed in one pass: IDF-weighted coverage of the
 * query's syllables, syllable pairs and triples (phrase proximity), and the best coverage of word
 * pairs within any of the given spans (clauses), since a question usually rests on one clause.
 */
export function textFeatures(q: WeightedQuery, text: string, spans: { start: number; end: number }[] = []): TextFeatures {
  const uni = new Set<string>();
  const bi = new Set<string>();
  const tri = new Set<string>();
  const spanBigrams: Set<string>[] = spans.map(() => new Set());
  for (const p of pieces(text)) {
    const s = p.syl;
    const span = spans.findIndex((sp) => p.start >= sp.start && p.start < sp.end);
    for (let i = 0; i < s.length; i++) {
      uni.add(s[i]!);
      if (i + 1 < s.length) {
        const b = `${s[i]}_${s[i + 1]}`;
        bi.add(b);
        if (span >= 0) spanBigrams[span]!.add(b);
      }
      if (i + 2 < s.length) tri.add(`${s[i]}_${s[i + 1]}_${s[i + 2]}`);
    }
  }
  const share = (m: Map<string, number>, present: Set<string>) => {
    let hit = 0;
    let total = 0;
    for (const [t, w] of m) {
      total += w;
      if (present.has(t)) hit += w;
    }
    return total > 0 ? hit / total : 0;
  };
  let trigram = 0;
  for (const t of q.trigrams) if (tri.has(t)) trigram++;
  const bestSpan = spanBigrams.length > 0 ? Math.max(...spanBigrams.map((set) => share(q.bigrams, set))) : share(q.bigrams, bi);
  return { unigram: share(q.unigrams, uni), bigram: share(q.bigrams, bi), trigram: q.trigrams.size > 0 ? trigram / q.trigrams.size : 0, bestSpan };
}

/** Query trigrams (syllable triples within a sentence piece). */
export function queryTrigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const p of pieces(text)) for (let i = 0; i + 2 < p.syl.length; i++) out.add(`${p.syl[i]}_${p.syl[i + 1]}_${p.syl[i + 2]}`);
  return out;
}

/** Share of a title's syllables and pairs that the query contains: a question restating an article's title. */
export function titleContained(title: string, queryTerms: Set<string>): number {
  if (!title) return 0;
  let hit = 0;
  let total = 0;
  for (const p of pieces(title)) {
    for (let i = 0; i < p.syl.length; i++) {
      total++;
      if (queryTerms.has(p.syl[i]!)) hit++;
      if (i + 1 < p.syl.length) {
        total++;
        if (queryTerms.has(`${p.syl[i]}_${p.syl[i + 1]}`)) hit++;
      }
    }
  }
  return total > 0 ? hit / total : 0;
}
