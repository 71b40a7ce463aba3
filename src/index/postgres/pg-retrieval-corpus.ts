import type { Embeddings } from '@langchain/core/embeddings';
import type pg from 'pg';
import type { AccentRestorer } from '../../text/accent-restorer.js';
import type { DocumentMeta } from '../../types/legal-document.js';
import type { IndexedChunk } from '../corpus-index.js';
import { topK, weightedTerms, type LexicalParams } from '../lexical-index.js';
import type { CandidateChunk, DocumentFilter, LexicalQuery, LexicalScores, LexicalSearch, RetrievalCorpus, TermDocumentCounts } from '../retrieval-corpus.js';
import type { VectorIndex } from '../vector-index.js';
import { partitionOf, type Collection } from './build-layout.js';
import type { BuildParams } from './build-params.js';
import { ForwardScorer, forwardRow, type ScoredTerm } from './forward-scores.js';
import { postingsSql } from './lexical-sql.js';
import { readPostingsBlock } from './lexical-rows.js';

/** One document of a published build as every node keeps it: metadata and where its chunks are. */
export interface CatalogDocument {
  pos: number;
  meta: DocumentMeta;
  coll: Collection;
  /** Judgment year partition (0 for legal texts and undated judgments). */
  year: number;
  articles: number;
  passedYear?: number;
  /** Its chunks are the positions [chunkFrom, chunkTo). */
  chunkFrom: number;
  chunkTo: number;
  /** Position among the documents the topic model compares (−1: a judgment). */
  topicPos: number;
  bodyLength: number;
}

/** The per-node caches of a published build: small, rebuilt on each switch; the rest stays in PostgreSQL. */
export interface PgBuildCache {
  schema: string;
  params: BuildParams;
  documents: CatalogDocument[];
  /** Document position of each chunk. */
  chunkDocument: Int32Array;
  /** Vector label of each chunk, and chunk position of each label (−1 when none). */
  chunkLabel: Int32Array;
  labelChunk: Int32Array;
  restorer: AccentRestorer;
  embedder: Embeddings;
  /** The hnswlib replica, loaded from the graph stored with the build. */
  vectors: VectorIndex;
}

export interface PgRetrievalOptions {
  /** Postings blocks read per term, shared among the partitions searched (depth = blocks × the build's block size). */
  blocks?: number;
  /** Chunks pre-ranked by stored impacts and then scored exactly (at least `k`). */
  rescore?: number;
  /** Terms whose statistics (and topic counts) are cached in the node. */
  termCacheSize?: number;
}

/** A term's row of `terms`. */
interface TermRow {
  id: number;
  df: [number, number, number];
  cf: number;
}

type ForwardDbRow = { pos: number; terms: Buffer; tfs: Buffer; len_b: number; len_h: number; len_e: number };

const ZERO: LexicalScores = { typed: { body: 0, heading: 0, expansion: 0 }, extra: { body: 0, heading: 0, expansion: 0 } };

/**
 * The retriever's port over a build published to PostgreSQL (`publishBuild`). Lexical search runs
 * in SQL over impact-ordered postings and a forward index; dense search runs on the node's
 * hnswlib replica; chunks and term statistics are read per query. Queries are named prepared
 * statements, so each is planned once per connection.
 */
export class PgRetrievalCorpus implements RetrievalCorpus {
  private readonly byId: Map<string, CatalogDocument>;
  private readonly topicIds: string[];
  private readonly topicLengths: Float64Array;
  private readonly collections: Collection[];
  /** Chunks in each partition (`coll/year`), for sharing a search's postings depth among partitions. */
  private readonly partitionChunks = new Map<string, { coll: Collection; year: number; chunks: number }>();
  readonly lexicalParams: LexicalParams;
  private readonly blocks: number;
  private readonly rescore: number;
  private scratch?: Float32Array;
  /** Term statistics and topic counts by term: small, hot, and the same for every query of this build. */
  private readonly termCache: LruCache<string, TermRow | null>;
  private readonly topicCache: LruCache<number, { docs: number[]; tfs: number[] } | null>;

  constructor(
    private readonly pool: pg.Pool,
    readonly cache: PgBuildCache,
    options: PgRetrievalOptions = {},
  ) {
    this.byId = new Map(cache.documents.map((d) => [d.meta.id, d]));
    const topic = cache.documents.filter((d) => d.topicPos >= 0).sort((a, b) => a.topicPos - b.topicPos);
    this.topicIds = topic.map((d) => d.meta.id);
    this.topicLengths = Float64Array.from(topic, (d) => d.bodyLength);
    this.collections = [...new Set(cache.documents.map((d) => d.coll))];
    for (const d of cache.documents) {
      const key = `${d.coll}/${d.year}`;
      const p = this.partitionChunks.get(key) ?? { coll: d.coll, year: d.year, chunks: 0 };
      p.chunks += d.chunkTo - d.chunkFrom;
      this.partitionChunks.set(key, p);
    }
    const p = cache.params;
    this.lexicalParams = { k1: p.k1, b: p.b, headingWeight: p.headingWeight, bigramWeight: p.bigramWeight, expansionWeight: p.lexicalExpansionWeight };
    // At 221k chunks, 4,096 postings per term and 400 rescored chunks give the in-memory top ten for 190 of 200 queries (README).
    this.blocks = options.blocks ?? 16;
    this.rescore = options.rescore ?? 400;
    this.termCache = new LruCache(options.termCacheSize ?? 20_000);
    this.topicCache = new LruCache(Math.ceil((options.termCacheSize ?? 20_000) / 10));
  }

  get size(): number {
    return this.cache.params.size;
  }

  get restorer() {
    return this.cache.restorer;
  }

  get embedder() {
    return this.cache.embedder;
  }

  *documents() {
    for (const d of this.cache.documents) yield d.meta;
  }

  document(id: string) {
    return this.byId.get(id)?.meta;
  }

  async documentFrequencies(terms: Iterable<string>): Promise<ReadonlyMap<string, number>> {
    const rows = await this.termRows(terms);
    return new Map([...rows].map(([t, r]) => [t, r.df[0]]));
  }

  async lexical(query: LexicalQuery, k: number, allow?: DocumentFilter): Promise<LexicalSearch> {
    const bw = this.lexicalParams.bigramWeight;
    const typed = weightedTerms(query.text, [], bw);
    const extra = query.extraText ? weightedTerms(query.extraText, [], bw) : new Map<string, number>();
    const rows = await this.termRows([...typed.keys(), ...extra.keys()]);
    // A term counts as typed or, when only the thesaurus brought it, as a thesaurus term.
    const terms = new Map<number, ScoredTerm>();
    for (const [t, w] of typed) {
      const r = rows.get(t);
      if (r) terms.set(r.id, { typed: w, extra: 0, df: r.df });
    }
    for (const [t, w] of extra) {
      const r = rows.get(t);
      if (r && !typed.has(t)) terms.set(r.id, { typed: 0, extra: w, df: r.df });
    }
    const scores = new Map<number, LexicalScores>();
    const colls = this.partitionsFor(allow);
    const hw = this.lexicalParams.headingWeight;
    const ew = query.expansionFieldWeight;
    const score = (pos: number) => {
      const s = scores.get(pos) ?? ZERO;
      return s.typed.body + hw * s.typed.heading + ew * s.typed.expansion + query.expansionWeight * (s.extra.body + hw * s.extra.heading + ew * s.extra.expansion);
    };
    const scorer = new ForwardScorer(terms, this.cache.params);
    const include = async (positions: readonly number[]) => {
      const missing = positions.filter((p) => !scores.has(p));
      if (terms.size === 0 || missing.length === 0) return;
      for (const r of await this.forwardRows(missing)) scores.set(r.pos, scorer.score(forwardRow(r.terms, r.tfs, [r.len_b, r.len_h, r.len_e])));
    };
    if (terms.size > 0 && colls.length > 0) {
      const depth = this.depths(colls);
      const blocks = await this.query<{ term_id: number; data: Buffer }>('postings', postingsSql(this.cache.schema), [[...terms.keys()], colls, depth.map((d) => d.coll), depth.map((d) => d.year), depth.map((d) => d.blocks)]);
      await include(this.preRank(blocks, terms, query.expansionWeight, Math.max(this.rescore, k), allow));
    }
    const top = [...scores.keys()].map((pos) => ({ pos, s: score(pos) })).filter((h) => h.s > 0).sort((a, b) => b.s - a.s || a.pos - b.pos).slice(0, k).map((h) => h.pos);
    return { top, score, fields: (pos) => scores.get(pos) ?? ZERO, include };
  }

  async dense(vector: number[], k: number, allow?: DocumentFilter): Promise<{ pos: number; score: number }[]> {
    const { labelChunk } = this.cache;
    const allowChunk = this.allowChunk(allow);
    const hits = this.cache.vectors.search(vector, k, allowChunk ? (label) => allowChunk(labelChunk[label] ?? -1) : undefined);
    return hits.flatMap((h) => {
      const pos = labelChunk[h.label] ?? -1;
      return pos < 0 ? [] : [{ pos, score: h.score }];
    });
  }

  vector(pos: number): ArrayLike<number> | undefined {
    const label = this.cache.chunkLabel[pos];
    if (label === undefined || label < 0) return undefined;
    try {
      return this.cache.vectors.vector(label);
    } catch {
      return undefined;
    }
  }

  async articleChunks(documentIds: readonly string[], articles: readonly string[], allow?: DocumentFilter): Promise<number[]> {
    const docs = documentIds.map((id) => this.byId.get(id)).filter((d) => d !== undefined && (!allow || allow(d.meta)));
    if (docs.length === 0 || articles.length === 0) return [];
    const rows = await this.query<{ pos: number; doc_pos: number }>('article-chunks', `select pos, doc_pos from ${this.cache.schema}.chunks where doc_pos = any($1::int[]) and article = any($2::text[])`, [docs.map((d) => d!.pos), [...articles]]);
    const order = new Map(docs.map((d, i) => [d!.pos, i]));
    return rows.sort((a, b) => order.get(a.doc_pos)! - order.get(b.doc_pos)! || a.pos - b.pos).map((r) => r.pos);
  }

  async chunks(positions: readonly number[]): Promise<Map<number, CandidateChunk>> {
    const out = new Map<number, CandidateChunk>();
    if (positions.length === 0) return out;
    const rows = await this.query<{ pos: number; chunk: Omit<IndexedChunk, 'text'>; text: string; clauses: { start: number; end: number }[] }>(
      'chunks',
      `select pos, chunk, text, clauses from ${this.cache.schema}.chunks where pos = any($1::int[])`,
      [[...positions]],
    );
    for (const r of rows) out.set(r.pos, { chunk: { ...r.chunk, text: r.text }, clauses: r.clauses });
    return out;
  }

  async documentTermCounts(terms: ReadonlyMap<string, number>): Promise<TermDocumentCounts> {
    const out: TermDocumentCounts = { documentIds: this.topicIds, lengths: this.topicLengths, terms: [] };
    const rows = await this.termRows(terms.keys());
    const ids = [...rows.values()].filter((r) => r.df[0] > 0).map((r) => r.id);
    const found = await this.cached(this.topicCache, ids, async (missing) => {
      const got = await this.query<{ term_id: number; docs: number[]; tfs: number[] }>('topic-counts', `select term_id, docs, tfs from ${this.cache.schema}.doc_terms where term_id = any($1::int[])`, [missing]);
      return got.map((r) => [r.term_id, { docs: r.docs, tfs: r.tfs }]);
    });
    for (const [term, weight] of terms) {
      const r = rows.get(term);
      if (!r || r.df[0] === 0) continue;
      const counts = new Float64Array(this.topicIds.length);
      const dt = found.get(r.id);
      dt?.docs.forEach((d, i) => (counts[d] = dt.tfs[i]!));
      out.terms.push({ weight, cf: r.cf, counts });
    }
    return out;
  }

  /** Statistics of the terms the build knows, from the cache or in one query for the rest. */
  private termRows(terms: Iterable<string>): Promise<Map<string, TermRow>> {
    return this.cached(this.termCache, [...new Set(terms)], async (missing) => {
      const found = await this.query<{ term: string; id: number; df_b: number; df_h: number; df_e: number; cf_b: string }>(
        'terms',
        `select term, id, df_b, df_h, df_e, cf_b from ${this.cache.schema}.terms where term = any($1::text[])`,
        [missing],
      );
      return found.map((r) => [r.term, { id: r.id, df: [r.df_b, r.df_h, r.df_e], cf: Number(r.cf_b) }]);
    });
  }

  /**
   * Values of `keys` from an LRU cache, the missing ones fetched in one query and cached (absent
   * ones as null). Hits are taken before the fetch: caching the fetched values may evict them.
   */
  private async cached<K, V>(cache: LruCache<K, V | null>, keys: readonly K[], fetch: (missing: K[]) => Promise<[K, V][]>): Promise<Map<K, V>> {
    const out = new Map<K, V>();
    const missing: K[] = [];
    for (const k of keys) {
      if (!cache.has(k)) missing.push(k);
      else {
        const v = cache.get(k);
        if (v) out.set(k, v);
      }
    }
    if (missing.length === 0) return out;
    const found = new Map(await fetch(missing));
    for (const k of missing) {
      const v = found.get(k);
      cache.set(k, v ?? null);
      if (v) out.set(k, v);
    }
    return out;
  }

  private forwardRows(positions: readonly number[]): Promise<ForwardDbRow[]> {
    return this.query<ForwardDbRow>('forward', `select pos, terms, tfs, len_b, len_h, len_e from ${this.cache.schema}.chunk_terms where pos = any($1::int[])`, [[...positions]]);
  }

  /**
   * Sums the impacts of the fetched postings by chunk (each term at its weight) and keeps the
   * `n` best chunks the filter allows. The sums are partial for chunks outside a common term's
   * first blocks; the exact scores come after, from the forward index.
   */
  private preRank(blocks: { term_id: number; data: Buffer }[], terms: ReadonlyMap<number, ScoredTerm>, expansionWeight: number, n: number, allow: DocumentFilter | undefined): number[] {
    // One scratch array per process: filled and cleared within this synchronous call.
    const acc = (this.scratch ??= new Float32Array(this.size));
    const touched: number[] = [];
    for (const b of blocks) {
      const t = terms.get(b.term_id)!;
      const w = t.typed + expansionWeight * t.extra;
      const { pos, impact } = readPostingsBlock(b.data);
      for (let i = 0; i < pos.length; i++) {
        const p = pos[i]!;
        if (acc[p] === 0) touched.push(p);
        acc[p]! += w * impact[i]!;
      }
    }
    const best = topK(acc, n, this.allowChunk(allow)).map((h) => h.doc);
    for (const p of touched) acc[p] = 0;
    return best;
  }

  /**
   * Postings blocks read per term in each partition of the given collections: the search's
   * `blocks` shared in proportion to the partitions' chunks, at least one each, so that fifteen
   * year partitions of judgments cost about what one partition of statutes does.
   */
  private depths(colls: readonly Collection[]): { coll: Collection; year: number; blocks: number }[] {
    const parts = [...this.partitionChunks.values()].filter((p) => colls.includes(p.coll));
    const total = parts.reduce((s, p) => s + p.chunks, 0) || 1;
    return parts.map((p) => ({ coll: p.coll, year: p.year, blocks: Math.max(1, Math.round((this.blocks * p.chunks) / total)) }));
  }

  /**
   * The collections (partitions) that may hold documents the filter lets through: those of its
   * kinds when it names them (a search for statutes reads no judgment partition), else all. Chunks
   * are then checked one by one against the filter itself.
   */
  private partitionsFor(allow: DocumentFilter | undefined): Collection[] {
    const kinds = allow?.kinds;
    if (!kinds) return this.collections;
    return this.collections.filter((c) => kinds.some((kind) => partitionOf({ kind }).coll === c));
  }

  private allowChunk(allow: DocumentFilter | undefined): ((pos: number) => boolean) | undefined {
    if (!allow) return undefined;
    const { chunkDocument, documents } = this.cache;
    return (pos) => {
      const d = pos >= 0 ? chunkDocument[pos] : undefined;
      return d !== undefined && allow(documents[d]!.meta);
    };
  }

  private async query<R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]): Promise<R[]> {
    return (await this.pool.query<R>({ name: `${this.cache.schema}-${name}`, text, values })).rows;
  }
}

/** A Map that forgets its least recently used entries beyond `max`. */
class LruCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}

  has(key: K): boolean {
    return this.map.has(key);
  }

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}
