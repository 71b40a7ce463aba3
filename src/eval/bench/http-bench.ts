import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { percentile } from '../percentile.js';
import type { HttpBench, HttpRun } from './bench-types.js';

export interface HttpBenchOptions {
  indexDir: string;
  queries: string[];
  concurrencies: number[];
  durationSec: number;
  log: (m: string) => void;
}

/** A port the OS says is free on loopback right now. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as net.AddressInfo).port;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Starts `src/server.ts` as the service runs in production (own process, loopback) and waits for /healthz. */
export async function startServer(indexDir: string, port: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', INDEX_DIR: indexDir, ...extraEnv };
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['src/server.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr.trim()}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(child);
  throw new Error(`server did not answer /healthz within 300 s: ${stderr.trim()}`);
}

/** Stops the server's whole process group (tsx runs the service in a child of its own). */
export function stopServer(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

function bodyFor(endpoint: string, query: string, extra: object = {}): string {
  return JSON.stringify(endpoint === '/v1/search' ? { query, k: 10, ...extra } : { messages: [{ role: 'user', content: query }] });
}

/** One bounded autocannon run; latencies are collected per response so that p95 is exact. `body` adds fields to each search body (filters). */
export async function load(port: number, endpoint: string, queries: string[], connections: number, durationSec: number, body: object = {}): Promise<HttpRun> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: durationSec,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            path: endpoint,
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: bodyFor(endpoint, queries[next++ % queries.length]!, body) }),
          },
        ],
      },
      (err: unknown, res: autocannon.Result) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    endpoint,
    concurrency: connections,
    durationSec: result.duration,
    requests: result.requests.total,
    rps: r1(result.requests.total / result.duration),
    p50: r1(percentile(latencies, 50)),
    p95: r1(percentile(latencies, 95)),
    p99: r1(percentile(latencies, 99)),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Load test of /v1/search and /v1/chat at each concurrency against a freshly started server. */
export async function httpBench(o: HttpBenchOptions): Promise<HttpBench> {
  const port = await freePort();
  o.log(`http: starting the server on 127.0.0.1:${port} with INDEX_DIR=${o.indexDir}…`);
  const server = await startServer(o.indexDir, port);
  try {
    // Warm-up: first requests pay for lazy initialisation and JIT.
    for (const q of o.queries.slice(0, 10)) {
      for (const endpoint of ['/v1/search', '/v1/chat']) await fetch(`http://127.0.0.1:${port}${endpoint}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyFor(endpoint, q) });
    }
    const runs: HttpRun[] = [];
    for (const endpoint of ['/v1/search', '/v1/chat']) {
      for (const c of o.concurrencies) {
        o.log(`http: ${endpoint} at concurrency ${c} for ${o.durationSec} s…`);
        runs.push(await load(port, endpoint, o.queries, c, o.durationSec));
      }
    }
    return { index: o.indexDir, runs };
  } finally {
    stopServer(server);
  }
}
