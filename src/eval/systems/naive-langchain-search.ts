import { createHash } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { Chunk } from '../../types/chunk.js';
import type { ParsedDocument } from '../../types/legal-document.js';
import { GOLD_KINDS, type ArticleRef } from '../eval-question.js';
import type { PassageSearch } from './passage-system.js';
import type { RankedHit } from './ranked-hit.js';

export const NAIVE_CHUNK_SIZE = 1000;
export const NAIVE_CHUNK_OVERLAP = 200;

interface SplitMeta {
  documentId: string;
  start: number;
  end: number;
}

/**
 * The textbook LangChain pipeline a user would otherwise build: RecursiveCharacterTextSplitter
 * (1000/200) over the laws' and codes' plain text, HNSWLib, the same embedder as the service,
 * no legal structure and no titles prepended. Built once per index build and cached on disk.
 */
export async function naiveLangchainSearch(index: CorpusIndex, cacheRoot: string, log: (m: string) => void = () => undefined): Promise<PassageSearch> {
  const docs = [...index.documents.values()].filter((d) => (GOLD_KINDS as readonly string[]).includes(d.meta.kind));
  const key = createHash('sha256').update(`${index.dir}|${index.manifest.createdAt}|${NAIVE_CHUNK_SIZE}/${NAIVE_CHUNK_OVERLAP}`).digest('hex').slice(0, 16);
  const dir = path.join(cacheRoot, `naive-langchain-${key}`);
  let store: HNSWLib;
  if (await exists(path.join(dir, 'hnswlib.index'))) {
    store = await HNSWLib.load(dir, index.embedder);
  } else {
    const t0 = performance.now();
    const splits = await splitDocuments(docs);
    log(`naive-langchain: embedding ${splits.length} splits of ${docs.length} documents…`);
    store = await HNSWLib.fromDocuments(splits, index.embedder);
    await mkdir(dir, { recursive: true });
    await store.save(dir);
    log(`naive-langchain: store built in ${((performance.now() - t0) / 1000).toFixed(1)} s, cached in ${dir}`);
  }
  const byId = new Map(docs.map((d) => [d.meta.id, d]));
  return async (q, k) => {
    const found = await store.similaritySearchWithScore(q.text, k);
    const out: RankedHit[] = [];
    for (const [doc, distance] of found) {
      const m = doc.metadata as SplitMeta;
      const parsed = byId.get(m.documentId);
      if (!parsed) continue;
      out.push({ chunk: splitChunk(parsed, m, doc.pageContent), document: parsed.meta, score: 1 - distance, articles: splitArticles(parsed, m.start, m.end) });
    }
    return out;
  };
}

/** Splits each document and records where each split lies in its text (the splitter does not). */
async function splitDocuments(docs: ParsedDocument[]): Promise<Document[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: NAIVE_CHUNK_SIZE, chunkOverlap: NAIVE_CHUNK_OVERLAP });
  const out: Document[] = [];
  for (const d of docs) {
    let cursor = 0;
    for (const text of await splitter.splitText(d.text)) {
      let start = d.text.indexOf(text, cursor);
      if (start < 0) start = d.text.indexOf(text);
      if (start < 0) start = cursor;
      const meta: SplitMeta = { documentId: d.meta.id, start, end: start + text.length };
      out.push(new Document({ pageContent: text, metadata: meta }));
      cursor = start + 1;
    }
  }
  return out;
}

/**
 * The articles a split holds, most overlapped first: an article counts when the split covers at
 * least 300 of its characters or 30% of it (a split's tail that only grazes the next heading does not).
 */
export function splitArticles(doc: ParsedDocument, start: number, end: number): ArticleRef[] {
  const overlaps: { article: string; overlap: number }[] = [];
  for (const a of doc.articles) {
    const overlap = Math.min(end, a.end) - Math.max(start, a.start);
    if (overlap <= 0) continue;
    if (overlap >= 300 || overlap >= 0.3 * (a.end - a.start)) overlaps.push({ article: a.number.toLowerCase(), overlap });
  }
  overlaps.sort((x, y) => y.overlap - x.overlap);
  return overlaps.map((o) => ({ documentId: doc.meta.id, article: o.article }));
}

/** A split dressed as a chunk so the answer generator can quote and cite it. */
function splitChunk(doc: ParsedDocument, m: SplitMeta, text: string): Chunk {
  const main = splitArticles(doc, m.start, m.end)[0];
  const art = main ? doc.articles.find((a) => a.number.toLowerCase() === main.article) : undefined;
  return {
    id: `${doc.meta.id}@${m.start}`,
    documentId: doc.meta.id,
    kind: doc.meta.kind,
    title: doc.meta.title,
    ...(doc.meta.number ? { number: doc.meta.number } : {}),
    ...(art ? { article: art.number, articleTitle: art.title } : {}),
    path: [doc.meta.title],
    start: m.start,
    end: m.end,
    text,
    heading: '',
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}
