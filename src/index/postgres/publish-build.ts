import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { caseIndexFor } from '../../cases/case-index.js';
import { LsaEmbedder } from '../../embeddings/lsa-embedder.js';
import { passedYear } from '../../retrieval/law-name-resolver.js';
import { clauseSpans } from '../clause-spans.js';
import type { CorpusIndex } from '../corpus-index.js';
import { BUILD_TABLES, createBuildSql, createIndexesSql, partitionOf, schemaName, type PartitionKey } from './build-layout.js';
import { copyRows, type CopyValue } from './copy-rows.js';
import { inTransaction } from './in-transaction.js';
import { LexicalRows } from './lexical-rows.js';
import type { BuildParams } from './build-params.js';

export const BUILD_CHANNEL = 'search_build';

/** Build files stored as blobs beside the rows: the readers' caches are loaded from them. */
const BLOB_FILES = { accents: 'accents.json', definitions: 'definitions.json', hnsw: 'vectors.hnsw' } as const;
/**
 * Blobs and what they hold: the build's files; the amendment graph's edges (JSON), parsed once here
 * rather than in every node; and an LSA embedder in its binary form (`LsaEmbedder.toBinary`), which a
 * node loads with a fraction of the memory its JSON costs. (`embedder`, the JSON, is read from builds
 * published before.)
 */
export type BlobName = keyof typeof BLOB_FILES | 'amendments' | 'lsa' | 'embedder';
const BLOB_ROW_BYTES = 8 * 1024 * 1024;

export interface PublishOptions {
  /** Weight of the expansion field in the impact that orders postings (the reranker's); the heading's is the index's. */
  expansionFieldWeight: number;
  /** Postings per block; a search reads a term's first blocks in each partition (small blocks let it share its depth among many partitions). */
  blockSize?: number;
  /** Builds kept after publishing, the new one included (older schemas are dropped). */
  keep?: number;
  /** Called as each phase starts (progress; tests stop an ingest mid-way with it). */
  onPhase?: (phase: string) => void | Promise<void>;
}

export interface PublishReport {
  buildId: number;
  schema: string;
  ms: number;
  rows: Record<string, number>;
  dropped: string[];
}

/**
 * Writes an index build into PostgreSQL in one transaction and publishes it: the rows go into a
 * fresh schema, the build's row into `search_builds`, and `NOTIFY search_build` is sent, all
 * committed together. A publish killed at any point leaves nothing behind (the transaction rolls
 * back) and readers keep serving the previous build. Publishes are serialised by an advisory lock.
 */
export async function publishBuild(pool: pg.Pool, index: CorpusIndex, opts: PublishOptions): Promise<PublishReport> {
  const t0 = performance.now();
  const phase = async (p: string) => {
    await opts.onPhase?.(p);
  };
  const blockSize = opts.blockSize ?? 256;
  const docs = [...index.documents.values()];
  const docPos = new Map(docs.map((d, i) => [d.meta.id, i]));
  const keys: PartitionKey[] = [];
  const keyIndex = new Map<string, number>();
  const docPart = docs.map((d) => {
    const k = partitionOf(d.meta);
    const name = `${k.coll}/${k.year}`;
    if (!keyIndex.has(name)) keyIndex.set(name, keys.push(k) - 1);
    return keyIndex.get(name)!;
  });
  const topicDocs = docs.map((d) => d.meta.kind !== 'judgment');
  const topicPos = new Int32Array(docs.length).fill(-1);
  let nextTopic = 0;
  topicDocs.forEach((t, i) => t && (topicPos[i] = nextTopic++));
  const chunkDoc = Int32Array.from(index.chunks, (c) => docPos.get(c.documentId)!);
  const chunkPartition = Int32Array.from(chunkDoc, (d) => docPart[d]!);
  const chunkTopicDoc = Int32Array.from(chunkDoc, (d) => topicPos[d]!);
  const lexical = index.lexical;
  const impactWeights = { heading: lexical.params.headingWeight, expansion: opts.expansionFieldWeight };
  const rowsOf = new LexicalRows({ lexical, chunkPartition, partitions: keys, chunkTopicDoc, impactWeights, blockSize });

  const rows: Record<string, number> = {};
  let buildId = 0;
  let schema = '';
  await inTransaction(pool, async (client) => {
    await client.query(`select pg_advisory_xact_lock(hashtext('${BUILD_CHANNEL}'))`);
    buildId = Number((await client.query<{ id: string }>(`select nextval('search_build_ids') as id`)).rows[0]!.id);
    schema = schemaName(buildId);
    await phase('schema');
    for (const sql of createBuildSql(schema, keys.filter((k) => k.coll === 'judgment').map((k) => k.year))) await client.query(sql);
    const copy = async (table: string, columns: string[], data: Iterable<readonly CopyValue[]>) => {
      await phase(table);
      rows[table] = await copyRows(client, `${schema}.${table}`, columns, data);
    };

    await copy('documents', ['coll', 'year', 'pos', 'id', 'kind', 'meta', 'passed_year', 'article_count', 'chunk_from', 'chunk_to', 'topic_pos', 'body_len', 'text', 'articles', 'sections'], documentRows(index, docs, keys, docPart, topicPos));
    await copy('chunks', ['coll', 'year', 'pos', 'doc_pos', 'label', 'article', 'chunk', 'text', 'clauses'], chunkRows(index, keys, chunkPartition, chunkDoc));
    await copy('terms', ['id', 'term', 'df_b', 'df_h', 'df_e', 'cf_b'], rowsOf.terms());
    await copy('postings', ['coll', 'year', 'term_id', 'block', 'data'], rowsOf.postings());
    await copy('doc_terms', ['term_id', 'docs', 'tfs'], rowsOf.documentTerms());
    await copy('chunk_terms', ['coll', 'year', 'pos', 'terms', 'tfs', 'len_b', 'len_h', 'len_e'], rowsOf.forward());
    await copy('vectors', ['label', 'pos', 'v'], vectorRows(index));
    const lsa = index.embedder instanceof LsaEmbedder ? { lsa: index.embedder.toBinary() } : {};
    await copy('blobs', ['name', 'seq', 'data'], await blobRows(index.dir, { amendments: Buffer.from(JSON.stringify(index.amendmentGraph().edges)), ...lsa }));
    const cases = caseIndexFor(index).records;
    const caseKey = (id: string) => keys[docPart[docPos.get(id)!]!]!;
    await copy('judgments', ['coll', 'year', 'doc_pos', 'id', 'court', 'level', 'number', 'date', 'outcome', 'record'],
      cases.map((r) => [caseKey(r.documentId).coll, caseKey(r.documentId).year, docPos.get(r.documentId)!, r.documentId, r.court, r.level, r.number, r.date, r.outcome, { json: r }]));
    await copy('applied_provisions', ['coll', 'year', 'doc_pos', 'document_id', 'article', 'date', 'provision'],
      cases.flatMap((r) => r.provisions.filter((p) => p.documentId && p.resolvedArticle).map((p) => [caseKey(r.documentId).coll, caseKey(r.documentId).year, docPos.get(r.documentId)!, p.documentId!, p.resolvedArticle!, r.date, { json: p }])));

    await phase('indexes');
    for (const sql of createIndexesSql(schema)) await client.query(sql);
    for (const t of BUILD_TABLES) await client.query(`analyze ${schema}.${t}`);
    const params: BuildParams = {
      size: lexical.size,
      k1: lexical.params.k1,
      b: lexical.params.b,
      headingWeight: lexical.params.headingWeight,
      bigramWeight: lexical.params.bigramWeight,
      lexicalExpansionWeight: lexical.params.expansionWeight ?? 0,
      avgLen: { body: lexical.body.avgLen, heading: lexical.heading.avgLen, expansion: lexical.expansion?.avgLen ?? 0 },
      impactWeights,
      blockSize,
      labels: index.manifest.nextLabel,
      dim: index.vectors.dim,
      partitions: keys,
    };
    await phase('publish');
    await client.query('insert into search_builds (id, schema, manifest, params) values ($1, $2, $3, $4)', [buildId, schema, JSON.stringify(index.manifest), JSON.stringify(params)]);
    await client.query('select pg_notify($1, $2)', [BUILD_CHANNEL, String(buildId)]);
  });
  const dropped = await pruneBuilds(pool, opts.keep ?? 2);
  return { buildId, schema, ms: Math.round(performance.now() - t0), rows, dropped };
}

/** Drops all but the `keep` newest builds (readers switch within seconds of a publish; the previous one stays for them). */
export async function pruneBuilds(pool: pg.Pool, keep: number): Promise<string[]> {
  const old = await pool.query<{ id: number; schema: string }>('select id, schema from search_builds order by id desc offset $1', [Math.max(1, keep)]);
  for (const b of old.rows) {
    await inTransaction(pool, async (client) => {
      await client.query(`drop schema if exists ${b.schema} cascade`);
      await client.query('delete from search_builds where id = $1', [b.id]);
    });
  }
  return old.rows.map((b) => b.schema);
}

function* documentRows(index: CorpusIndex, docs: CorpusIndex['documents'] extends Map<string, infer D> ? D[] : never, keys: PartitionKey[], docPart: number[], topicPos: Int32Array): Generator<CopyValue[]> {
  const body = index.lexical.body;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const key = keys[docPart[i]!]!;
    const positions = index.chunksByDocument.get(d.meta.id) ?? [];
    const bodyLen = positions.reduce((s, p) => s + body.docLen[p]!, 0);
    const from = positions[0] ?? 0;
    const to = positions.length > 0 ? positions[positions.length - 1]! + 1 : 0;
    const year = d.meta.kind === 'judgment' ? undefined : passedYear(d.text);
    yield [key.coll, key.year, i, d.meta.id, d.meta.kind, { json: d.meta }, year, d.articles.length, from, to, topicPos[i]!, bodyLen, d.text, { json: d.articles }, { json: d.sections }];
  }
}

function* chunkRows(index: CorpusIndex, keys: PartitionKey[], chunkPartition: Int32Array, chunkDoc: Int32Array): Generator<CopyValue[]> {
  for (let pos = 0; pos < index.chunks.length; pos++) {
    const { text, ...chunk } = index.chunks[pos]!;
    const key = keys[chunkPartition[pos]!]!;
    const clauses = clauseSpans(index.documents.get(chunk.documentId)!, chunk);
    yield [key.coll, key.year, pos, chunkDoc[pos]!, chunk.label, chunk.article?.toLowerCase(), { json: chunk }, text, { json: clauses }];
  }
}

function* vectorRows(index: CorpusIndex): Generator<CopyValue[]> {
  for (let pos = 0; pos < index.chunks.length; pos++) {
    const label = index.chunks[pos]!.label;
    let v: Float32Array;
    try {
      v = index.vectors.vector(label);
    } catch {
      continue;
    }
    yield [label, pos, new Uint8Array(v.buffer, v.byteOffset, v.byteLength)];
  }
}

async function blobRows(dir: string, computed: Partial<Record<BlobName, Buffer>>): Promise<CopyValue[][]> {
  const out: CopyValue[][] = [];
  const files = Object.entries(BLOB_FILES).filter(([, file]) => existsSync(path.join(dir, file)));
  const blobs: [string, () => Promise<Buffer>][] = [...files.map(([name, file]): [string, () => Promise<Buffer>] => [name, () => readFile(path.join(dir, file))]), ...Object.entries(computed).map(([name, b]): [string, () => Promise<Buffer>] => [name, () => Promise.resolve(b)])];
  for (const [name, read] of blobs) {
    const bytes = await read();
    for (let seq = 0, at = 0; at < bytes.length || seq === 0; seq++, at += BLOB_ROW_BYTES) out.push([name, seq, bytes.subarray(at, at + BLOB_ROW_BYTES)]);
  }
  return out;
}
