import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createService } from '../src/service.js';
import { servedTestIndex } from './helpers/served-index.js';
import { TEST_INDEX_DIR } from './paths.js';

type App = Awaited<ReturnType<typeof createService>>['app'];
let app: App;

const VIEN_CHUC = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';

beforeAll(async () => {
  const feedback = path.join(mkdtempSync(path.join(os.tmpdir(), 'fb-')), 'feedback.jsonl');
  const config = loadConfig({ INDEX_DIR: TEST_INDEX_DIR, FEEDBACK_FILE: feedback, LOG_LEVEL: 'silent', ADMIN_API_KEY: 'secret', PGLITE_DIR: 'memory://' });
  ({ app } = await createService(config, { ...(await servedTestIndex()), logger: pino({ level: 'silent' }) }));
});

const chat = (content: string) => request(app).post('/v1/chat').send({ messages: [{ role: 'user', content }] });

describe('POST /v1/chat on the real corpus', () => {
  it('cites Điều 37 Luật Viên chức for the appointment term, quoting the 05-year clause', async () => {
    const res = await chat(VIEN_CHUC).expect(200);
    expect(res.body.refused).toBe(false);
    expect(res.body.mode).toBe('extractive');
    const first = res.body.citations[0];
    expect(first).toMatchObject({ documentId: 'laws/luat-vien-chuc', article: '37', clause: '2' });
    expect(first.quote).toContain('không quá 05 năm');
    expect(res.body.answer).toContain('05 năm');
    // The quoted span is exactly the document text at the cited offsets.
    const doc = await request(app).get('/v1/documents/laws%2Fluat-vien-chuc').expect(200);
    expect(doc.body.text.slice(first.start, first.end)).toBe(first.quote);
  });

  it('answers the 2023 postal revenue with 58.900 tỷ đồng and the 29/12/2023 briefing', async () => {
    const res = await chat('Doanh thu dịch vụ bưu chính năm 2023 đạt bao nhiêu?').expect(200);
    expect(res.body.answer).toContain('58.900 tỷ đồng');
    expect(res.body.answer).toContain('29/12/2023');
    expect(res.body.citations[0].documentId).toBe('briefings/2023-12-29-tong-ket-nam-2023');
    expect(res.body.citations[0].date).toBe('2023-12-29');
  });

  it('never quotes another indicator’s figure from a briefing', async () => {
    // The Q3/2023 briefing reports no postal revenue; its section on information security has "Doanh thu Quý III/2023 đạt 1.232 tỷ đồng".
    const res = await chat('Doanh thu bưu chính quý III/2023 đạt bao nhiêu?').expect(200);
    expect(res.body.answer).not.toContain('1.232');
    const cable = await chat('Tỷ lệ hộ gia đình sử dụng cáp quang là bao nhiêu?').expect(200);
    expect(cable.body.answer).toContain('cáp quang');
    expect(cable.body.citations[0].date).toBe('2024-12-09');
  });

  it('gives the same top citation to a question typed without diacritics', async () => {
    const withAccents = await chat(VIEN_CHUC).expect(200);
    const without = await chat('thoi han duoc bo nhiem giu chuc vu quan ly cua vien chuc toi da la bao nhieu nam?').expect(200);
    expect(without.body.citations[0].label).toBe(withAccents.body.citations[0].label);
  });

  it('refuses a question the corpus has no basis for, citing nothing', async () => {
    const res = await chat('Giá vé máy bay từ Hà Nội đi Paris là bao nhiêu?').expect(200);
    expect(res.body.refused).toBe(true);
    expect(res.body.citations).toEqual([]);
    expect(res.body.answer).toMatch(/Không tìm thấy căn cứ/);
  });

  it('does not answer when the words are common but their pairs are not in the corpus', async () => {
    // Each word of "công thức nấu phở bò ngon nhất" but "phở" occurs in some law; the dish does not.
    // A refusal or a "gợi ý" is right; a cited answer is not.
    const res = await chat('Công thức nấu phở bò ngon nhất?').expect(200);
    expect(['refuse', 'suggest']).toContain(res.body.outcome);
    expect(res.body.citations).toEqual([]);
  });

  it('answers a question that names an article from that article', async () => {
    const res = await chat('Điều 95 Luật HN&GĐ quy định gì?').expect(200);
    expect(res.body.citations[0]).toMatchObject({ documentId: 'laws/luat-hon-nhan-va-gia-dinh', article: '95' });
    expect(res.body.answer).toContain('mang thai hộ');
  });

  it('streams the answer as Server-Sent Events, then the citations', async () => {
    const res = await request(app)
      .post('/v1/chat')
      .send({ messages: [{ role: 'user', content: VIEN_CHUC }], stream: true })
      .buffer(true)
      .parse((r, cb) => {
        let data = '';
        r.on('data', (c: Buffer) => (data += c.toString('utf8')));
        r.on('end', () => cb(null, data));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    const events = String(res.body)
      .trim()
      .split('\n\n')
      .map((block) => ({ event: block.match(/^event: (.+)$/m)?.[1], data: JSON.parse(block.match(/^data: (.+)$/m)?.[1] ?? 'null') }));
    const deltas = events.filter((e) => e.event === 'delta');
    const done = events.at(-1)!;
    expect(deltas.length).toBeGreaterThan(3);
    expect(done.event).toBe('done');
    expect(deltas.map((d) => d.data.text).join('')).toBe(done.data.answer);
    expect(done.data.citations[0].article).toBe('37');
  });

  it('rewrites a follow-up with the conversation before retrieval', async () => {
    const res = await request(app)
      .post('/v1/chat')
      .send({ messages: [{ role: 'user', content: 'Người tố cáo có những nghĩa vụ gì theo Luật Tố tụng hành chính?' }, { role: 'assistant', content: '…' }, { role: 'user', content: 'Còn theo Bộ luật tố tụng dân sự thì sao?' }] })
      .expect(200);
    expect(res.body.question).toContain('Bộ luật tố tụng dân sự');
    expect(res.body.citations[0].documentId).toBe('codes/bo-luat-to-tung-dan-su-2015');
  });
});

describe('POST /v1/search', () => {
  it('resolves a legal reference with an alias and returns a citation label', async () => {
    const res = await request(app).post('/v1/search').send({ query: 'khoản 2 Điều 123 Bộ luật hình sự', k: 3 }).expect(200);
    expect(res.body.hits[0]).toMatchObject({ article: '123', label: expect.stringContaining('Điều 123 Bộ luật hình sự 2015') });
    expect(res.body.hits[0].document.number).toBe('100/2015/QH13');
  });

  it('applies filters', async () => {
    const res = await request(app).post('/v1/search').send({ query: 'doanh thu bưu chính', k: 5, filters: { kinds: ['briefing'], dateFrom: '2024-01-01' } }).expect(200);
    expect(res.body.hits.length).toBeGreaterThan(0);
    for (const h of res.body.hits) expect(h.document.meetingDate >= '2024-01-01').toBe(true);
  });
});

describe('errors and service routes', () => {
  it('rejects malformed bodies with 400 naming the field in Vietnamese and English', async () => {
    const a = await request(app).post('/v1/search').send({ query: 42 }).expect(400);
    expect(a.body.error).toMatchObject({ code: 'invalid_request', field: 'query' });
    expect(a.body.error.message_vi).toMatch(/trường "query"/);
    const b = await request(app).post('/v1/chat').send({ messages: [] }).expect(400);
    expect(b.body.error.field).toBe('messages');
    const c = await request(app).post('/v1/search').set('content-type', 'application/json').send('{"query": ').expect(400);
    expect(c.body.error.code).toBe('invalid_json');
    await request(app).post('/v1/search').send({ query: 'x', k: 500 }).expect(400);
  });

  it('answers 404 for unknown routes and documents, 413 for oversized bodies', async () => {
    await request(app).get('/v1/nothing').expect(404);
    await request(app).get('/v1/documents/laws%2Fkhong-co').expect(404);
    await request(app).get('/v1/documents/laws%2Fluat-vien-chuc/articles/999').expect(404);
    const big = await request(app).post('/v1/search').send({ query: 'a'.repeat(200_000) }).expect(413);
    expect(big.body.error.code).toBe('payload_too_large');
  });

  it('serves an article behind a citation', async () => {
    const res = await request(app).get('/v1/documents/laws%2Fluat-vien-chuc/articles/37').expect(200);
    expect(res.body.article.title).toBe('Bổ nhiệm viên chức quản lý');
    expect(res.body.article.clauses.map((c: { number: string }) => c.number)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('reports health, OpenAPI from the zod schemas, and Prometheus metrics', async () => {
    const h = await request(app).get('/healthz').expect(200);
    expect(h.body).toMatchObject({ status: 'ok', documents: 88 });
    expect(h.body.chunks).toBeGreaterThan(5000);
    const o = await request(app).get('/openapi.json').expect(200);
    expect(o.body.paths['/v1/search'].post.requestBody.content['application/json'].schema.properties.query.type).toBe('string');
    const m = await request(app).get('/metrics').expect(200);
    expect(m.text).toContain('http_request_duration_seconds');
  });

  it('stores feedback append-only and reads it back with the admin key', async () => {
    await request(app).post('/v1/feedback').send({ rating: 'helpful', comment: 'Rất hữu ích', question: VIEN_CHUC }).expect(201);
    await request(app).post('/v1/feedback').send({ rating: 'maybe' }).expect(400);
    // Users' questions and comments are read back with the admin key only.
    await request(app).get('/v1/feedback').expect(401);
    const res = await request(app).get('/v1/feedback').set('x-api-key', 'secret').expect(200);
    expect(res.body.feedback[0]).toMatchObject({ rating: 'helpful', comment: 'Rất hữu ích' });
  });

  it('guards the admin ingest route with the API key', async () => {
    await request(app).post('/v1/admin/ingest').send({}).expect(401);
    await request(app).post('/v1/admin/ingest').set('x-api-key', 'wrong!').send({}).expect(401);
  });
});
