import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../src/index/corpus-index.js';
import { IngestLockedError, withIngestLock } from '../../src/index/ingest-lock.js';
import { ingestCorpus } from '../../src/ingest/ingest-pipeline.js';
import type { Service } from '../../src/service.js';
import { ingestSmall, smallCorpus, smallService, type SmallCorpus } from './small-corpus.js';

// Defect 4 of issue 14: the 409 guard was per worker; two ingests pruned each other's temp
// folders (a 500 with ENOENT …/.tmp-…/embedder.json), and a CLI ingest raced the server's.
let c: SmallCorpus;
const services: Service[] = [];

beforeAll(async () => {
  c = smallCorpus(['luat-vien-chuc.txt', 'luat-thanh-nien.txt']);
  await ingestSmall(c);
});

afterAll(async () => {
  for (const s of services) await s.close();
  rmSync(c.root, { recursive: true, force: true });
});

const full = () => ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 }, full: true });

describe('one ingest at a time per index folder', () => {
  it('refuses the second of two concurrent ingests and leaves a complete build', async () => {
    const results = await Promise.allSettled([full(), full()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(IngestLockedError);
    expect(String(refused.reason.message)).toMatch(/another ingest is running on this index \(pid \d+/);
    const index = await CorpusIndex.load(c.index);
    expect(index.documents.size).toBe(2);
    expect(existsSync(path.join(c.index, 'ingest.lock'))).toBe(false);
  });

  it('answers 409 to a second admin ingest in another worker, never 500', async () => {
    // Two apps over one index folder stand for two cluster workers.
    for (let i = 0; i < 2; i++) services.push(await smallService(c, { ADMIN_API_KEY: 'khoa' }));
    const post = (s: Service) => request(s.app).post('/v1/admin/ingest').set('x-api-key', 'khoa').send({ full: true });
    const [a, b] = await Promise.all([post(services[0]!), post(services[1]!)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.body.error.code).toBe('ingest_running');
  });

  it('makes a CLI ingest fail fast while the server ingests, naming the holder', { timeout: 60_000 }, async () => {
    await withIngestLock(c.index, async () => {
      const cli = spawn(path.resolve('node_modules/.bin/tsx'), ['src/cli/ingest.ts', '--corpus', c.corpus, '--out', c.index], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      cli.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
      expect(code).toBe(1);
      expect(err).toContain(`another ingest is running on this index (pid ${process.pid}`);
    });
  });

  it('takes over the lock of an ingest that was killed', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const lock = path.join(c.index, 'ingest.lock');
    writeFileSync(lock, JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00Z', token: 'killed' }));
    const report = await ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 } });
    expect(report.documents).toBe(2);
    expect(existsSync(lock)).toBe(false);
  });

  it('keeps a live holder’s lock', async () => {
    const lock = path.join(c.index, 'ingest.lock');
    const live = { pid: process.ppid, host: (await import('node:os')).hostname(), since: '2026-01-01T00:00:00Z', token: 'live' };
    writeFileSync(lock, JSON.stringify(live));
    await expect(ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 } })).rejects.toBeInstanceOf(IngestLockedError);
    expect(JSON.parse(readFileSync(lock, 'utf8')).token).toBe('live');
    rmSync(lock);
  });
});
