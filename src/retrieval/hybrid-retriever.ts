import { CorpusIndex, type IndexedChunk } from '../index/corpus-index.js';
import { idf } from '../index/bm25-field.js';
import { weightedTerms } from '../index/lexical-index.js';
import type { CandidateChunk, RetrievalCorpus } from '../index/retrieval-corpus.js';
import { expandCasualSpelling } from '../text/casual-spelling.js';
import { domainOfDocument } from '../text/thesaurus-domains.js';
import { foldDiacritics } from '../text/fold.js';
import { normalizeQuery } from '../text/normalize.js';
import { APPROXIMATION_WORDS, isContentWord, QUESTION_WORDS } from '../text/stopwords.js';
import { lexicalTerms } from '../text/tokenize.js';
import type { DocumentMeta } from '../types/legal-document.js';
import { findArticleReferences, findDocumentNumbers, type ArticleReference } from './legal-reference.js';
import type { MissingLaw } from './law-catalog.js';
import { expandedCoverage, hashExpansion, type QueryExpander, type QueryExpansion } from './query-expansion.js';
import { findPeriod, type Period } from './query-period.js';
import { TermHashCache, termHashes } from './chunk-terms.js';
import { contentPairCoverage, textFeatures, titleContained, weightedQuery } from './text-features.js';
import { DEFAULT_WEIGHTS, FEATURE_NAMES, score, type FeatureVector, type RerankerWeights } from './rerank-features.js';
import type { TermDocumentCounts } from '../index/retrieval-corpus.js';
import { compileFilters, type SearchFilters } from './search-filters.js';

/** Finds the documents a question names (`Luật Viên chức`, `BLDS 2015`, `100/2015/QH13`). */
export type LawMentionFinder = (query: string) => { documentId: string; start: number; end: number }[];

/** Finds the laws a question names or is about that the corpus does not hold. */
export type MissingLawFinder = (query: string) => MissingLaw[];

export interface SearchHit {
  chunk: IndexedChunk;
  document: DocumentMeta;
  score: number;
  features: FeatureVector;
}

export interface SearchResult {
  /** The query as searched: normalised, diacritics restored when typed without. */
  query: string;
  restored: boolean;
  hits: SearchHit[];
  period?: Period;
  references: ArticleReference[];
  mentionedDocuments: string[];
  /** Laws the question names (or is about) that the corpus lacks. */
  missingLaws: MissingLaw[];
  /** Phrases of the question the thesaurus (or an LLM rewrite) put into the law's words. */
  expansions: QueryExpansion[];
  /** IDF-weighted share of the question's content words that neither the corpus nor the thesaurus knows. */
  unknownShare: number;
  /** How many content words the question has (question words and figures aside). */
  contentWords: number;
}

export interface SearchOptions {
  /** Other wordings of the question (an LLM's rewrite in legal terms), searched with the expansion weight. */
  alternatives?: string[];
}

export interface RetrieverOptions {
  /** The build searched: loaded in this process (a CorpusIndex) or read through the port (PostgreSQL). */
  index: CorpusIndex | RetrievalCorpus;
  findLaws?: LawMentionFinder;
  findMissingLaws?: MissingLawFinder;
  /** The thesaurus: everyday words and abbreviations of the question in the law's words. */
  expand?: QueryExpander;
  weights?: RerankerWeights;
}

const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<(typeof FEATURE_NAMES)[number], number>;

/**
 * Hybrid retrieval: BM25 and hnswlib candidates are merged (by chunk, not by page content as
 * LangChain's EnsembleRetriever does), described by features (lexical, dense, title match,
 * best-clause coverage, the law's topic, legal references, dates) and ranked by a linear model
 * whose weights are learned with cross-validation (`npm run train`).
 */
export class HybridRetriever {
  private readonly corpus: RetrievalCorpus;
  private readonly findLaws: LawMentionFinder;
  private readonly findMissingLaws: MissingLawFinder;
  private readonly expand: QueryExpander;
  weights: RerankerWeights;
  // Per-chunk n-gram hashes, computed on first use: tokenising candidates on every query dominated latency.
  private readonly terms: TermHashCache;
  private readonly titleTerms: TermHashCache;

  constructor(opts: RetrieverOptions) {
    this.corpus = opts.index instanceof CorpusIndex ? opts.index.retrieval : opts.index;
    // A backend that keeps its chunks out of the process (PostgreSQL) keeps fewer of their term sets in it.
    const cached = this.corpus.chunkAt ? 20_000 : 4_000;
    this.terms = new TermHashCache(cached);
    this.titleTerms = new TermHashCache(cached);
    this.findLaws = opts.findLaws ?? (() => []);
    this.findMissingLaws = opts.findMissingLaws ?? (() => []);
    this.expand = opts.expand ?? (() => []);
    this.weights = opts.weights ?? DEFAULT_WEIGHTS;
  }

  /** Searches chunks; `k` hits come back best first, each with its features for inspection. */
  async search(rawQuery: string, k = 10, filters?: SearchFilters, options: SearchOptions = {}): Promise<SearchResult> {
    const corpus = this.corpus;
    const typed = expandCasualSpelling(normalizeQuery(rawQuery));
    const query = /\p{L}{2}/u.test(typed) ? corpus.restorer.restore(typed) : typed;
    const restored = query !== typed;

    const refs = findArticleReferences(query);
    const mentions = this.findLaws(query);
    const numbers = findDocumentNumbers(query);
    const mentioned = new Set(mentions.map((m) => m.documentId));
    if (numbers.length > 0) for (const m of corpus.documents()) if (m.number && numbers.includes(m.number)) mentioned.add(m.id);
    const period = findPeriod(query);
    const found = this.findMissingLaws(query);

    const allow = compileFilters(filters);

    // The text used for matching drops the legal reference and the law's name, so `Điều 95` does not match every
    // `Điều 95` mention and `Bộ luật tố tụng dân sự` does not match the article that states the code's own scope:
    // the lawMentioned and articleReferenced features carry them.
    let matchText = query;
    const cuts = [...refs, ...mentions].sort((a, b) => b.start - a.start);
    let floor = Infinity;
    for (const r of cuts) {
      if (r.end > floor) continue;
      matchText = matchText.slice(0, r.start) + ' ' + matchText.slice(r.end);
      floor = r.start;
    }
    const w = this.weights;
    // Thesaurus phrases add their legal terms at a lower weight than the words typed; an LLM rewrite is one more wording.
    const expansions = [
      ...this.expand(matchText),
      ...(options.alternatives ?? []).map((alt): QueryExpansion => ({ start: 0, end: 0, phrase: '', targets: [normalizeQuery(alt)], kind: 'rewrite' })),
    ];
    const extraText = [...new Set(expansions.flatMap((e) => e.targets))].join('. ');
    const bigramWeight = corpus.lexicalParams.bigramWeight;
    // The question's terms (typed and thesaurus), for the law-topic model; and IDF of the typed ones.
    const qTerms = weightedTerms(matchText, extraText ? [{ text: extraText, weight: w.expansionWeight }] : [], bigramWeight);
    const typedTerms = lexicalTerms(matchText);
    const qvecPromise = corpus.embedder.embedQuery(extraText ? `${matchText}. ${extraText}` : matchText);
    // BM25 by field and by where the terms came from (typed or thesaurus), so the reranker can weigh each.
    const [lex, dfs, topicCounts, qvec] = await Promise.all([
      corpus.lexical({ text: matchText, extraText, expansionWeight: w.expansionWeight, expansionFieldWeight: w.expansionFieldWeight }, w.lexicalK, allow),
      corpus.documentFrequencies(new Set([...typedTerms, ...qTerms.keys()])),
      corpus.documentTermCounts(qTerms),
      qvecPromise,
    ]);
    const candidates = new Map<number, { bm25Rank?: number; denseRank?: number; dense?: number }>();
    const lexTop = lex.top;
    lexTop.forEach((i, r) => candidates.set(i, { bm25Rank: r }));

    const dense = await corpus.dense(qvec, w.denseK, allow);
    dense.forEach((h, r) => {
      const c = candidates.get(h.pos) ?? {};
      c.denseRank = r;
      c.dense = h.score;
      candidates.set(h.pos, c);
    });

    // Directly referenced articles of mentioned documents are always candidates.
    if (refs.length > 0 && mentioned.size > 0) {
      for (const i of await corpus.articleChunks([...mentioned], refs.map((r) => r.article), allow)) if (!candidates.has(i)) candidates.set(i, {});
    }
    const termWeights = this.queryTermWeights(typedTerms, dfs);
    const stats = questionStats(termWeights, expansions, matchText, dfs);
    const positions = [...candidates.keys()];
    const [chunks] = positions.length > 0 ? await Promise.all([corpus.chunks(positions), lex.include(positions)]) : [new Map<number, CandidateChunk>()];
    // A missing law's topic that the candidates themselves talk about (a briefing on `dịch vụ bưu chính`) is weaker evidence.
    // Lower-cased only when some topic needs it: most questions name no missing law's topic.
    let candidateTexts: string[] | undefined;
    const talkedAbout = (evidence: string) => (candidateTexts ??= positions.map((i) => chunks.get(i)!.chunk.text.toLowerCase())).some((t) => t.includes(evidence));
    const missingLaws = found.map((m) => (m.how === 'topic' ? { ...m, covered: talkedAbout(m.evidence) } : m));
    const base = { query, restored, references: refs, mentionedDocuments: [...mentioned], missingLaws, expansions, ...stats, ...(period ? { period } : {}) };
    if (candidates.size === 0) return { ...base, hits: [] };

    const maxBm25 = Math.max(...positions.map((i) => lex.score(i)), 1e-9);
    // The law's topic: how strongly the query's best chunks concentrate in each document.
    const docScore = new Map<string, number>();
    for (const i of lexTop.slice(0, 30)) {
      const d = chunks.get(i)!.chunk.documentId;
      docScore.set(d, (docScore.get(d) ?? 0) + lex.score(i) / maxBm25);
    }
    const maxDoc = Math.max(...docScore.values(), 1e-9);
    const topic = lawTopics(topicCounts);
    // The fields of law the question's everyday phrases belong to (`sếp` → lao động).
    const withDomains = expansions.filter((e) => e.domains && e.domains.length > 0);

    const wq = weightedQuery(termWeights, termHashes(matchText), this.contentPairWeights(typedTerms, dfs));
    const hashedExpansions = expansions.filter((e) => e.phrase).map(hashExpansion);
    // The question's words plus the legal terms they stand for: an article titled `Kỳ hạn trả lương` answers `sếp nợ lương`.
    const extraHashes = extraText ? termHashes(extraText) : undefined;
    const expandedTerms = extraHashes ? { terms: new Set([...wq.terms, ...extraHashes.uni, ...extraHashes.bi]) } : wq;
    const metaOf = (i: number) => corpus.document(chunks.get(i)!.chunk.documentId)!;
    const briefingDates = [...new Set(positions.map(metaOf).filter((m) => m.kind === 'briefing' && m.meetingDate).map((m) => m.meetingDate!))].sort();
    const hw = corpus.lexicalParams.headingWeight;
    const ew = w.expansionFieldWeight;

    const hits: SearchHit[] = [];
    for (const [i, c] of candidates) {
      const { chunk, clauses } = chunks.get(i)!;
      const meta = metaOf(i);
      const { typed: typedBm25, extra } = lex.fields(i);
      const f = new Float64Array(FEATURE_NAMES.length);
      f[F.bm25] = lex.score(i) / maxBm25;
      f[F.bm25Heading] = (typedBm25.heading + w.expansionWeight * extra.heading) / maxBm25;
      f[F.bm25ExpansionField] = (typedBm25.expansion + w.expansionWeight * extra.expansion) / maxBm25;
      f[F.bm25ThesaurusTerms] = (extra.body + hw * extra.heading + ew * extra.expansion) / maxBm25;
      f[F.bm25Rank] = c.bm25Rank === undefined ? 0 : 1 / (1 + c.bm25Rank);
      f[F.dense] = c.dense ?? denseOf(qvec, corpus.vector(i));
      f[F.denseRank] = c.denseRank === undefined ? 0 : 1 / (1 + c.denseRank);
      const terms = this.terms.get(i, () => termHashes(chunk.text, clauses));
      const tf = textFeatures(wq, terms);
      f[F.unigramCoverage] = tf.unigram;
      f[F.bigramCoverage] = tf.bigram;
      f[F.trigramCoverage] = tf.trigram;
      f[F.bestClauseCoverage] = tf.bestSpan;
      const title = chunk.articleTitle ? this.titleTerms.get(i, () => termHashes(chunk.articleTitle!)) : undefined;
      if (title) {
        f[F.titleCoverage] = textFeatures(wq, title).unigram;
        f[F.titleContained] = titleContained(title, wq);
        f[F.expandedTitleContained] = titleContained(title, expandedTerms);
      }
      f[F.contentPairCoverage] = contentPairCoverage(wq, terms, title);
      f[F.expandedCoverage] = hashedExpansions.length > 0 ? expandedCoverage(wq.unigrams, hashedExpansions, terms) : tf.unigram;
      f[F.documentScore] = (docScore.get(chunk.documentId) ?? 0) / maxDoc;
      f[F.lawTopic] = topic.get(chunk.documentId) ?? 0;
      if (withDomains.length > 0) {
        const domain = domainOfDocument(meta.id, meta.kind, meta.title);
        f[F.domainMatch] = withDomains.filter((e) => e.domains!.includes(domain)).length / withDomains.length;
      }
      f[F.lawMentioned] = mentioned.has(chunk.documentId) ? 1 : 0;
      f[F.lawMentionedOther] = mentioned.size > 0 && !mentioned.has(chunk.documentId) ? 1 : 0;
      f[F.articleReferenced] = refs.some((r) => r.article === chunk.article?.toLowerCase()) && (mentioned.size === 0 || mentioned.has(chunk.documentId)) ? 1 : 0;
      if (meta.kind === 'briefing') {
        f[F.periodMatch] = period ? periodMatches(period, meta, chunk.text) : 0;
        const pos = briefingDates.indexOf(meta.meetingDate ?? '');
        // Orders briefings newest first without lifting any of them over the laws: the newest loses nothing, older ones up to 1.
        f[F.recency] = !period && pos >= 0 ? (pos + 1) / briefingDates.length - 1 : 0;
      }
      hits.push({ chunk, document: meta, score: score(f, w), features: f });
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.label - b.chunk.label);
    return { ...base, hits: hits.slice(0, k) };
  }

  /**
   * Fills the per-chunk term cache in small slices off the request path, so the first minutes of
   * traffic do not pay for tokenising candidates. Bounded by the cache size.
   */
  warmUp(limit = 20_000): Promise<void> {
    const corpus = this.corpus;
    // A backend that fetches chunks per query has nothing in this process to warm.
    if (!corpus.chunkAt) return Promise.resolve();
    const chunkAt = corpus.chunkAt.bind(corpus);
    const n = Math.min(corpus.size, limit);
    return new Promise((resolve) => {
      let i = 0;
      const step = () => {
        const end = Math.min(n, i + 200);
        for (; i < end; i++) {
          const { chunk, clauses } = chunkAt(i)!;
          this.terms.get(i, () => termHashes(chunk.text, clauses));
          if (chunk.articleTitle) this.titleTerms.get(i, () => termHashes(chunk.articleTitle!));
        }
        if (i < n) setImmediate(step);
        else resolve();
      };
      setImmediate(step);
    });
  }

  /** True when the question named this hit's article and document directly. */
  isDirectReference(hit: SearchHit): boolean {
    return hit.features[F.articleReferenced]! > 0 && hit.features[F.lawMentioned]! > 0;
  }

  /**
   * Absolute evidence that a hit answers the query (0–1): the IDF-weighted share of the query's
   * words it contains, words the corpus never uses counting fully against it. Rank-normalised
   * scores cannot tell "best of nothing" apart.
   */
  confidence(hit: SearchHit): number {
    const f = hit.features;
    if (this.isDirectReference(hit)) return 1;
    // Word-pair coverage is left out: with one or two known pairs in a query it jumps to 1 by chance.
    return f[F.unigramCoverage]!;
  }

  /** The `n` rarest words of a query that the corpus knows, question words, hedges and figures excluded. */
  async keyTerms(query: string, n = 2): Promise<string[]> {
    const words = [...new Set(lexicalTerms(query))].filter((t) => !t.includes('_') && !QUESTION_WORDS.has(t) && !APPROXIMATION_WORDS.has(t) && !/\d/.test(t));
    const dfs = await this.corpus.documentFrequencies(words);
    const scored: [string, number][] = [];
    for (const t of words) {
      const df = dfs.get(t);
      if (df !== undefined) scored.push([t, idf(df, this.corpus.size)]);
    }
    return scored.sort((a, b) => b[1] - a[1]).slice(0, n).map(([t]) => t);
  }

  /** True when the best hit lacks too much of the question to answer it (see {@link confidence}). */
  shouldRefuse(hit: SearchHit | undefined): boolean {
    if (!hit) return true;
    if (this.isDirectReference(hit)) return false;
    return this.confidence(hit) < this.weights.refusalThreshold || hit.features[F.contentPairCoverage]! < this.weights.pairRefusalThreshold;
  }

  /**
   * The question's content word pairs (`phở_bò`, `world_cup`) with IDF weights, pairs the corpus
   * never uses weighted highest; pairs with a question word or a figure are left out.
   */
  private contentPairWeights(terms: readonly string[], dfs: ReadonlyMap<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    for (const t of terms) {
      const parts = t.split('_');
      if (parts.length !== 2 || parts.some((p) => QUESTION_WORDS.has(p) || /\d/.test(p))) continue;
      out.set(t, idf(dfs.get(t) ?? 0, this.corpus.size));
    }
    return out;
  }

  /**
   * Query terms with IDF weights from the lexical index. Words the corpus never uses get the
   * highest weight: a question about "World Cup" is not covered by a text that lacks those words.
   * Unknown word pairs are left out, since question phrasing forms many of them.
   */
  private queryTermWeights(terms: readonly string[], dfs: ReadonlyMap<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    const unseen = idf(0, this.corpus.size);
    for (const t of terms) {
      const df = dfs.get(t);
      if (df === undefined) {
        if (!t.includes('_') && /\p{L}/u.test(t)) out.set(t, unseen);
        continue;
      }
      out.set(t, idf(df, this.corpus.size));
    }
    return out;
  }
}

/**
 * Which document the question is about, as a language model of each whole document would say
 * (Dirichlet-smoothed unigram and bigram likelihood of the query, thesaurus terms included at
 * their weight, from the lexical postings): 1 for the likeliest document, exp(−Δ mean
 * log-likelihood) for the others. Smoother than which chunks BM25 ranked first.
 */
function lawTopics(counts: TermDocumentCounts): Map<string, number> {
  const lens = counts.lengths;
  let total = 0;
  for (let d = 0; d < lens.length; d++) total += lens[d]!;
  total ||= 1;
  const mu = 2000;
  const ll = new Float64Array(counts.documentIds.length);
  let weight = 0;
  for (const t of counts.terms) {
    weight += t.weight;
    const pc = t.cf / total;
    for (let d = 0; d < ll.length; d++) ll[d]! += t.weight * Math.log((t.counts[d]! + mu * pc) / (lens[d]! + mu));
  }
  const out = new Map<string, number>();
  if (weight === 0) return out;
  const best = Math.max(...ll);
  counts.documentIds.forEach((id, d) => out.set(id, Math.exp((ll[d]! - best) / weight)));
  return out;
}

/** Cosine of a query vector with a stored, normalised chunk vector. */
function denseOf(qvec: number[], v: ArrayLike<number> | undefined): number {
  if (!v) return 0;
  let s = 0;
  let n = 0;
  for (let j = 0; j < v.length; j++) {
    s += v[j]! * qvec[j]!;
    n += v[j]! * v[j]!;
  }
  return n > 0 ? s / Math.sqrt(n) : 0;
}

function periodMatches(p: Period, meta: DocumentMeta, text: string): number {
  const norm = (s: string) => foldDiacritics(s.toLowerCase()).replace(/quy\s+iv\b/, 'quy 4').replace(/quy\s+iii\b/, 'quy 3').replace(/quy\s+ii\b/, 'quy 2').replace(/quy\s+i\b/, 'quy 1').replace(/\s+/g, ' ');
  if (meta.period && norm(meta.period) === norm(p.label)) return 1;
  return norm(text).includes(norm(p.label)) ? 0.5 : 0;
}

/**
 * How much of a question the corpus cannot read: the IDF share of its content words that are
 * neither in the corpus nor inside a phrase the thesaurus knows, and its number of content words.
 */
function questionStats(termWeights: ReadonlyMap<string, number>, expansions: readonly QueryExpansion[], text: string, vocab: ReadonlyMap<string, number>): { unknownShare: number; contentWords: number } {
  const explained = new Set(expansions.flatMap((e) => lexicalTerms(e.phrase)));
  let unknown = 0;
  let total = 0;
  let contentWords = 0;
  for (const [t, w] of termWeights) {
    if (t.includes('_') || !isContentWord(t)) continue;
    contentWords++;
    total += w;
    if (!vocab.has(t) && !explained.has(t)) unknown += w;
  }
  void text;
  return { unknownShare: total > 0 ? unknown / total : 0, contentWords };
}
