import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { followPublishedBuilds } from '../src/http/follow-builds.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { schemaName } from '../src/index/postgres/build-layout.js';
import { postingsSql } from '../src/index/postgres/lexical-sql.js';
import { PgSearch } from '../src/index/postgres/pg-search.js';
import { loadDataset } from '../src/eval/load-dataset.js';
import { ingestCorpus } from '../src/ingest/ingest-pipeline.js';
import { createRetriever } from '../src/retrieval/create-retriever.js';
import { createService, loadServingResources } from '../src/service.js';
import { freshPostgresUrl, REQUIRE_POSTGRES, sameDatabaseOn, TEST_DATABASE_REPLICA_URL, TEST_DATABASE_URL } from './helpers/test-databases.js';
import { TEST_CORPUS_DIR, TEST_INDEX_DIR } from './paths.js';

const VIEN_CHUC = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';
const PUBLISH_CHILD = path.resolve('test/fixtures/publish-child.ts');
const silent = pino({ level: 'silent' });
const config = loadConfig({ INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'silent', PGLITE_DIR: 'memory://' });

/** A build of two laws only (Luật Viên chức, Luật Thanh niên): a second build that differs visibly from the test build. */
async function twoLawBuild(): Promise<CorpusIndex> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'two-laws-'));
  mkdirSync(path.join(dir, 'corpus', 'laws'), { recursive: true });
  for (const f of ['luat-vien-chuc.txt', 'luat-thanh-nien.txt']) copyFileSync(path.join(TEST_CORPUS_DIR, 'laws', f), path.join(dir, 'corpus', 'laws', f));
  await ingestCorpus({ corpusDir: path.join(dir, 'corpus'), indexDir: path.join(dir, 'index') });
  return CorpusIndex.load(path.join(dir, 'index'));
}

/** An API node as `npm start` runs one with SEARCH_BACKEND=postgres: the newest build, following new ones. */
async function startNode(url: string) {
  const search = new PgSearch({ url });
  const service = await createService(config, { index: (await search.load())!, search, logger: silent });
  const unfollow = followPublishedBuilds(search, service.state, silent, 0);
  return {
    service,
    search: (query: string) => request(service.app).post('/v1/search').send({ query, k: 5 }).expect(200),
    close: async () => {
      await unfollow();
      await service.close();
      await search.close();
    },
  };
}

it('has a PostgreSQL replica to test against wherever CI runs', () => {
  // .ci/run starts a standby of the test server and sets TEST_DATABASE_REPLICA_URL.
  if (REQUIRE_POSTGRES) expect(TEST_DATABASE_REPLICA_URL, 'TEST_DATABASE_REPLICA_URL must be set in CI').toBeDefined();
});

describe.skipIf(!TEST_DATABASE_URL)('the PostgreSQL search backend', () => {
  let url: string;
  let drop: () => Promise<void>;
  let publisher: PgSearch;
  let first: number;

  beforeAll(async () => {
    ({ url, drop } = await freshPostgresUrl());
    publisher = new PgSearch({ url });
    first = (await publisher.publish(await CorpusIndex.load(TEST_INDEX_DIR), { expansionFieldWeight: 1 })).buildId;
  });
  afterAll(async () => {
    await publisher?.close();
    await drop?.();
  });

  it('writes a build into its own schema with judgments partitioned by year; a search without judgments reads no judgment partition', async () => {
    const schema = schemaName(first);
    const parts = await publisher.read.query<{ part: string; n: number }>(`select tableoid::regclass::text as part, count(*)::int as n from ${schema}.documents group by 1`);
    const byPart = Object.fromEntries(parts.rows.map((r) => [r.part.replace(`${schema}.`, ''), r.n]));
    expect(byPart).toMatchObject({ documents_judgment_y2017: 16, documents_judgment_y2018: 32 });
    expect(byPart.documents_legal).toBeGreaterThan(30);
    const plan = await publisher.read.query(`explain ${postingsSql(schema)}`, [[1, 2], ['legal'], ['legal'], [0], [4]]);
    const text = plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('postings_legal');
    expect(text).not.toContain('postings_judgment');
  });

  it('serves the same answers as the in-memory backend from two stateless nodes, which both switch to a newly published build', async () => {
    const [a, b] = [await startNode(url), await startNode(url)];
    try {
      const memory = createRetriever(await CorpusIndex.load(TEST_INDEX_DIR), loadServingResources(config).resources);
      const expected = (await memory.search(VIEN_CHUC, 5)).hits.map((h) => h.chunk.id);
      const [ra, rb] = [await a.search(VIEN_CHUC), await b.search(VIEN_CHUC)];
      expect(ra.body.hits.map((h: { chunkId: string }) => h.chunkId)).toEqual(expected);
      expect(rb.body.hits.map((h: { chunkId: string }) => h.chunkId)).toEqual(expected);
      expect((await request(a.service.app).get('/healthz').expect(200)).body.documents).toBe(88);

      const second = (await publisher.publish(await twoLawBuild(), { expansionFieldWeight: 1 })).buildId;
      await vi.waitFor(() => {
        expect(a.service.state.current.index.buildId).toBe(`postgres:${second}`);
        expect(b.service.state.current.index.buildId).toBe(`postgres:${second}`);
      }, { timeout: 60_000, interval: 200 });
      for (const node of [a, b]) {
        expect((await request(node.service.app).get('/healthz').expect(200)).body.documents).toBe(2);
        const hits = (await node.search(VIEN_CHUC)).body.hits as { document: { id: string }; article: string }[];
        expect(hits[0]).toMatchObject({ document: { id: 'laws/luat-vien-chuc' }, article: '37' });
        for (const h of hits) expect(['laws/luat-vien-chuc', 'laws/luat-thanh-nien']).toContain(h.document.id);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('ranks as the in-memory backend does question after question, also when its term caches keep only a few terms', async () => {
    const resources = loadServingResources(config).resources;
    const memory = createRetriever(await CorpusIndex.load(TEST_INDEX_DIR), resources);
    const search = new PgSearch({ url, retrieval: { termCacheSize: 8 } });
    try {
      const postgres = createRetriever((await search.load(first))!, resources);
      const { questions } = await loadDataset(path.resolve('../shared/datasets/alqac25-dev.json'), 25);
      for (const q of questions) {
        const [a, b] = [await memory.search(q.text, 10), await postgres.search(q.text, 10)];
        expect(b.hits.map((h) => h.chunk.id), q.id).toEqual(a.hits.map((h) => h.chunk.id));
        expect(b.hits.map((h) => h.score)[0]).toBeCloseTo(a.hits[0]!.score, 4);
      }
    } finally {
      await search.close();
    }
  });

  it('leaves the served build untouched when a publish is killed mid-way', async () => {
    const before = await publisher.latest();
    // Node itself with tsx's loader, so the process killed is the one holding the transaction.
    const child = spawn(process.execPath, ['--import', 'tsx', PUBLISH_CHILD, url, TEST_INDEX_DIR, 'postings'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('phase postings')) resolve();
      });
      child.on('exit', () => reject(new Error(`publish child ended early: ${out}`)));
    });
    // Documents and chunks of the new build are written by now, inside its transaction.
    child.kill('SIGKILL');
    await once(child, 'exit');
    // The server notices the lost client and rolls its transaction back.
    await vi.waitFor(async () => expect((await publisher.read.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`)).rows[0].n).toBe(0));
    expect((await publisher.latest())?.id).toBe(before?.id);
    const schemas = await publisher.read.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like 'search_b%' order by 1`);
    const published = await publisher.read.query<{ schema: string }>('select schema from search_builds order by 1');
    expect(schemas.rows.map((r) => r.nspname)).toEqual(published.rows.map((r) => r.schema));
    const node = await startNode(url);
    try {
      expect(node.service.state.current.index.buildId).toBe(`postgres:${before?.id}`);
      expect((await node.search(VIEN_CHUC)).body.hits[0]).toMatchObject({ document: { id: 'laws/luat-vien-chuc' }, article: '37' });
    } finally {
      await node.close();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL || !TEST_DATABASE_REPLICA_URL)('the PostgreSQL search backend with a streaming replica', () => {
  it('reads searches from the replica once it has the build the primary published', async () => {
    const { url, drop } = await freshPostgresUrl();
    const search = new PgSearch({ url, replicaUrl: sameDatabaseOn(TEST_DATABASE_REPLICA_URL!, url) });
    try {
      const published = await search.publish(await twoLawBuild(), { expansionFieldWeight: 1 });
      const index = (await search.load())!;
      expect(index.buildId).toBe(`postgres:${published.buildId}`);
      expect((await search.read.query<{ standby: boolean }>('select pg_is_in_recovery() as standby')).rows[0]!.standby).toBe(true);
      const hits = (await createRetriever(index, loadServingResources(config).resources).search(VIEN_CHUC, 3)).hits;
      expect(hits[0]?.chunk).toMatchObject({ documentId: 'laws/luat-vien-chuc', article: '37' });
    } finally {
      await search.close();
      await drop();
    }
  });
});
