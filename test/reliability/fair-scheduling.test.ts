import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createService, type Service } from '../../src/service.js';
import { TEST_CORPUS_DIR, TEST_INDEX_DIR } from '../paths.js';

// Defect 1 of issue 14: eight concurrent POST /v1/cases/provisions with 20,000 characters of facts
// held every other request (search no answer in 15 s, /healthz 24.6 s).
const judgments = JSON.parse(readFileSync(path.resolve(TEST_CORPUS_DIR, '../datasets/judgments-dev.json'), 'utf8')) as { case_fact: string }[];
const LONG_FACTS = judgments.map((j) => j.case_fact).sort((a, b) => b.length - a.length)[0]!.slice(0, 20_000);

const services: Service[] = [];
afterAll(async () => {
  for (const s of services) await s.close();
});

async function service(env: Record<string, string>): Promise<Service> {
  const config = loadConfig({ INDEX_DIR: TEST_INDEX_DIR, PGLITE_DIR: 'memory://', LOG_LEVEL: 'silent', RATE_LIMIT: '0', RATE_LIMIT_CASES: '0', ...env });
  const s = await createService(config, { logger: pino({ level: 'silent' }) });
  services.push(s);
  return s;
}

const provisions = (app: Service['app'], facts = LONG_FACTS) => request(app).post('/v1/cases/provisions').send({ facts, k: 5 });

describe('expensive case work never holds cheap requests', () => {
  it('keeps the event loop free while four 20,000-character fact descriptions are analysed', { timeout: 120_000 }, async () => {
    const svc = await service({ CASE_THREADS: '1', CASE_QUEUE: '4' });
    const server: Server = svc.app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // The thread loads its copy of the index on its first task.
      expect((await fetch(`${base}/v1/cases/provisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ facts: 'Tranh chấp hợp đồng vay tài sản', k: 3 }) })).status).toBe(200);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      const t0 = performance.now();
      const heavy = Array.from({ length: 4 }, (_, i) =>
        fetch(`${base}/v1/cases/provisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ facts: LONG_FACTS.slice(i), k: 5 }) }).then((r) => r.status),
      );
      let done = false;
      const all = Promise.all(heavy).finally(() => (done = true));
      const health: number[] = [];
      while (!done) {
        const t = performance.now();
        expect((await fetch(`${base}/healthz`)).status).toBe(200);
        health.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await all).toEqual([200, 200, 200, 200]);
      loop.disable();
      const busyMs = performance.now() - t0;
      // The analysis ran meanwhile, yet the event loop never stalled for long and /healthz kept answering.
      expect(health.length).toBeGreaterThan(3);
      expect(loop.max / 1e6).toBeLessThan(Math.min(250, busyMs / 2));
    } finally {
      server.close();
    }
  });

  it('answers 503 with Retry-After when too many case requests wait', { timeout: 120_000 }, async () => {
    const svc = await service({ CASE_THREADS: '1', CASE_QUEUE: '1' });
    const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => provisions(svc.app, LONG_FACTS.slice(i * 10))));
    const busy = statuses.filter((r) => r.status === 503);
    expect(busy.length).toBeGreaterThanOrEqual(3);
    expect(busy[0]!.body.error.code).toBe('server_busy');
    expect(Number(busy[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(statuses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
  });

  it('answers 503 stating the budget when a task runs past it', { timeout: 120_000 }, async () => {
    const svc = await service({ CASE_THREADS: '1', CASE_TIMEOUT_MS: '50' });
    const res = await provisions(svc.app).expect(503);
    expect(res.body.error.code).toBe('time_budget_exceeded');
    expect(res.body.error.message).toContain('0.05 s');
  });

  it('refuses facts over the limit with 413 stating it, and limits each client with 429', async () => {
    const svc = await service({ CASE_THREADS: '0', RATE_LIMIT_CASES: '2' });
    const long = await request(svc.app).post('/v1/cases/search').send({ facts: `${LONG_FACTS} ${LONG_FACTS}` }).expect(413);
    expect(long.body.error).toMatchObject({ code: 'field_too_long', field: 'facts' });
    expect(long.body.error.message_vi).toContain('20000 ký tự');
    await request(svc.app).post('/v1/cases/search').send({ facts: 'Tranh chấp hợp đồng vay tài sản' }).expect(200);
    const limited = await request(svc.app).post('/v1/cases/search').send({ facts: 'Tranh chấp hợp đồng vay tài sản' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error.code).toBe('rate_limited');
  });
});
