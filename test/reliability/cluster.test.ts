import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { currentBuildDir } from '../../src/index/index-store.js';
import { ingestSmall, smallCorpus, type SmallCorpus } from './small-corpus.js';

// Defects 6 and 8 of issue 14, on the real server with two worker processes: metrics were per
// worker, and workers respawned in a tight loop on a damaged build without naming the file.
let c: SmallCorpus;
let server: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  c = smallCorpus(['luat-vien-chuc.txt', 'luat-thanh-nien.txt']);
  await ingestSmall(c);
});

afterEach(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  server = undefined;
});

afterAll(() => rmSync(c.root, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const srv = net.createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  return port;
}

/** `npm start` as production runs it: two workers, its own process group, logs collected. */
function start(port: number): void {
  output = '';
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', INDEX_DIR: c.index, CORPUS_DIR: c.corpus, WORKERS: '2', CASE_THREADS: '0', PGLITE_DIR: 'memory://', LOG_LEVEL: 'info', EMBEDDING_DIM: '32', INDEX_WATCH_MS: '0' };
  server = spawn(path.resolve('node_modules/.bin/tsx'), ['src/server.ts'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
}

async function waitFor(check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out; server output:\n${output.slice(-3000)}`);
}

describe('the cluster', () => {
  it('reports metrics summed over its workers, labelled by matched routes only', { timeout: 120_000 }, async () => {
    const port = await freePort();
    start(port);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(() => fetch(`${base}/healthz`).then((r) => r.ok, () => false), 90_000);
    for (let i = 0; i < 40; i++) await fetch(`${base}/healthz`);
    for (let i = 0; i < 30; i++) await fetch(`${base}/khong-co-${i}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"x": ' });
    const text = await (await fetch(`${base}/metrics`)).text();
    const healthz = text.match(/^http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} (\d+)$/m);
    // Round-robin spreads the 40 (plus the start-up probes) over both workers; each alone holds about half.
    expect(Number(healthz?.[1])).toBeGreaterThanOrEqual(40);
    expect(text).not.toContain('khong-co');
    const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]));
    expect([...routes].sort()).toEqual(['/healthz', 'unmatched']);
  });

  it('restarts workers that die on a damaged build with a growing delay, naming the file', { timeout: 120_000 }, async () => {
    const build = (await currentBuildDir(c.index))!;
    const chunks = path.join(build, 'chunks.json');
    const good = readFileSync(chunks);
    writeFileSync(chunks, '[{"id": "cắt ngang');
    try {
      start(await freePort());
      await waitFor(() => (output.match(/worker died/g) ?? []).length >= 4, 90_000);
      const deaths = output
        .split('\n')
        .filter((l) => l.includes('worker died'))
        .map((l) => (JSON.parse(l) as { restartInMs?: number }).restartInMs);
      expect(deaths.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
      expect(output).toContain(`index file ${chunks} is unreadable`);
    } finally {
      writeFileSync(chunks, good);
    }
  });
});
