import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalibratedPolicy, type DecisionModel } from '../src/answer/answer-decision.js';
import { ChatService } from '../src/answer/chat-service.js';
import { ExtractiveAnswerGenerator } from '../src/answer/extractive-answer-generator.js';
import { OpenAiChatClient } from '../src/answer/openai-chat-client.js';
import { LlmQuestionRewriter } from '../src/answer/question-rewriter.js';
import { loadConfig } from '../src/config.js';
import type { ServedIndex } from '../src/index/served-index.js';
import { createRetriever } from '../src/retrieval/create-retriever.js';
import type { HybridRetriever } from '../src/retrieval/hybrid-retriever.js';
import { FEATURE_NAMES } from '../src/retrieval/rerank-features.js';
import { loadDecisionModel, loadServingResources } from '../src/service.js';
import { servedTestIndex } from './helpers/served-index.js';

let index: ServedIndex;
let retriever: HybridRetriever;
let model: DecisionModel;

beforeAll(async () => {
  index = (await servedTestIndex()).index;
  retriever = createRetriever(index, loadServingResources(loadConfig()).resources);
  model = loadDecisionModel();
});

const articleOf = (h: { chunk: { documentId: string; article?: string } } | undefined) => (h ? `${h.chunk.documentId}#${h.chunk.article}` : undefined);
const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('questions in everyday words find the law (thesaurus, chat spelling, accents)', () => {
  it('an everyday phrase: "sếp nợ lương" finds Điều 97 Bộ luật Lao động (Kỳ hạn trả lương)', async () => {
    const res = await retriever.search('Sếp nợ lương hai tháng rồi thì em phải làm gì?', 5);
    expect(articleOf(res.hits[0])).toBe('codes/bo-luat-lao-dong-2019#97');
    expect(res.expansions.find((e) => e.phrase.toLowerCase() === 'sếp')?.targets).toContain('người sử dụng lao động');
  });

  it('typed on a phone without accents and in chat spelling, it is the same question', async () => {
    const res = await retriever.search('cty no luong 2 thang ko tra thi lam sao', 5);
    expect(res.query).toContain('nợ lương');
    expect(res.query).toContain('không trả');
    expect(articleOf(res.hits[0])).toBe('codes/bo-luat-lao-dong-2019#97');
  });

  it('an abbreviation: "CCCD" is the citizen identity card of Luật Căn cước', async () => {
    const res = await retriever.search('làm lại CCCD bị mất thì sao', 5);
    expect(res.expansions.some((e) => e.phrase === 'CCCD' && e.kind.includes('abbreviation'))).toBe(true);
    expect(articleOf(res.hits[0])).toBe('laws/luat-can-cuoc#24');
  });

  it('a definition mined from the corpus: a defined term brings the words of its definition', async () => {
    expect(index.definitions.some((d) => d.from === 'bồi thường về đất' && d.source.startsWith('laws/luat-dat-dai Điều 3'))).toBe(true);
    const res = await retriever.search('Nhà nước trả lại giá trị quyền sử dụng đất khi thu hồi đất thế nào?', 5);
    const mined = res.expansions.find((e) => e.kind.includes('definition'));
    expect(mined?.targets).toContain('bồi thường về đất');
    expect(res.hits[0]?.chunk.documentId).toBe('laws/luat-dat-dai');
  });

  it('counts a phrase the thesaurus explains as covered, and says which words the corpus does not know', async () => {
    const res = await retriever.search('Sếp nợ lương thì sao?', 3);
    const top = res.hits[0]!;
    const [plain, expanded] = [top.features[FEATURE_NAMES.indexOf('unigramCoverage')]!, top.features[FEATURE_NAMES.indexOf('expandedCoverage')]!];
    expect(expanded).toBeGreaterThan(plain);
    expect(res.unknownShare).toBe(0);
    const unknown = await retriever.search('Đội tuyển bóng đá nào vô địch World Cup?', 3);
    expect(unknown.unknownShare).toBeGreaterThan(0.3);
  });
});

describe('answer, suggest or refuse', () => {
  const extractive = new ExtractiveAnswerGenerator();

  it('refuses a question on a law the corpus lacks, naming that law, and cites nothing', async () => {
    const chat = new ChatService({ retriever, generator: extractive, policy: new CalibratedPolicy(model) });
    const r = await chat.answer(ask('Theo Luật Doanh nghiệp 2020 thì công ty TNHH hai thành viên có tối đa bao nhiêu thành viên?'));
    expect(r.outcome).toBe('refuse');
    expect(r.refused).toBe(true);
    expect(r.citations).toEqual([]);
    expect(r.answer).toContain('Cơ sở dữ liệu chưa có Luật Doanh nghiệp');
  });

  it('answers a figure asked for a reporting period from that period\'s briefing, with its date, hedges and all', async () => {
    const chat = new ChatService({ retriever, generator: extractive, policy: new CalibratedPolicy(model) });
    const year = await chat.answer(ask('Doanh thu bưu chính năm 2023 đạt bao nhiêu?'));
    expect(year.outcome).toBe('answer');
    expect(year.answer).toContain('58.900 tỷ đồng');
    expect(year.answer).toContain('29/12/2023');
    expect(year.citations[0]?.documentId).toBe('briefings/2023-12-29-tong-ket-nam-2023');
    // `khoảng` is a hedge, not a word the briefing must repeat; the sentence is cut where the web text glued the next one on.
    const month = await chat.answer(ask('Tháng 8/2022 doanh thu bưu chính được khoảng bao nhiêu?'));
    expect(month.outcome).toBe('answer');
    expect(month.answer).toContain('5.000 tỷ đồng');
    expect(month.answer).toContain('29/08/2022');
    expect(month.answer).not.toContain('185.513');
    // A year does not make a briefing the answer to what no briefing reports.
    expect((await chat.answer(ask('giá vàng năm 2023 là bao nhiêu'))).outcome).not.toBe('answer');
  });

  it('"gợi ý": when not sure, lists the three likeliest provisions with their titles and asks which is meant', async () => {
    // A policy that is never sure enough to answer, to see the suggestion itself on real text.
    const suggestOnly = { answerable: { answerRight: -9, answerWrong: -9, suggestRight: 1, suggestWrong: 1, refuse: -9 }, unanswerable: { answer: -9, suggest: 1, refuse: -9 } };
    const unsure = new CalibratedPolicy({ ...model, utility: suggestOnly });
    const chat = new ChatService({ retriever, generator: extractive, policy: unsure });
    const r = await chat.answer(ask('Sếp nợ lương thì em làm sao?'));
    expect(r.outcome).toBe('suggest');
    expect(r.refused).toBe(false);
    expect(r.citations).toEqual([]);
    expect(r.suggestions).toHaveLength(3);
    expect(new Set(r.suggestions.map((s) => `${s.documentId}#${s.article}`)).size).toBe(3);
    expect(r.suggestions).toContainEqual({ documentId: 'codes/bo-luat-lao-dong-2019', article: '97', title: 'Kỳ hạn trả lương', label: 'Điều 97 Bộ luật Lao động 2019' });
    expect(r.answer).toMatch(/^[123]\. Điều 97 Bộ luật Lao động 2019 — Kỳ hạn trả lương$/m);
    expect(r.answer).toContain('Bạn muốn hỏi về quy định nào?');
  });

  it('answers from the article a "gợi ý" button names', async () => {
    const chat = new ChatService({ retriever, generator: extractive, policy: new CalibratedPolicy(model) });
    const r = await chat.answer(ask('Điều 97 Bộ luật Lao động 2019: Sếp nợ lương thì em làm sao?'));
    expect(r.outcome).toBe('answer');
    expect(r.citations[0]).toMatchObject({ documentId: 'codes/bo-luat-lao-dong-2019', article: '97' });
  });
});

describe('an LLM endpoint rewrites the question into legal terms before retrieval', () => {
  let server: http.Server;
  let url: string;
  const seen: string[] = [];
  let reply = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (p: Buffer) => parts.push(p));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as { messages: { role: string; content: string }[] };
        seen.push(body.messages.at(-1)!.content);
        if (!reply) return void res.writeHead(503).end('{"error":{"message":"down"}}');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 0, model: 'stub', choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }] }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const chatWith = () => {
    const client = new OpenAiChatClient({ baseUrl: url, model: 'stub', timeoutMs: 2000, maxRetries: 0 });
    return new ChatService({ retriever, generator: new ExtractiveAnswerGenerator(), policy: new CalibratedPolicy(model), rewriter: new LlmQuestionRewriter(client) });
  };

  it('searches the typed words and the rewrite together, and reports the rewrite', async () => {
    reply = 'Người sử dụng lao động đơn phương chấm dứt hợp đồng lao động trái pháp luật thì phải làm gì?';
    const question = 'Bị công ty cho nghỉ ngang không báo trước thì đòi được gì?';
    const r = await chatWith().answer(ask(question));
    expect(seen.at(-1)).toBe(question);
    expect(r.rewritten).toBe(reply);
    expect(r.search.expansions.some((e) => e.kind === 'rewrite' && e.targets[0] === reply)).toBe(true);
    const top3 = r.search.hits.slice(0, 3).map((h) => h.chunk.articleTitle ?? '');
    expect(top3.some((t) => /đơn phương chấm dứt hợp đồng lao động trái pháp luật/i.test(t))).toBe(true);
  });

  it('falls back to the typed words when the endpoint fails', async () => {
    reply = '';
    const r = await chatWith().answer(ask('Sếp nợ lương hai tháng rồi thì em phải làm gì?'));
    expect(r.rewritten).toBeUndefined();
    expect(articleOf(r.search.hits[0])).toBe('codes/bo-luat-lao-dong-2019#97');
  });
});
