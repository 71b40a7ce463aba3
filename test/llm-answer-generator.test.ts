import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer, AnswerGenerator, AnswerRequest, ChatMessage, Passage } from '../src/answer/answer-generator.js';
import { LlmAnswerGenerator } from '../src/answer/llm-answer-generator.js';
import { REFUSAL_PHRASE } from '../src/answer/llm-prompt.js';
import { LlmCallError } from '../src/answer/chat-client.js';
import { openAiBaseUrl, OpenAiChatClient, type OpenAiChatClientOptions } from '../src/answer/openai-chat-client.js';
import { splitSentences } from '../src/answer/sentences.js';
import type { Chunk } from '../src/types/chunk.js';
import type { DocumentMeta } from '../src/types/legal-document.js';

// ---------------------------------------------------------------- corpus fixtures

const LAW_TEXT = [
  'LUẬT VIÊN CHỨC',
  '',
  'Điều 36. Điều kiện bổ nhiệm',
  '1. Viên chức được bổ nhiệm khi đáp ứng tiêu chuẩn, điều kiện của chức vụ quản lý.',
  '',
  'Điều 37. Bổ nhiệm viên chức quản lý',
  '1. Việc bổ nhiệm viên chức quản lý phải căn cứ vào nhu cầu của đơn vị sự nghiệp công lập, tiêu chuẩn, điều kiện của chức vụ quản lý và theo đúng thẩm quyền, trình tự, thủ tục.',
  '',
  '2. Căn cứ vào điều kiện cụ thể của đơn vị sự nghiệp công lập, viên chức giữ chức vụ quản lý được bổ nhiệm có thời hạn không quá 05 năm. Trong thời gian giữ chức vụ quản lý, viên chức được hưởng phụ cấp chức vụ quản lý; được tham gia hoạt động nghề nghiệp theo chức danh nghề nghiệp đã được bổ nhiệm.',
  '',
  '3. Khi viên chức quản lý hết thời hạn giữ chức vụ quản lý, phải xem xét bổ nhiệm lại hoặc không bổ nhiệm lại.',
  '',
  'Điều 38. Quyền của viên chức quản lý',
  '',
].join('\n');

const BRIEFING_TEXT = [
  'Bộ TT&TT tổng kết công tác năm 2023',
  '',
  'Hoạt động bưu chính tiếp tục có bước chuyển dịch mạnh mẽ với sự bùng nổ của thương mại điện tử góp phần thúc đẩy kinh tế số. Năm 2023, doanh thu dịch vụ bưu chính đạt 58.900 tỷ đồng, tăng 9,3% so với năm 2022. Việt Nam thăng 1 hạng theo xếp hạng chỉ số phát triển bưu chính năm 2023.',
  '',
].join('\n');

const lawDoc: DocumentMeta = {
  id: 'laws/luat-vien-chuc',
  sourcePath: 'laws/luat-vien-chuc.txt',
  kind: 'law',
  docType: 'Luật',
  title: 'Luật Viên chức',
  number: '58/2010/QH12',
  status: 'in_force',
  contentHash: 'a'.repeat(64),
};

const briefingDoc: DocumentMeta = {
  id: 'briefings/2023-12-29-tong-ket-nam-2023',
  sourcePath: 'briefings/2023-12-29-tong-ket-nam-2023.txt',
  kind: 'briefing',
  docType: 'Báo cáo giao ban',
  title: 'Bộ TT&TT tổng kết công tác năm 2023',
  meetingDate: '2023-12-29',
  period: 'Năm 2023',
  status: 'unknown',
  contentHash: 'b'.repeat(64),
};

function sliceChunk(doc: DocumentMeta, text: string, from: string, to: string | undefined, extra: Partial<Chunk>): Chunk {
  const start = text.indexOf(from);
  const end = to === undefined ? text.length : text.indexOf(to);
  return {
    id: `${doc.id}#x`,
    documentId: doc.id,
    kind: doc.kind,
    title: doc.title,
    path: [doc.title],
    start,
    end,
    text: text.slice(start, end),
    heading: doc.title,
    ...extra,
  };
}

const article37: Passage = {
  n: 1,
  score: 0.9,
  document: lawDoc,
  chunk: sliceChunk(lawDoc, LAW_TEXT, 'Điều 37.', 'Điều 38.', {
    id: 'laws/luat-vien-chuc#d37',
    number: '58/2010/QH12',
    article: '37',
    articleTitle: 'Bổ nhiệm viên chức quản lý',
    path: ['Luật Viên chức', 'Điều 37'],
  }),
};

const postalFigures: Passage = {
  n: 2,
  score: 0.7,
  document: briefingDoc,
  chunk: sliceChunk(briefingDoc, BRIEFING_TEXT, 'Hoạt động bưu chính', undefined, {
    id: 'briefings/2023-12-29-tong-ket-nam-2023#s1',
    date: '2023-12-29',
  }),
};

function request(passages: Passage[] = [article37, postalFigures], history: ChatMessage[] = []): AnswerRequest {
  return { question: 'Viên chức quản lý được bổ nhiệm với thời hạn bao lâu?', history, passages };
}

// ---------------------------------------------------------------- stub OpenAI-compatible server

interface ChatBody {
  model: string;
  stream: boolean;
  max_tokens?: number;
  messages: ChatMessage[];
}

interface RecordedRequest {
  body: ChatBody;
  headers: http.IncomingHttpHeaders;
}

type Handler = (body: ChatBody, res: http.ServerResponse, index: number) => void | Promise<void>;

interface Stub {
  url: string;
  requests: RecordedRequest[];
}

const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function startStub(...handlers: Handler[]): Promise<Stub> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404).end();
      return;
    }
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as ChatBody;
      const index = requests.length;
      requests.push({ body, headers: req.headers });
      const handler = handlers[Math.min(index, handlers.length - 1)] ?? replyWith('');
      void handler(body, res, index);
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function chunkEvent(delta: Record<string, string>, finishReason: string | null = null): string {
  const chunk = {
    id: 'chatcmpl-stub',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'stub-model',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** Replies like vLLM: SSE when `stream` is true, one JSON completion otherwise. */
function replyWith(...deltas: string[]): Handler {
  return async (body, res) => {
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-stub',
          object: 'chat.completion',
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: deltas.join('') }, finish_reason: 'stop' }],
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(chunkEvent({ role: 'assistant', content: '' }));
    for (const delta of deltas) {
      // Split each event in the middle of its bytes so the client must buffer across reads (and UTF-8 sequences).
      const event = Buffer.from(chunkEvent({ content: delta }), 'utf8');
      const cut = Math.floor(event.length / 2) + 1;
      res.write(event.subarray(0, cut));
      await pause(2);
      res.write(event.subarray(cut));
      await pause(2);
    }
    res.write(': keep-alive comment\n\n');
    res.write(chunkEvent({}, 'stop'));
    res.end('data: [DONE]\n\n');
  };
}

function failWith(status: number): Handler {
  return (_body, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'model overloaded' } }));
  };
}

const hang: Handler = () => undefined;

class FakeFallback implements AnswerGenerator {
  calls: AnswerRequest[] = [];

  async generate(req: AnswerRequest, onDelta?: (delta: string) => void): Promise<Answer> {
    this.calls.push(req);
    const first = req.passages[0];
    const answer =
      first === undefined ? `${REFUSAL_PHRASE}.` : `Theo tài liệu [${first.n}]: ${first.chunk.text.split('\n')[0] ?? ''}`;
    onDelta?.(answer);
    return { answer, citations: [], mode: 'extractive', refused: first === undefined, warnings: [] };
  }
}

function generatorFor(
  url: string,
  clientOptions: Partial<OpenAiChatClientOptions> = {},
  stream = true,
): { generator: LlmAnswerGenerator; fallback: FakeFallback } {
  const client = new OpenAiChatClient({
    baseUrl: url,
    model: 'stub-model',
    timeoutMs: 1_000,
    maxRetries: 1,
    ...clientOptions,
  });
  const fallback = new FakeFallback();
  return { generator: new LlmAnswerGenerator({ client, fallback, stream }), fallback };
}

// ---------------------------------------------------------------- tests

describe('LlmAnswerGenerator against an OpenAI-compatible stub', () => {
  it('streams deltas in order and builds the cited answer from them', async () => {
    const deltas = [
      'Theo khoản 2 Điều 37 Luật Viên chức, ',
      'viên chức quản lý được bổ nhiệm ',
      'có thời hạn không quá 05 năm',
      ' [1].',
    ];
    const stub = await startStub(replyWith(...deltas));
    const { generator, fallback } = generatorFor(stub.url);
    const received: string[] = [];

    const answer = await generator.generate(request(), (d) => received.push(d));

    expect(received).toEqual(deltas);
    expect(answer.answer).toBe(deltas.join(''));
    expect(answer.mode).toBe('llm');
    expect(answer.refused).toBe(false);
    expect(answer.warnings).toEqual([]);
    expect(fallback.calls).toHaveLength(0);

    expect(answer.citations).toHaveLength(1);
    const citation = answer.citations[0];
    expect(citation).toMatchObject({
      n: 1,
      documentId: 'laws/luat-vien-chuc',
      title: 'Luật Viên chức',
      number: '58/2010/QH12',
      article: '37',
      clause: '2',
      label: 'Khoản 2 Điều 37 Luật Viên chức',
    });
    expect(citation?.quote).toBe(
      '2. Căn cứ vào điều kiện cụ thể của đơn vị sự nghiệp công lập, viên chức giữ chức vụ quản lý được bổ nhiệm có thời hạn không quá 05 năm.',
    );
    expect(LAW_TEXT.slice(citation?.start, citation?.end)).toBe(citation?.quote);
  });

  it('sends the numbered passages, the question, the rules and the history', async () => {
    const stub = await startStub(replyWith('Không quá 05 năm [1].'));
    const { generator } = generatorFor(stub.url);
    const history: ChatMessage[] = [
      { role: 'user', content: 'Viên chức là gì?' },
      { role: 'assistant', content: 'Viên chức là công dân Việt Nam được tuyển dụng theo vị trí việc làm [3].' },
    ];

    await generator.generate(request(undefined, history));

    expect(stub.requests).toHaveLength(1);
    const body = stub.requests[0]?.body;
    expect(body?.model).toBe('stub-model');
    expect(body?.stream).toBe(true);
    const messages = body?.messages ?? [];
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toContain(REFUSAL_PHRASE);
    expect(messages[0]?.content).toContain('[1]');
    expect(messages.slice(1, 3)).toEqual([
      { role: 'user', content: 'Viên chức là gì?' },
      // Old markers point at an earlier numbering, so they are stripped from the history.
      { role: 'assistant', content: 'Viên chức là công dân Việt Nam được tuyển dụng theo vị trí việc làm.' },
    ]);
    const user = messages.at(-1)?.content ?? '';
    expect(messages.at(-1)?.role).toBe('user');
    expect(user).toContain('[1] Điều 37. Bổ nhiệm viên chức quản lý — Luật Viên chức (58/2010/QH12)\nĐiều 37. Bổ nhiệm');
    expect(user).toContain('được bổ nhiệm có thời hạn không quá 05 năm.');
    expect(user).toContain('[2] Bộ TT&TT tổng kết công tác năm 2023 — ngày 29/12/2023 — kỳ báo cáo: Năm 2023\nHoạt động bưu chính');
    expect(user).toContain('Câu hỏi: Viên chức quản lý được bổ nhiệm với thời hạn bao lâu?');
    expect(user.indexOf('[1] ')).toBeLessThan(user.indexOf('[2] '));
  });

  it('removes an invented citation and warns about it', async () => {
    const stub = await startStub(replyWith('Thời hạn bổ nhiệm không quá 05 năm [1][9]. ', 'Hết thời hạn phải xem xét bổ nhiệm lại [9].'));
    const { generator } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(answer.answer).toBe('Thời hạn bổ nhiệm không quá 05 năm [1]. Hết thời hạn phải xem xét bổ nhiệm lại.');
    expect(answer.warnings).toContain('Đã loại bỏ trích dẫn không có trong tài liệu truy xuất: [9]');
    expect(answer.citations.map((c) => c.n)).toEqual([1]);
  });

  it('flags figures that no cited passage contains and labels a briefing citation with its date', async () => {
    const stub = await startStub(
      replyWith('Năm 2023, doanh thu dịch vụ bưu chính đạt 60.000 tỷ đồng, tăng 9,3% so với năm 2022 ', '(báo cáo ngày 29/12/2023) [2].'),
    );
    const { generator } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(answer.mode).toBe('llm');
    const figureWarning = answer.warnings.find((w) => w.startsWith('Số liệu không có trong tài liệu'));
    expect(figureWarning).toBeDefined();
    expect(figureWarning).toContain('60.000');
    expect(figureWarning).not.toContain('9,3%');
    expect(figureWarning).not.toContain('29/12/2023');
    expect(figureWarning).not.toContain('2022');

    const citation = answer.citations[0];
    expect(citation).toMatchObject({
      n: 2,
      documentId: briefingDoc.id,
      label: 'Bộ TT&TT tổng kết công tác năm 2023 (ngày 29/12/2023)',
      date: '2023-12-29',
      quote: 'Năm 2023, doanh thu dịch vụ bưu chính đạt 58.900 tỷ đồng, tăng 9,3% so với năm 2022.',
    });
    expect(BRIEFING_TEXT.slice(citation?.start, citation?.end)).toBe(citation?.quote);
  });

  it('accepts figures written as in the passages or without their leading zeros', async () => {
    const stub = await startStub(replyWith('Doanh thu bưu chính năm 2023 đạt 58.900 tỷ đồng [2]; nhiệm kỳ quản lý tối đa 5 năm [1].'));
    const { generator } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(answer.warnings).toEqual([]);
    expect(answer.citations.map((c) => c.n)).toEqual([2, 1]);
  });

  it('ties a marker written after the full stop to the sentence before it, and normalises [1, 9]', async () => {
    const stub = await startStub(replyWith('Khi hết thời hạn, phải xem xét bổ nhiệm lại hoặc không bổ nhiệm lại. [1, 9]'));
    const { generator } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(answer.answer).toBe('Khi hết thời hạn, phải xem xét bổ nhiệm lại hoặc không bổ nhiệm lại. [1]');
    expect(answer.citations[0]).toMatchObject({
      clause: '3',
      label: 'Khoản 3 Điều 37 Luật Viên chức',
      quote: '3. Khi viên chức quản lý hết thời hạn giữ chức vụ quản lý, phải xem xét bổ nhiệm lại hoặc không bổ nhiệm lại.',
    });
    expect(answer.warnings).toEqual(['Đã loại bỏ trích dẫn không có trong tài liệu truy xuất: [9]']);
  });

  it('reports a refusal without citations', async () => {
    const stub = await startStub(replyWith(`${REFUSAL_PHRASE}.`));
    const { generator } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(answer).toMatchObject({ refused: true, citations: [], mode: 'llm', answer: `${REFUSAL_PHRASE}.` });
  });

  it('retries a 500 and then succeeds', async () => {
    const stub = await startStub(failWith(500), replyWith('Không quá 05 năm [1].'));
    const { generator, fallback } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(stub.requests).toHaveLength(2);
    expect(answer.mode).toBe('llm');
    expect(answer.answer).toBe('Không quá 05 năm [1].');
    expect(fallback.calls).toHaveLength(0);
  });

  it('does not retry a 400 and falls back', async () => {
    const stub = await startStub(failWith(400), replyWith('Không quá 05 năm [1].'));
    const { generator } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(stub.requests).toHaveLength(1);
    expect(answer.mode).toBe('extractive-fallback');
    expect(answer.warnings[0]).toContain('HTTP 400');
  });

  it('falls back when the server hangs past the timeout', async () => {
    const stub = await startStub(hang);
    const { generator, fallback } = generatorFor(stub.url, { timeoutMs: 300 });
    const received: string[] = [];

    const started = Date.now();
    const answer = await generator.generate(request(), (d) => received.push(d));

    expect(Date.now() - started).toBeLessThan(900);
    expect(stub.requests).toHaveLength(1); // a timeout is not retried
    expect(fallback.calls).toHaveLength(1);
    expect(answer.mode).toBe('extractive-fallback');
    expect(answer.answer).toMatch(/^Theo tài liệu \[1\]/);
    expect(answer.warnings[0]).toContain('quá thời gian chờ');
    // Nothing was streamed by the model, so the fallback's text is streamed instead.
    expect(received).toEqual([answer.answer]);
  });

  it('falls back when the port is closed', async () => {
    const probe = http.createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { generator, fallback } = generatorFor(`http://127.0.0.1:${port}/v1`);

    const answer = await generator.generate(request());

    expect(fallback.calls).toHaveLength(1);
    expect(answer.mode).toBe('extractive-fallback');
    expect(answer.warnings[0]).toContain('không kết nối được');
  });

  it('falls back without retrying when the stream breaks after tokens were sent', async () => {
    const stub = await startStub(async (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunkEvent({ content: 'Viên chức quản lý ' }));
      await pause(20);
      res.socket?.destroy();
    });
    const { generator, fallback } = generatorFor(stub.url);
    const received: string[] = [];

    const answer = await generator.generate(request(), (d) => received.push(d));

    expect(stub.requests).toHaveLength(1);
    expect(received).toEqual(['Viên chức quản lý ']); // the caller replaces this with `answer.answer`
    expect(fallback.calls).toHaveLength(1);
    expect(answer.mode).toBe('extractive-fallback');
    expect(answer.warnings[0]).toContain('ngắt khi đang truyền');
  });

  it('falls back on an empty reply', async () => {
    const stub = await startStub(replyWith());
    const { generator } = generatorFor(stub.url);

    const answer = await generator.generate(request());

    expect(answer.mode).toBe('extractive-fallback');
    expect(answer.warnings[0]).toContain('rỗng');
  });

  it('does not call the model without passages', async () => {
    const stub = await startStub(replyWith('Không quá 05 năm [1].'));
    const { generator, fallback } = generatorFor(stub.url);

    const answer = await generator.generate(request([]));

    expect(stub.requests).toHaveLength(0);
    expect(fallback.calls).toHaveLength(1);
    expect(answer.refused).toBe(true);
  });

  it('uses the non-streaming path and hands the final answer to onDelta once', async () => {
    const stub = await startStub(replyWith('Không quá 05 năm [1]', '[7].'));
    const { generator } = generatorFor(stub.url, {}, false);
    const received: string[] = [];

    const answer = await generator.generate(request(), (d) => received.push(d));

    expect(stub.requests[0]?.body.stream).toBe(false);
    expect(answer.answer).toBe('Không quá 05 năm [1].');
    expect(received).toEqual(['Không quá 05 năm [1].']);
  });

  it('sends the API key as a Bearer token, and none without a key', async () => {
    const stub = await startStub(replyWith('Không quá 05 năm [1].'));
    await generatorFor(stub.url, { apiKey: 'sk-local-123' }).generator.generate(request());
    await generatorFor(stub.url).generator.generate(request());

    expect(stub.requests[0]?.headers.authorization).toBe('Bearer sk-local-123');
    expect(stub.requests[1]?.headers.authorization).toBeUndefined();
  });

  it('lets a long stream run while chunks keep coming: deadlines are on the first token and on gaps', async () => {
    const stub = await startStub(async (_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const part of ['Không ', 'quá ', '05 ', 'năm ', '[1].']) {
        res.write(chunkEvent({ content: part }));
        await pause(120);
      }
      res.end('data: [DONE]\n\n');
    });
    const { generator } = generatorFor(stub.url, { timeoutMs: 250, idleTimeoutMs: 250 });

    const started = Date.now();
    const answer = await generator.generate(request(), () => undefined);

    expect(Date.now() - started).toBeGreaterThan(500); // longer than either deadline
    expect(answer.mode).toBe('llm');
    expect(answer.answer).toBe('Không quá 05 năm [1].');
  });

  it('falls back when the stream goes silent mid-answer', async () => {
    const stub = await startStub((_body, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunkEvent({ content: 'Viên chức quản lý ' }));
    });
    const { generator } = generatorFor(stub.url, { timeoutMs: 5_000, idleTimeoutMs: 200 });

    const started = Date.now();
    const answer = await generator.generate(request(), () => undefined);

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stub.requests).toHaveLength(1);
    expect(answer.mode).toBe('extractive-fallback');
    expect(answer.warnings[0]).toContain('quá thời gian chờ phản hồi, kết nối bị ngắt khi đang truyền');
  });

  it('bounds every reply with a default max_tokens', async () => {
    const stub = await startStub(replyWith('Không quá 05 năm [1].'));
    await generatorFor(stub.url).generator.generate(request());
    await generatorFor(stub.url, { maxTokens: 256 }).generator.generate(request());

    expect(stub.requests.map((r) => r.body.max_tokens)).toEqual([1024, 256]);
  });

  it('rethrows a caller abort instead of falling back', async () => {
    const stub = await startStub(hang);
    const { generator, fallback } = generatorFor(stub.url);

    await expect(generator.generate(request(), undefined, AbortSignal.timeout(50))).rejects.toBeInstanceOf(LlmCallError);
    expect(fallback.calls).toHaveLength(0);
  });
});

describe('openAiBaseUrl', () => {
  it('accepts base URLs with or without /v1, or the full completions URL', () => {
    expect(openAiBaseUrl('http://localhost:8000')).toBe('http://localhost:8000/v1');
    expect(openAiBaseUrl('http://localhost:11434/v1/')).toBe('http://localhost:11434/v1');
    expect(openAiBaseUrl('http://h/v1/chat/completions')).toBe('http://h/v1');
  });
});

describe('splitSentences', () => {
  it('splits on sentence punctuation and newlines but not inside numbers, abbreviations or headings', () => {
    const text =
      'Điều 37. Bổ nhiệm viên chức quản lý\n2. Doanh thu đạt 58.900 tỷ đồng, tăng 9,3%. Tại TP. Hồ Chí Minh: tăng mạnh; còn lại ổn định.\nHết.';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual([
      'Điều 37. Bổ nhiệm viên chức quản lý',
      '2. Doanh thu đạt 58.900 tỷ đồng, tăng 9,3%.',
      'Tại TP. Hồ Chí Minh:',
      'tăng mạnh;',
      'còn lại ổn định.',
      'Hết.',
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('splits where web text dropped the space after a full stop, but not in abbreviations or article headings', () => {
    // The August 2022 briefing: `… cùng kỳ năm 2021.Tổng số loại sản phẩm …`.
    expect(splitSentences('Sản lượng tăng 120% so với cùng kỳ năm 2021.Tổng số sản phẩm là 185.513 sản phẩm.').map((s) => s.text)).toEqual([
      'Sản lượng tăng 120% so với cùng kỳ năm 2021.',
      'Tổng số sản phẩm là 185.513 sản phẩm.',
    ]);
    expect(splitSentences('Doanh nghiệp tăng trưởng mạnh.Trong tháng 8 có thêm dịch vụ mới.')).toHaveLength(2);
    expect(splitSentences('Tại TP.Hồ Chí Minh tăng mạnh. Điều 3.Phạm vi điều chỉnh').map((s) => s.text)).toEqual(['Tại TP.Hồ Chí Minh tăng mạnh.', 'Điều 3.Phạm vi điều chỉnh']);
  });

  it('still splits after an inline article reference that ends a sentence', () => {
    expect(splitSentences('Theo quy định tại Điều 37. Việc bổ nhiệm phải đúng thủ tục.').map((s) => s.text)).toEqual([
      'Theo quy định tại Điều 37.',
      'Việc bổ nhiệm phải đúng thủ tục.',
    ]);
  });
});
