import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { createService } from '../src/service.js';
import { TEST_INDEX_DIR } from './paths.js';

const VIEN_CHUC = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';
const logger = pino({ level: 'silent' });
let index: CorpusIndex;

type Message = { role: string; content: string };
// The page's module is plain browser ESM with no DOM use, so Node runs it as is.
const historyModule: string = path.resolve('web/js/history.js');
let trimHistory: (history: Message[], question: string) => Message[];

beforeAll(async () => {
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  ({ trimHistory } = (await import(historyModule)) as { trimHistory: typeof trimHistory });
});

/** A service on an embedded database in `dir`, as `npm start` runs it. */
async function serviceOn(dir: string) {
  const config = loadConfig({ INDEX_DIR: TEST_INDEX_DIR, PGLITE_DIR: dir, FEEDBACK_FILE: path.join(dir, 'none.jsonl'), LOG_LEVEL: 'silent', ADMIN_API_KEY: 'admin' });
  return createService(config, { index, logger });
}

describe('conversation threads, feedback and the audit log over HTTP', () => {
  it('keeps a conversation, its answers, ratings and the audit log across a restart', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'svc-')), 'pglite');
    const first = await serviceOn(dir);
    const created = await request(first.app).post('/v1/conversations').expect(201);
    const id = created.body.id as string;
    const answered = await request(first.app).post('/v1/chat').send({ conversationId: id, messages: [{ role: 'user', content: VIEN_CHUC }] }).expect(200);
    expect(answered.body.answerId).toMatch(/^[0-9a-f-]{36}$/);
    await request(first.app).post('/v1/feedback').send({ rating: 'helpful', comment: 'Đúng Điều 37', question: VIEN_CHUC }).expect(201);
    await first.close();

    const second = await serviceOn(dir);
    const thread = await request(second.app).get(`/v1/conversations/${id}`).expect(200);
    expect(thread.body.title).toBe(VIEN_CHUC);
    expect(thread.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(thread.body.messages[1]).toMatchObject({ answerId: answered.body.answerId, content: answered.body.answer });
    expect(thread.body.messages[1].answer.citations[0]).toMatchObject({ documentId: 'laws/luat-vien-chuc', article: '37' });
    expect((await request(second.app).get('/v1/feedback').set('x-api-key', 'admin').expect(200)).body.feedback[0]).toMatchObject({ rating: 'helpful', comment: 'Đúng Điều 37' });
    const audit = await request(second.app).get('/v1/admin/audit').set('x-api-key', 'admin').expect(200);
    expect(audit.body.entries[0]).toMatchObject({ answerId: answered.body.answerId, channel: 'chat', conversationId: id, refused: false });
    expect(audit.body.entries[0].citations[0]).toContain('Điều 37 Luật Viên chức');
    await second.close();
  });

  it('streams into a thread too, and answers 404 for an unknown or malformed conversation before answering', async () => {
    const svc = await serviceOn('memory://');
    const id = (await request(svc.app).post('/v1/conversations').expect(201)).body.id as string;
    await request(svc.app).post('/v1/chat').send({ conversationId: id, stream: true, messages: [{ role: 'user', content: VIEN_CHUC }] }).expect(200);
    expect((await request(svc.app).get(`/v1/conversations/${id}`).expect(200)).body.messages).toHaveLength(2);

    const unknown = await request(svc.app).post('/v1/chat').send({ conversationId: '00000000-0000-4000-8000-000000000000', messages: [{ role: 'user', content: VIEN_CHUC }] }).expect(404);
    expect(unknown.body.error).toMatchObject({ code: 'conversation_not_found', field: 'conversationId' });
    await request(svc.app).get('/v1/conversations/khong-phai-uuid').expect(404);
    const malformed = await request(svc.app).post('/v1/chat').send({ conversationId: 'abc', messages: [{ role: 'user', content: VIEN_CHUC }] }).expect(400);
    expect(malformed.body.error.field).toBe('conversationId');
    await request(svc.app).get('/v1/admin/audit').expect(401);
    await svc.close();
  });
});

describe("the page's history trimming", () => {
  it('keeps a long conversation under the body limit, newest whole turns first, and the server takes it', async () => {
    const long = 'Theo khoản 2 Điều 37 Luật Viên chức, viên chức giữ chức vụ quản lý được bổ nhiệm có thời hạn không quá 05 năm. '.repeat(35).slice(0, 3990);
    const history = Array.from({ length: 30 }, (_, i) => [
      { role: 'user', content: `Câu hỏi số ${i}: ${VIEN_CHUC}` },
      { role: 'assistant', content: long },
    ]).flat();
    const untrimmed = JSON.stringify({ messages: [...history.slice(-38), { role: 'user', content: VIEN_CHUC }], stream: true });
    expect(Buffer.byteLength(untrimmed)).toBeGreaterThan(64 * 1024); // what the page used to send: 413

    const kept = trimHistory(history, VIEN_CHUC);
    expect(kept.length % 2).toBe(0);
    expect(kept.at(-2)?.content).toBe(`Câu hỏi số 29: ${VIEN_CHUC}`);
    expect(kept.length).toBeLessThan(history.length);
    const body = { messages: [...kept, { role: 'user', content: VIEN_CHUC }], filters: { kinds: ['law'], inForceOnly: true } };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(64 * 1024);

    const svc = await serviceOn('memory://');
    await request(svc.app).post('/v1/chat').send(body).expect(200);
    await svc.close();
  });
});
