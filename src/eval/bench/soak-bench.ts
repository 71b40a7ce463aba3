import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { seededUniform } from '../../embeddings/sparse-matrix.js';
import { percentile } from '../percentile.js';
import type { SoakBench, SoakRoute } from './bench-types.js';
import { freePort, startServer, stopServer } from './http-bench.js';
import { processTreeRssMb } from './process-tree-rss.js';

export interface SoakOptions {
  indexDir: string;
  /** ALQAC questions for search and chat. */
  queries: string[];
  /** Judges' fact descriptions (judgments-dev `case_fact`), sent whole up to the 20,000-character limit. */
  facts: string[];
  concurrency: number;
  durationSec: number;
  log: (m: string) => void;
}

interface Kind {
  route: string;
  weight: number;
  init: (i: number) => RequestInit;
}

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * Mixed traffic against the production server (two workers, case threads) on loopback: search,
 * chat, the judges' case routes with long facts, feedback writes and /healthz, from `concurrency`
 * clients for `durationSec`. Reports errors, timeouts and latency per route and the server's RSS
 * (all its processes) before and after. Rate limits are off: one loopback client stands for many.
 */
export async function soakBench(o: SoakOptions): Promise<SoakBench> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'soak-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const facts = o.facts.map((f) => f.slice(0, 20_000));
  const kinds: Kind[] = [
    { route: 'POST /v1/search', weight: 35, init: (i) => json({ query: o.queries[i % o.queries.length], k: 10 }) },
    { route: 'POST /v1/chat', weight: 25, init: (i) => json({ messages: [{ role: 'user', content: o.queries[i % o.queries.length] }] }) },
    { route: 'POST /v1/cases/provisions', weight: 10, init: (i) => json({ facts: facts[i % facts.length], k: 10 }) },
    { route: 'POST /v1/cases/search', weight: 5, init: (i) => json({ facts: facts[i % facts.length], k: 5 }) },
    { route: 'POST /v1/feedback', weight: 10, init: (i) => json({ rating: i % 3 ? 'helpful' : 'not_helpful', comment: 'soak', question: o.queries[i % o.queries.length] }) },
    { route: 'GET /healthz', weight: 15, init: () => ({ method: 'GET' }) },
  ];
  const total = kinds.reduce((n, k) => n + k.weight, 0);
  o.log(`soak: starting the server on ${base} over ${o.indexDir}…`);
  const server = await startServer(o.indexDir, port, { RATE_LIMIT: '0', RATE_LIMIT_CASES: '0', RATE_LIMIT_FEEDBACK: '0', FEEDBACK_FILE: path.join(tmp, 'feedback.jsonl'), PGLITE_DIR: path.join(tmp, 'pglite'), LOG_LEVEL: 'warn' });
  try {
    // Warm-up: JIT, retrieval caches and each worker's case thread loading its index copy.
    for (let i = 0; i < 12; i++) for (const k of kinds) await fetch(`${base}${k.route.split(' ')[1]}`, k.init(i));
    await new Promise((r) => setTimeout(r, 2000));
    const rssBeforeMb = await processTreeRssMb(server.pid!);
    o.log(`soak: RSS before ${rssBeforeMb} MB; ${o.concurrency} clients for ${o.durationSec} s…`);
    const stats = new Map(kinds.map((k) => [k.route, { latencies: [] as number[], errors: 0, timeouts: 0, statuses: {} as Record<string, number> }]));
    const end = Date.now() + o.durationSec * 1000;
    let sent = 0;
    const client = async (id: number) => {
      const random = seededUniform(id + 1);
      while (Date.now() < end) {
        let pick = random() * total;
        const kind = kinds.find((k) => (pick -= k.weight) < 0) ?? kinds[0]!;
        const s = stats.get(kind.route)!;
        const i = sent++;
        const t0 = performance.now();
        try {
          const res = await fetch(`${base}${kind.route.split(' ')[1]}`, { ...kind.init(i), signal: AbortSignal.timeout(30_000) });
          await res.arrayBuffer();
          s.statuses[res.status] = (s.statuses[res.status] ?? 0) + 1;
          if (!res.ok) s.errors++;
        } catch (e) {
          if (e instanceof Error && e.name === 'TimeoutError') s.timeouts++;
          else s.errors++;
        }
        s.latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, (_, id) => client(id)));
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfterMb = await processTreeRssMb(server.pid!);
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const routes: SoakRoute[] = kinds.map((k) => {
      const s = stats.get(k.route)!;
      return { route: k.route, requests: s.latencies.length, errors: s.errors, timeouts: s.timeouts, statuses: s.statuses, p50: r1(percentile(s.latencies, 50)), p95: r1(percentile(s.latencies, 95)), p99: r1(percentile(s.latencies, 99)), max: r1(Math.max(0, ...s.latencies)) };
    });
    return { index: o.indexDir, concurrency: o.concurrency, durationSec: o.durationSec, routes, rssBeforeMb, rssAfterMb };
  } finally {
    stopServer(server);
    await rm(tmp, { recursive: true, force: true });
  }
}
