import type { CorpusIndex, IndexedChunk } from '../index/corpus-index.js';
import { idf } from '../index/bm25-field.js';
import { topK, type QueryTerms } from '../index/lexical-index.js';
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
  index: CorpusIndex;
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
  private readonly index: CorpusIndex;
  private readonly findLaws: LawMentionFinder;
  private readonly findMissingLaws: MissingLawFinder;
  private readonly expand: QueryExpander;
  /** Documents the topic model compares (not judgments), and per-chunk document positions and document lengths, built on first use. */
  private readonly docIds: string[];
  private docOfChunk?: Int32Array;
  private docLens?: number[];
  weights: RerankerWeights;
  // Per-chunk n-gram hashes, computed on first use: tokenising candidates on every query dominated latency.
  private readonly terms = new TermHashCache();
  private readonly titleTerms = new TermHashCache();

  constructor(opts: RetrieverOptions) {
    this.index = opts.index;
    this.findLaws = opts.findLaws ?? (() => []);
    this.findMissingLaws = opts.findMissingLaws ?? (() => []);
    this.expand = opts.expand ?? (() => []);
    this.docIds = [...opts.index.documents.values()].filter((d) => d.meta.kind !== 'judgment').map((d) => d.meta.id);
    this.weights = opts.weights ?? DEFAULT_WEIGHTS;
  }

  /** Searches chunks; `k` hits come back best first, each with its features for inspection. */
  async search(rawQuery: string, k = 10, filters?: SearchFilters, options: SearchOptions = {}): Promise<SearchResult> {
    const idx = this.index;
    const typed = expandCasualSpelling(normalizeQuery(rawQuery));
    const query = /\p{L}{2}/u.test(typed) ? idx.restorer.restore(typed) : typed;
    const restored = query !== typed;

    const refs = findArticleReferences(query);
    const mentions = this.findLaws(query);
    const numbers = findDocumentNumbers(query);
    const mentioned = new Set(mentions.map((m) => m.documentId));
    for (const d of idx.documents.values()) if (d.meta.number && numbers.includes(d.meta.number)) mentioned.add(d.meta.id);
    const period = findPeriod(query);
    const found = this.findMissingLaws(query);

    const docFilter = compileFilters(filters);
    const allowChunk = docFilter ? (i: number) => docFilter(idx.documents.get(idx.chunks[i]!.documentId)!.meta) : undefined;

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
    const q = idx.lexical.analyze(matchText, extraText ? [{ text: extraText, weight: w.expansionWeight }] : []);
    // BM25 by field and by where the terms came from (typed or thesaurus), so the reranker can weigh each.
    const typedQ = idx.lexical.analyze(matchText);
    const typedIds = new Set(typedQ.ids);
    const extraQ = extraText ? idx.lexical.analyze(extraText) : { ids: [], weights: [] };
    const extraOnly = { ids: extraQ.ids.filter((id) => !typedIds.has(id)), weights: extraQ.weights.filter((_, k) => !typedIds.has(extraQ.ids[k]!)) };
    const typedBm25 = idx.lexical.fieldScores(typedQ);
    const extra = idx.lexical.fieldScores(extraOnly);
    const hw = idx.lexical.params.headingWeight;
    const ew = w.expansionFieldWeight;
    const bm25 = new Float32Array(idx.chunks.length);
    for (let i = 0; i < bm25.length; i++) {
      const t = typedBm25.body[i]! + hw * typedBm25.heading[i]! + ew * typedBm25.expansion[i]!;
      const e = extra.body[i]! + hw * extra.heading[i]! + ew * extra.expansion[i]!;
      bm25[i] = t + w.expansionWeight * e;
    }
    const candidates = new Map<number, { bm25Rank?: number; denseRank?: number; dense?: number }>();
    const lexTop = topIndices(bm25, w.lexicalK, allowChunk);
    lexTop.forEach((i, r) => candidates.set(i, { bm25Rank: r }));

    const qvec = await idx.embedder.embedQuery(extraText ? `${matchText}. ${extraText}` : matchText);
    const dense = idx.vectors.search(qvec, w.denseK, allowChunk ? (label) => allowChunk(idx.chunkByLabel.get(label) ?? -1) : undefined);
    dense.forEach((h, r) => {
      const i = idx.chunkByLabel.get(h.label);
      if (i === undefined) return;
      const c = candidates.get(i) ?? {};
      c.denseRank = r;
      c.dense = h.score;
      candidates.set(i, c);
    });

    // Directly referenced articles of mentioned documents are always candidates.
    if (refs.length > 0) {
      const docs = mentioned.size > 0 ? [...mentioned] : [];
      for (const docId of docs) {
        for (const i of idx.chunksByDocument.get(docId) ?? []) {
          const c = idx.chunks[i]!;
          if (refs.some((r) => r.article === c.article?.toLowerCase()) && (!allowChunk || allowChunk(i)) && !candidates.has(i)) candidates.set(i, {});
        }
      }
    }
    const termWeights = this.queryTermWeights(matchText);
    const stats = questionStats(termWeights, expansions, matchText, idx.lexical.vocab);
    // A missing law's topic that the candidates themselves talk about (a briefing on `dịch vụ bưu chính`) is weaker evidence.
    const candidateTexts = [...candidates.keys()].map((i) => idx.chunks[i]!.text.toLowerCase());
    const missingLaws = found.map((m) => (m.how === 'topic' ? { ...m, covered: candidateTexts.some((t) => t.includes(m.evidence)) } : m));
    const base = { query, restored, references: refs, mentionedDocuments: [...mentioned], missingLaws, expansions, ...stats, ...(period ? { period } : {}) };
    if (candidates.size === 0) return { ...base, hits: [] };

    const maxBm25 = Math.max(...[...candidates.keys()].map((i) => bm25[i]!), 1e-9);
    // The law's topic: how strongly the query's best chunks concentrate in each document.
    const docScore = new Map<string, number>();
    for (const i of lexTop.slice(0, 30)) {
      const d = idx.chunks[i]!.documentId;
      docScore.set(d, (docScore.get(d) ?? 0) + bm25[i]! / maxBm25);
    }
    const maxDoc = Math.max(...docScore.values(), 1e-9);
    const topic = this.lawTopics(q);
    // The fields of law the question's everyday phrases belong to (`sếp` → lao động).
    const withDomains = expansions.filter((e) => e.domains && e.domains.length > 0);

    const wq = weightedQuery(termWeights, termHashes(matchText), this.contentPairWeights(matchText));
    const hashedExpansions = expansions.filter((e) => e.phrase).map(hashExpansion);
    // The question's words plus the legal terms they stand for: an article titled `Kỳ hạn trả lương` answers `sếp nợ lương`.
    const extraHashes = extraText ? termHashes(extraText) : undefined;
    const expandedTerms = extraHashes ? { terms: new Set([...wq.terms, ...extraHashes.uni, ...extraHashes.bi]) } : wq;
    const briefingDates = [...new Set([...candidates.keys()].map((i) => idx.documents.get(idx.chunks[i]!.documentId)!.meta).filter((m) => m.kind === 'briefing' && m.meetingDate).map((m) => m.meetingDate!))].sort();

    const hits: SearchHit[] = [];
    for (const [i, c] of candidates) {
      const chunk = idx.chunks[i]!;
      const doc = idx.documents.get(chunk.documentId)!;
      const f = new Float64Array(FEATURE_NAMES.length);
      f[F.bm25] = bm25[i]! / maxBm25;
      f[F.bm25Heading] = (typedBm25.heading[i]! + w.expansionWeight * extra.heading[i]!) / maxBm25;
      f[F.bm25ExpansionField] = (typedBm25.expansion[i]! + w.expansionWeight * extra.expansion[i]!) / maxBm25;
      f[F.bm25ThesaurusTerms] = (extra.body[i]! + hw * extra.heading[i]! + ew * extra.expansion[i]!) / maxBm25;
      f[F.bm25Rank] = c.bm25Rank === undefined ? 0 : 1 / (1 + c.bm25Rank);
      f[F.dense] = c.dense ?? this.denseOf(qvec, chunk.label);
      f[F.denseRank] = c.denseRank === undefined ? 0 : 1 / (1 + c.denseRank);
      const terms = this.terms.get(i, () => termHashes(chunk.text, clauseSpans(doc, chunk)));
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
        const domain = domainOfDocument(doc.meta.id, doc.meta.kind, doc.meta.title);
        f[F.domainMatch] = withDomains.filter((e) => e.domains!.includes(domain)).length / withDomains.length;
      }
      f[F.lawMentioned] = mentioned.has(chunk.documentId) ? 1 : 0;
      f[F.lawMentionedOther] = mentioned.size > 0 && !mentioned.has(chunk.documentId) ? 1 : 0;
      f[F.articleReferenced] = refs.some((r) => r.article === chunk.article?.toLowerCase()) && (mentioned.size === 0 || mentioned.has(chunk.documentId)) ? 1 : 0;
      if (doc.meta.kind === 'briefing') {
        f[F.periodMatch] = period ? periodMatches(period, doc.meta, chunk.text) : 0;
        const pos = briefingDates.indexOf(doc.meta.meetingDate ?? '');
        // Orders briefings newest first without lifting any of them over the laws: the newest loses nothing, older ones up to 1.
        f[F.recency] = !period && pos >= 0 ? (pos + 1) / briefingDates.length - 1 : 0;
      }
      hits.push({ chunk, document: doc.meta, score: score(f, w), features: f });
    }
    hits.sort((a, b) => b.score - a.score || a.chunk.label - b.chunk.label);
    return { ...base, hits: hits.slice(0, k) };
  }

  /**
   * Fills the per-chunk term cache in small slices off the request path, so the first minutes of
   * traffic do not pay for tokenising candidates. Bounded by the cache size.
   */
  warmUp(limit = 20_000): Promise<void> {
    const idx = this.index;
    const n = Math.min(idx.chunks.length, limit);
    return new Promise((resolve) => {
      let i = 0;
      const step = () => {
        const end = Math.min(n, i + 200);
        for (; i < end; i++) {
          const chunk = idx.chunks[i]!;
          const doc = idx.documents.get(chunk.documentId)!;
          this.terms.get(i, () => termHashes(chunk.text, clauseSpans(doc, chunk)));
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

  /**
   * Which document the question is about, as a language model of each whole document would say
   * (Dirichlet-smoothed unigram and bigram likelihood of the query, thesaurus terms included at
   * their weight, from the lexical postings): 1 for the likeliest document, exp(−Δ mean
   * log-likelihood) for the others. Smoother than which chunks BM25 ranked first.
   */
  private lawTopics(q: QueryTerms): Map<string, number> {
    const idx = this.index;
    const body = idx.lexical.body;
    const docOf = (this.docOfChunk ??= Int32Array.from(idx.chunks, (c) => this.docIds.indexOf(c.documentId)));
    const lens = (this.docLens ??= this.docIds.map((id) => (idx.chunksByDocument.get(id) ?? []).reduce((s, i) => s + body.docLen[i]!, 0)));
    const total = lens.reduce((a, b) => a + b, 0) || 1;
    const mu = 2000;
    const ll = new Float64Array(this.docIds.length);
    let weight = 0;
    const counts = new Float64Array(this.docIds.length);
    for (let k = 0; k < q.ids.length; k++) {
      const docs = body.docs[q.ids[k]!];
      const tfs = body.tfs[q.ids[k]!];
      if (!docs || !tfs || docs.length === 0) continue;
      counts.fill(0);
      let cf = 0;
      for (let i = 0; i < docs.length; i++) {
        const d = docOf[docs[i]!]!;
        if (d >= 0) counts[d]! += tfs[i]!;
        cf += tfs[i]!;
      }
      const w = q.weights[k]!;
      weight += w;
      const pc = cf / total;
      for (let d = 0; d < ll.length; d++) ll[d]! += w * Math.log((counts[d]! + mu * pc) / (lens[d]! + mu));
    }
    const out = new Map<string, number>();
    if (weight === 0) return out;
    const best = Math.max(...ll);
    this.docIds.forEach((id, d) => out.set(id, Math.exp((ll[d]! - best) / weight)));
    return out;
  }

  private denseOf(qvec: number[], label: number): number {
    try {
      const v = this.index.vectors.vector(label);
      let s = 0;
      let n = 0;
      for (let j = 0; j < v.length; j++) {
        s += v[j]! * qvec[j]!;
        n += v[j]! * v[j]!;
      }
      return n > 0 ? s / Math.sqrt(n) : 0;
    } catch {
      return 0;
    }
  }

  /** The `n` rarest words of a query that the corpus knows, question words, hedges and figures excluded. */
  keyTerms(query: string, n = 2): string[] {
    const lex = this.index.lexical;
    const scored: [string, number][] = [];
    for (const t of new Set(lexicalTerms(query))) {
      if (t.includes('_') || QUESTION_WORDS.has(t) || APPROXIMATION_WORDS.has(t) || /\d/.test(t)) continue;
      const id = lex.vocab.get(t);
      if (id !== undefined) scored.push([t, idf(lex.body.docs[id]?.length ?? 0, lex.size)]);
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
  private contentPairWeights(text: string): Map<string, number> {
    const lex = this.index.lexical;
    const out = new Map<string, number>();
    for (const t of lexicalTerms(text)) {
      const parts = t.split('_');
      if (parts.length !== 2 || parts.some((p) => QUESTION_WORDS.has(p) || /\d/.test(p))) continue;
      const id = lex.vocab.get(t);
      out.set(t, idf(id === undefined ? 0 : (lex.body.docs[id]?.length ?? 0), lex.size));
    }
    return out;
  }

  /**
   * Query terms with IDF weights from the lexical index. Words the corpus never uses get the
   * highest weight: a question about "World Cup" is not covered by a text that lacks those words.
   * Unknown word pairs are left out, since question phrasing forms many of them.
   */
  private queryTermWeights(text: string): Map<string, number> {
    const lex = this.index.lexical;
    const out = new Map<string, number>();
    const unseen = idf(0, lex.size);
    for (const t of lexicalTerms(text)) {
      const id = lex.vocab.get(t);
      if (id === undefined) {
        if (!t.includes('_') && /\p{L}/u.test(t)) out.set(t, unseen);
        continue;
      }
      out.set(t, idf(lex.body.docs[id]?.length ?? 0, lex.size));
    }
    return out;
  }
}

function topIndices(scores: Float32Array, k: number, allow?: (i: number) => boolean): number[] {
  return topK(scores, k, allow).map((h) => h.doc);
}

/** Clause spans of a chunk, relative to the chunk text. */
function clauseSpans(doc: { articles: { number: string; clauses: { start: number; end: number }[] }[] }, chunk: IndexedChunk): { start: number; end: number }[] {
  if (!chunk.article) return [];
  const art = doc.articles.find((a) => a.number === chunk.article);
  return (art?.clauses ?? []).filter((c) => c.start >= chunk.start && c.end <= chunk.end).map((c) => ({ start: c.start - chunk.start, end: c.end - chunk.start }));
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
