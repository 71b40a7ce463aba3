import { rmSync } from 'node:fs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlFeedbackStore } from '../../src/feedback/sql-feedback-store.js';
import type { Service } from '../../src/service.js';
import { ingestSmall, smallCorpus, smallService, type SmallCorpus } from './small-corpus.js';

// Defect 3 of issue 14: anyone could read users' questions and comments, and writes had no quota.
let c: SmallCorpus;
const services: Service[] = [];
const rating = (comment: string) => ({ rating: 'not_helpful', comment, question: 'Thời hạn bổ nhiệm viên chức quản lý?' });

beforeAll(async () => {
  c = smallCorpus();
  await ingestSmall(c);
});

afterAll(async () => {
  for (const s of services) await s.close();
  rmSync(c.root, { recursive: true, force: true });
});

async function service(env: Record<string, string>): Promise<Service> {
  const s = await smallService(c, env);
  services.push(s);
  return s;
}

describe('feedback', () => {
  it('is read back only with the admin key, never cached', async () => {
    const { app } = await service({ ADMIN_API_KEY: 'khoa' });
    await request(app).post('/v1/feedback').send(rating('Câu trả lời thiếu khoản 3')).expect(201);
    const anonymous = await request(app).get('/v1/feedback').expect(401);
    expect(JSON.stringify(anonymous.body)).not.toContain('khoản 3');
    await request(app).get('/v1/feedback').set('x-api-key', 'sai-khoa').expect(401);
    const admin = await request(app).get('/v1/feedback').set('x-api-key', 'khoa').expect(200);
    expect(admin.body.feedback[0].comment).toBe('Câu trả lời thiếu khoản 3');
    expect(admin.headers['cache-control']).toBe('no-store');
  });

  it('is not readable at all while no admin key is configured', async () => {
    const { app } = await service({});
    await request(app).get('/v1/feedback').expect(403);
  });

  it('refuses writes past the storage quota, and the store stops growing', async () => {
    const probe = await service({});
    const store = new SqlFeedbackStore(probe.database.db);
    const empty = await store.sizeBytes();
    const quota = empty + 64 * 1024;
    const { app, database } = await service({ FEEDBACK_MAX_BYTES: String(quota) });
    const sized = new SqlFeedbackStore(database.db);
    // About 24 KB a rating that compression cannot shrink: without a quota, 40 of them take ~1 MB.
    const noise = (n: number, seed: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7919 + seed * 104729) % 26))).join('');
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await request(app).post('/v1/feedback').send({ ...rating(noise(2000, i)), answer: noise(20_000, i + 1000) })).status);
    expect(statuses.slice(0, 2)).toEqual([201, 201]);
    const first = statuses.indexOf(507);
    expect(first).toBeGreaterThan(0);
    expect(statuses.slice(first).every((s) => s === 507)).toBe(true);
    // One rating may land past the quota (the check precedes the write), never more.
    expect(await sized.sizeBytes()).toBeLessThan(quota + 64 * 1024);
  });

  it('limits each client’s writes with 429 and Retry-After', async () => {
    const { app } = await service({ RATE_LIMIT_FEEDBACK: '3' });
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await request(app).post('/v1/feedback').send(rating('ok'));
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.body.error).toMatchObject({ code: 'rate_limited' });
    expect(limited?.body.error.message_vi).toMatch(/phản hồi/);
  });
});
