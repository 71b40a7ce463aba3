import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlAuditLog } from '../src/audit/sql-audit-log.js';
import { SqlConversationStore } from '../src/conversations/sql-conversation-store.js';
import type { Database } from '../src/db/database.js';
import { openPgliteDatabase } from '../src/db/pglite-database.js';
import { servePgliteOver } from '../src/db/pglite-ipc.js';
import { openPostgresDatabase } from '../src/db/postgres-database.js';
import { importFeedbackFile } from '../src/feedback/import-feedback-file.js';
import { SqlFeedbackStore } from '../src/feedback/sql-feedback-store.js';
import { freshPostgresUrl, openTestDatabase, REQUIRE_POSTGRES, TEST_DATABASE_URL, type BackendName } from './helpers/test-databases.js';

const QUESTION = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';
const ANSWER = 'Theo khoản 2 Điều 37 Luật Viên chức: … được bổ nhiệm có thời hạn không quá 05 năm [1].';

it('has a PostgreSQL server to test against wherever CI runs', () => {
  // .ci/run starts a cluster and sets TEST_DATABASE_URL; locally the postgres suites below are skipped without one.
  if (REQUIRE_POSTGRES) expect(TEST_DATABASE_URL, 'TEST_DATABASE_URL must be set in CI').toBeDefined();
});

const backends: BackendName[] = ['pglite', 'pglite-ipc', 'postgres'];

for (const kind of backends) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`stores on ${kind}`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.close();
    });

    it('keeps ratings with their Vietnamese text, newest first, absent fields left out', async () => {
      const store = new SqlFeedbackStore(database.db);
      const first = await store.append({ rating: 'helpful', comment: 'Rất hữu ích, trích dẫn đúng điều khoản', question: QUESTION, citations: ['Khoản 2 Điều 37 Luật Viên chức'], mode: 'extractive' });
      const second = await store.append({ rating: 'not_helpful' });
      expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
      const listed = await store.list(10);
      expect(listed.map((r) => r.id)).toEqual([second.id, first.id]);
      expect(listed[1]).toEqual(first);
      expect(listed[0]).toEqual({ id: second.id, createdAt: second.createdAt, rating: 'not_helpful' });
      expect(await store.list(1)).toHaveLength(1);
    });

    it('appends turns to a conversation in order and returns them with the stored answer', async () => {
      const store = new SqlConversationStore(database.db);
      const c = await store.create();
      expect(c.title).toBeNull();
      expect(await store.exists(c.id)).toBe(true);
      const answer = { answer: ANSWER, citations: [{ n: 1, label: 'Khoản 2 Điều 37 Luật Viên chức' }], mode: 'extractive' };
      expect(await store.appendTurn(c.id, QUESTION, { answerId: '6f1c1b8e-1c1e-4a53-9a8e-2f7d8c1e0a11', content: ANSWER, answer })).toBe(true);
      expect(await store.appendTurn(c.id, 'Còn công chức thì sao?', { answerId: '7a2d2c9f-2d2f-4b64-8b9f-3e8e9d2f1b22', content: 'Không tìm thấy căn cứ', answer: { refused: true } })).toBe(true);
      const got = await store.get(c.id);
      expect(got?.title).toBe(QUESTION);
      expect(got?.messages.map((m) => [m.role, m.content])).toEqual([
        ['user', QUESTION],
        ['assistant', ANSWER],
        ['user', 'Còn công chức thì sao?'],
        ['assistant', 'Không tìm thấy căn cứ'],
      ]);
      expect(got?.messages[1]).toMatchObject({ answerId: '6f1c1b8e-1c1e-4a53-9a8e-2f7d8c1e0a11', answer });
      expect(got?.messages[0]).not.toHaveProperty('answer');
      expect(Date.parse(got!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(got!.createdAt));
      // The newest messages when a cap is given, still in order.
      expect((await store.get(c.id, 2))?.messages.map((m) => m.content)).toEqual(['Còn công chức thì sao?', 'Không tìm thấy căn cứ']);
    });

    it('refuses a turn for a conversation that does not exist, storing nothing', async () => {
      const store = new SqlConversationStore(database.db);
      const missing = '00000000-0000-4000-8000-000000000000';
      expect(await store.appendTurn(missing, QUESTION, { answerId: '6f1c1b8e-1c1e-4a53-9a8e-2f7d8c1e0a11', content: ANSWER, answer: {} })).toBe(false);
      expect(await store.get(missing)).toBeUndefined();
      expect(await store.exists(missing)).toBe(false);
    });

    it('logs answered questions with their answer ids, newest first', async () => {
      const audit = new SqlAuditLog(database.db);
      await audit.record({ answerId: '6f1c1b8e-1c1e-4a53-9a8e-2f7d8c1e0a11', channel: 'chat', question: QUESTION, mode: 'extractive', refused: false, citations: ['Khoản 2 Điều 37 Luật Viên chức'] });
      await audit.record({ answerId: '7a2d2c9f-2d2f-4b64-8b9f-3e8e9d2f1b22', channel: 'openai', model: 'tro-ly-phap-ly', requestId: 'req-1', question: 'Giá vé máy bay?', mode: 'extractive', refused: true, citations: [] });
      const [newest, older] = await audit.list(2);
      expect(newest).toMatchObject({ answerId: '7a2d2c9f-2d2f-4b64-8b9f-3e8e9d2f1b22', channel: 'openai', model: 'tro-ly-phap-ly', requestId: 'req-1', refused: true, citations: [] });
      expect(older).toMatchObject({ answerId: '6f1c1b8e-1c1e-4a53-9a8e-2f7d8c1e0a11', channel: 'chat', question: QUESTION, citations: ['Khoản 2 Điều 37 Luật Viên chức'] });
      expect(older).not.toHaveProperty('model');
    });
  });
}

describe('what users wrote survives a restart', () => {
  it('on embedded PGlite: a closed and reopened data folder keeps ratings and conversations', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'pglite-')), 'db');
    const first = await openPgliteDatabase(dir);
    const rating = await new SqlFeedbackStore(first.db).append({ rating: 'helpful', comment: 'Đúng Điều 37' });
    const c = await new SqlConversationStore(first.db).create();
    await new SqlConversationStore(first.db).appendTurn(c.id, QUESTION, { answerId: '6f1c1b8e-1c1e-4a53-9a8e-2f7d8c1e0a11', content: ANSWER, answer: {} });
    await first.close();

    const second = await openPgliteDatabase(dir); // migrations run again: nothing left to apply
    expect(await new SqlFeedbackStore(second.db).list()).toEqual([rating]);
    expect((await new SqlConversationStore(second.db).get(c.id))?.messages.map((m) => m.content)).toEqual([QUESTION, ANSWER]);
    await second.close();
  });

  it.skipIf(!TEST_DATABASE_URL)('on a PostgreSQL server: a new connection pool sees what the last one wrote', async () => {
    const { url, drop } = await freshPostgresUrl();
    try {
      const first = await openPostgresDatabase(url);
      const rating = await new SqlFeedbackStore(first.db).append({ rating: 'not_helpful', comment: 'Thiếu căn cứ' });
      const c = await new SqlConversationStore(first.db).create();
      await new SqlConversationStore(first.db).appendTurn(c.id, QUESTION, { answerId: '6f1c1b8e-1c1e-4a53-9a8e-2f7d8c1e0a11', content: ANSWER, answer: {} });
      await first.close();
      const second = await openPostgresDatabase(url);
      expect(await new SqlFeedbackStore(second.db).list()).toEqual([rating]);
      expect((await new SqlConversationStore(second.db).get(c.id))?.messages).toHaveLength(2);
      await second.close();
    } finally {
      await drop();
    }
  });
});

it('imports the JSON Lines ratings of earlier versions once, skipping a torn last line', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fb-'));
  const file = path.join(dir, 'feedback.jsonl');
  const old = { id: '0b8e2f9c-5d1a-4c3e-9f2b-7a6d5c4b3a21', createdAt: '2025-01-02T03:04:05.000Z', rating: 'helpful', comment: 'Tốt', citations: ['Điều 95 Luật Hôn nhân và gia đình'] };
  writeFileSync(file, `${JSON.stringify(old)}\n{"id":"torn`, 'utf8');
  const database = await openPgliteDatabase('memory://');
  const store = new SqlFeedbackStore(database.db);
  expect(await importFeedbackFile(file, store)).toBe(1);
  expect(existsSync(file)).toBe(false);
  expect(existsSync(`${file}.imported`)).toBe(true);
  expect(await importFeedbackFile(file, store)).toBe(0);
  expect(await store.list()).toEqual([old]);
  await database.close();
});

it('serves a real forked worker its SQL over IPC from the primary’s PGlite', async () => {
  const primary = await openPgliteDatabase('memory://');
  const child = fork(path.resolve('test/fixtures/pglite-ipc-worker.ts'), [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  servePgliteOver(child, primary.client);
  const result = await new Promise<{ listed: { comment?: string }[]; messages: string[] }>((resolve, reject) => {
    child.on('message', (m) => {
      if ((m as { type?: string }).type === 'result') resolve(m as { listed: { comment?: string }[]; messages: string[] });
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  child.kill();
  // The worker's writes are in the primary's database.
  expect(result.listed[0]?.comment).toBe('Ghi từ tiến trình con');
  expect(await new SqlFeedbackStore(primary.db).list()).toHaveLength(1);
  expect(result.messages).toEqual([QUESTION, ANSWER]);
  await primary.close();
});
