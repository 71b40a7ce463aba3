import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createService, type Service } from '../src/service.js';
import { servedTestIndex } from './helpers/served-index.js';
import { TEST_INDEX_DIR } from './paths.js';

// Real clients against the real service listening on a loopback port: the official SDK and LangChain.
const VIEN_CHUC = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';
const KEY = 'sk-test-tro-ly';

let service: Service;
let server: Server;
let baseURL: string;
let client: OpenAI;

beforeAll(async () => {
  const config = loadConfig({ INDEX_DIR: TEST_INDEX_DIR, PGLITE_DIR: 'memory://', LOG_LEVEL: 'silent', API_KEYS: `other-key, ${KEY}`, ADMIN_API_KEY: 'admin' });
  service = await createService(config, { ...(await servedTestIndex()), logger: pino({ level: 'silent' }) });
  server = service.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  client = new OpenAI({ baseURL, apiKey: KEY, maxRetries: 0 });
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await service?.close();
});

describe('the official openai SDK as a client', () => {
  it('lists the assistant and the judge advisor as models', async () => {
    const ids = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toEqual(['tro-ly-phap-ly', 'tro-ly-phap-ly-tham-phan']);
    expect((await client.models.retrieve('tro-ly-phap-ly-tham-phan')).object).toBe('model');
  });

  it('answers the appointment-term question citing Điều 37 Luật Viên chức, with a sources list in the text', async () => {
    const completion = await client.chat.completions.create({ model: 'tro-ly-phap-ly', messages: [{ role: 'user', content: VIEN_CHUC }], temperature: 0.2, max_tokens: 400 });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const text = completion.choices[0]?.message.content ?? '';
    expect(text).toContain('không quá 05 năm [1]');
    expect(text).toMatch(/\n\nNguồn:\n\[1\] Khoản 2 Điều 37 Luật Viên chức/);
    // The structured citations ride along in a field the SDK passes through untouched.
    const extra = completion as unknown as { citations: { n: number; documentId: string; article: string; quote: string }[]; legal_assistant: { answer_id: string } };
    expect(extra.citations[0]).toMatchObject({ n: 1, documentId: 'laws/luat-vien-chuc', article: '37' });
    expect(extra.citations[0]?.quote).toContain('không quá 05 năm');
    expect(completion.id).toBe(`chatcmpl-${extra.legal_assistant.answer_id}`);
    // Every answer is in the audit log under its id.
    const audit = await fetch(`${baseURL}/admin/audit?limit=5`, { headers: { 'x-api-key': 'admin' } }).then((r) => r.json() as Promise<{ entries: { answerId: string; channel: string; model: string }[] }>);
    expect(audit.entries).toContainEqual(expect.objectContaining({ answerId: extra.legal_assistant.answer_id, channel: 'openai', model: 'tro-ly-phap-ly' }));
  });

  it('streams the same answer as chunks ending in a finish reason, then [DONE]', async () => {
    const whole = await client.chat.completions.create({ model: 'tro-ly-phap-ly', messages: [{ role: 'user', content: VIEN_CHUC }] });
    const stream = await client.chat.completions.create({ model: 'tro-ly-phap-ly', messages: [{ role: 'user', content: VIEN_CHUC }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((c) => c.choices[0]?.finish_reason === null)).toBe(true);
    const streamed = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(streamed).toBe(whole.choices[0]?.message.content);
    expect((chunks.at(-1) as unknown as { citations: { article: string }[] }).citations[0]?.article).toBe('37');
  });

  it('sends the raw stream in OpenAI’s wire format: data lines only, [DONE] last', async () => {
    const res = await fetch(`${baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ model: 'tro-ly-phap-ly', messages: [{ role: 'user', content: VIEN_CHUC }], stream: true }),
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await res.text()).split('\n\n').filter((e) => e !== '');
    expect(events.every((e) => e.startsWith('data: ') && !e.includes('\nevent:'))).toBe(true);
    expect(events.at(-1)).toBe('data: [DONE]');
  });

  it('reports errors in OpenAI’s shape, which the SDK turns into its typed errors', async () => {
    const unknownModel = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: VIEN_CHUC }] }).catch((e: unknown) => e);
    expect(unknownModel).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknownModel).toMatchObject({ status: 404, code: 'model_not_found', param: 'model', type: 'not_found_error' });
    expect((unknownModel as Error).message).toContain('tro-ly-phap-ly');

    const badRequest = await client.chat.completions.create({ model: 'tro-ly-phap-ly', messages: [{ role: 'assistant', content: 'Xin chào' }] }).catch((e: unknown) => e);
    expect(badRequest).toBeInstanceOf(OpenAI.BadRequestError);
    expect(badRequest).toMatchObject({ status: 400, param: 'messages', type: 'invalid_request_error' });
    expect((badRequest as { error: { message_vi: string } }).error.message_vi).toContain('tin nhắn cuối');

    const tooHot = await client.chat.completions.create({ model: 'tro-ly-phap-ly', messages: [{ role: 'user', content: VIEN_CHUC }], temperature: 3 }).catch((e: unknown) => e);
    expect(tooHot).toMatchObject({ status: 400, param: 'temperature' });

    const wrongKey = new OpenAI({ baseURL, apiKey: 'sk-wrong', maxRetries: 0 });
    const unauthorized = await wrongKey.models.list().catch((e: unknown) => e);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(unauthorized).toMatchObject({ status: 401, code: 'invalid_api_key' });
  });

  it('takes history from the client: a follow-up is rewritten with the earlier question, and the sources list sent back is ignored', async () => {
    const first = await client.chat.completions.create({ model: 'tro-ly-phap-ly', messages: [{ role: 'user', content: 'Người tố cáo có những nghĩa vụ gì theo Luật Tố tụng hành chính?' }] });
    const followUp = await client.chat.completions.create({
      model: 'tro-ly-phap-ly',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Người tố cáo có những nghĩa vụ gì theo Luật Tố tụng hành chính?' },
        { role: 'assistant', content: first.choices[0]?.message.content ?? '' },
        { role: 'user', content: [{ type: 'text', text: 'Còn theo Bộ luật tố tụng dân sự thì sao?' }] },
      ],
    });
    const meta = (followUp as unknown as { legal_assistant: { question: string }; citations: { documentId: string }[] });
    expect(meta.legal_assistant.question).toContain('Bộ luật tố tụng dân sự');
    expect(meta.citations[0]?.documentId).toBe('codes/bo-luat-to-tung-dan-su-2015');
  });
});

describe('the judge advisor model', () => {
  it('answers a dispute told in one plain sentence with provisions and similar judgments, which the assistant model treats as a question', async () => {
    const dispute = 'Con chó nhà hàng xóm lao ra đuổi làm tôi ngã xe máy, bị thương và hỏng xe; hàng xóm không chịu bồi thường chi phí điều trị.';
    const judge = await client.chat.completions.create({ model: 'tro-ly-phap-ly-tham-phan', messages: [{ role: 'user', content: dispute }] });
    const cited = (judge as unknown as { citations: { documentId: string; article: string | null }[] }).citations;
    expect(cited).toContainEqual(expect.objectContaining({ documentId: 'laws/bo-luat-dan-su', article: '584' }));
    expect(cited.some((c) => c.documentId.startsWith('judgments/'))).toBe(true);
    expect(judge.choices[0]?.message.content).toContain('Điều 584 Bộ luật dân sự');
    // Too short and without named parties to be taken as a fact pattern by the default assistant, which
    // answers it as a citizen's question (or offers provisions): no judgments, an outcome in the extra field.
    const assistant = await client.chat.completions.create({ model: 'tro-ly-phap-ly', messages: [{ role: 'user', content: dispute }] });
    const meta = assistant as unknown as { legal_assistant: { outcome: string }; citations: { documentId: string }[] };
    expect(['answer', 'suggest', 'refuse']).toContain(meta.legal_assistant.outcome);
    expect(meta.citations.some((c) => c.documentId.startsWith('judgments/'))).toBe(false);
  });
});

describe('LangChain ChatOpenAI pointed at the service', () => {
  const model = () => new ChatOpenAI({ model: 'tro-ly-phap-ly', apiKey: KEY, configuration: { baseURL }, maxRetries: 0 });

  it('invokes and gets the cited answer', async () => {
    const reply = await model().invoke(VIEN_CHUC);
    expect(reply.content).toContain('05 năm');
    expect(reply.content).toContain('Khoản 2 Điều 37 Luật Viên chức');
  });

  it('streams the same text', async () => {
    const whole = await model().invoke(VIEN_CHUC);
    let text = '';
    for await (const chunk of await model().stream(VIEN_CHUC)) text += typeof chunk.content === 'string' ? chunk.content : '';
    expect(text).toBe(whole.content);
  });
});
