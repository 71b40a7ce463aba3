import { clauseSpans } from './clause-spans.js';
import type { CorpusIndex } from './corpus-index.js';
import { topK } from './lexical-index.js';
import type { CandidateChunk, DocumentFilter, LexicalQuery, LexicalScores, LexicalSearch, RetrievalCorpus, TermDocumentCounts } from './retrieval-corpus.js';

/** A build loaded into this process, read through the retriever's port: full postings, hnswlib, chunk objects. */
export class MemoryRetrievalCorpus implements RetrievalCorpus {
  /** Documents the topic model compares (not judgments), chunk → document position, document lengths: built on first use. */
  private topicDocs?: { ids: string[]; ofChunk: Int32Array; lengths: number[] };

  constructor(readonly index: CorpusIndex) {}

  get size(): number {
    return this.index.lexical.size;
  }

  get lexicalParams() {
    return this.index.lexical.params;
  }

  get restorer() {
    return this.index.restorer;
  }

  get embedder() {
    return this.index.embedder;
  }

  *documents() {
    for (const d of this.index.documents.values()) yield d.meta;
  }

  document(id: string) {
    return this.index.documents.get(id)?.meta;
  }

  async documentFrequencies(terms: Iterable<string>): Promise<ReadonlyMap<string, number>> {
    const lex = this.index.lexical;
    const out = new Map<string, number>();
    for (const t of terms) {
      const id = lex.vocab.get(t);
      if (id !== undefined) out.set(t, lex.body.docs[id]?.length ?? 0);
    }
    return out;
  }

  async lexical(query: LexicalQuery, k: number, allow?: DocumentFilter): Promise<LexicalSearch> {
    const lex = this.index.lexical;
    const typedQ = lex.analyze(query.text);
    const typedIds = new Set(typedQ.ids);
    const extraQ = query.extraText ? lex.analyze(query.extraText) : { ids: [], weights: [] };
    const extraOnly = { ids: extraQ.ids.filter((id) => !typedIds.has(id)), weights: extraQ.weights.filter((_, j) => !typedIds.has(extraQ.ids[j]!)) };
    const typed = lex.fieldScores(typedQ);
    const extra = lex.fieldScores(extraOnly);
    const hw = lex.params.headingWeight;
    const ew = query.expansionFieldWeight;
    const bm25 = new Float32Array(this.size);
    for (let i = 0; i < bm25.length; i++) {
      const t = typed.body[i]! + hw * typed.heading[i]! + ew * typed.expansion[i]!;
      const e = extra.body[i]! + hw * extra.heading[i]! + ew * extra.expansion[i]!;
      bm25[i] = t + query.expansionWeight * e;
    }
    const at = (f: { body: Float32Array; heading: Float32Array; expansion: Float32Array }, i: number) => ({ body: f.body[i]!, heading: f.heading[i]!, expansion: f.expansion[i]! });
    return {
      top: topK(bm25, k, this.allowChunk(allow)).map((h) => h.doc),
      score: (pos) => bm25[pos]!,
      fields: (pos): LexicalScores => ({ typed: at(typed, pos), extra: at(extra, pos) }),
      include: async () => undefined,
    };
  }

  async dense(vector: number[], k: number, allow?: DocumentFilter): Promise<{ pos: number; score: number }[]> {
    const idx = this.index;
    const allowChunk = this.allowChunk(allow);
    const hits = idx.vectors.search(vector, k, allowChunk ? (label) => allowChunk(idx.chunkByLabel.get(label) ?? -1) : undefined);
    return hits.flatMap((h) => {
      const pos = idx.chunkByLabel.get(h.label);
      return pos === undefined ? [] : [{ pos, score: h.score }];
    });
  }

  vector(pos: number): ArrayLike<number> | undefined {
    const chunk = this.index.chunks[pos];
    if (!chunk) return undefined;
    try {
      return this.index.vectors.vector(chunk.label);
    } catch {
      return undefined;
    }
  }

  async articleChunks(documentIds: readonly string[], articles: readonly string[], allow?: DocumentFilter): Promise<number[]> {
    const allowChunk = this.allowChunk(allow);
    const out: number[] = [];
    for (const docId of documentIds) {
      for (const i of this.index.chunksByDocument.get(docId) ?? []) {
        const c = this.index.chunks[i]!;
        if (articles.includes(c.article?.toLowerCase() ?? '') && (!allowChunk || allowChunk(i))) out.push(i);
      }
    }
    return out;
  }

  async chunks(positions: readonly number[]): Promise<Map<number, CandidateChunk>> {
    const out = new Map<number, CandidateChunk>();
    for (const pos of positions) {
      const c = this.chunkAt(pos);
      if (c) out.set(pos, c);
    }
    return out;
  }

  chunkAt(pos: number): CandidateChunk | undefined {
    const chunk = this.index.chunks[pos];
    if (!chunk) return undefined;
    const doc = this.index.documents.get(chunk.documentId)!;
    return { chunk, clauses: clauseSpans(doc, chunk) };
  }

  async documentTermCounts(terms: ReadonlyMap<string, number>): Promise<TermDocumentCounts> {
    const idx = this.index;
    const body = idx.lexical.body;
    const docs = (this.topicDocs ??= this.buildTopicDocs());
    const out: TermDocumentCounts['terms'] = [];
    for (const [t, weight] of terms) {
      const id = idx.lexical.vocab.get(t);
      const postings = id === undefined ? undefined : body.docs[id];
      const tfs = id === undefined ? undefined : body.tfs[id];
      if (!postings || !tfs || postings.length === 0) continue;
      const counts = new Float64Array(docs.ids.length);
      let cf = 0;
      for (let i = 0; i < postings.length; i++) {
        const d = docs.ofChunk[postings[i]!]!;
        if (d >= 0) counts[d]! += tfs[i]!;
        cf += tfs[i]!;
      }
      out.push({ weight, cf, counts });
    }
    return { documentIds: docs.ids, lengths: docs.lengths, terms: out };
  }

  private buildTopicDocs(): { ids: string[]; ofChunk: Int32Array; lengths: number[] } {
    const idx = this.index;
    const ids = [...idx.documents.values()].filter((d) => d.meta.kind !== 'judgment').map((d) => d.meta.id);
    const position = new Map(ids.map((id, i) => [id, i]));
    const ofChunk = Int32Array.from(idx.chunks, (c) => position.get(c.documentId) ?? -1);
    const lengths = ids.map((id) => (idx.chunksByDocument.get(id) ?? []).reduce((s, i) => s + idx.lexical.body.docLen[i]!, 0));
    return { ids, ofChunk, lengths };
  }

  private allowChunk(allow: DocumentFilter | undefined): ((pos: number) => boolean) | undefined {
    if (!allow) return undefined;
    const idx = this.index;
    return (pos) => {
      const chunk = idx.chunks[pos];
      return chunk !== undefined && allow(idx.documents.get(chunk.documentId)!.meta);
    };
  }
}
