/**
 * End-to-end test of the web page in Debian's Chromium (driven by playwright-core, no browser
 * download) against the real app on the default corpus, listening on a real port.
 *
 * Chromium must be at /usr/bin/chromium (`.ci/run` installs it with apt). When it is missing the
 * suite fails with that instruction rather than skipping: a skipped browser test looks green.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { createService } from '../src/service.js';
import { TEST_INDEX_DIR } from './paths.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results');
const VIEN_CHUC = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';

let server: Server;
let base: string;
let context: BrowserContext;
const tmpDirs: string[] = [];

function tmp(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(dir);
  return dir;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's Chromium (apt-get install -y chromium; .ci/run does this) to run the browser end-to-end test.`);
  }
  const config = loadConfig({ INDEX_DIR: TEST_INDEX_DIR, FEEDBACK_FILE: path.join(tmp('e2e-fb-'), 'feedback.jsonl'), LOG_LEVEL: 'silent', PGLITE_DIR: 'memory://', ADMIN_API_KEY: 'e2e-admin' });
  const index = await CorpusIndex.load(TEST_INDEX_DIR);
  const { app } = await createService(config, { index, logger: pino({ level: 'silent' }) });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A fresh profile per run: no cache, cookies or service workers carried over from a previous run.
  context = await chromium.launchPersistentContext(tmp('e2e-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 860 },
    locale: 'vi-VN',
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

/** A page that fails the test on any script error, so a broken module cannot pass silently. */
async function openPage(viewport?: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(base);
  await page.getByText('Đã kết nối').waitFor();
  return { page, errors };
}

async function ask(page: Page, question: string): Promise<void> {
  await page.getByLabel('Câu hỏi', { exact: true }).fill(question);
  await page.getByLabel('Câu hỏi', { exact: true }).press('Enter');
}

/** The n-th assistant message once it has finished (answered, refused, failed or stopped). */
function answerAt(page: Page, n: number) {
  return page.locator('.msg-assistant[data-state]').nth(n);
}

function sse(events: [string, unknown][]): string {
  return events.map(([e, d]) => `event: ${e}\ndata: ${JSON.stringify(d)}\n\n`).join('');
}

describe('page assets', () => {
  it('serves the page at / with a strict content security policy, and leaves the API 404 alone', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<html lang="vi">');
    const missing = await fetch(`${base}/v1/khong-co`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('parses Server-Sent Events split anywhere across chunks', async () => {
    // The page's parser is plain browser ESM with no DOM use, so Node can run it as is.
    const sseModule: string = path.resolve(SHOTS, '../web/js/sse.js');
    const { createSseParser } = (await import(sseModule)) as { createSseParser: (cb: (e: string, d: string) => void) => { push(t: string): void; end(): void } };
    const stream = sse([['delta', { text: 'Điều 37 ' }], ['delta', { text: '[1]' }], ['done', { answer: 'x' }]]).replace(/\n\n$/, '\r\n\r\n');
    for (const size of [1, 3, 7, stream.length]) {
      const seen: string[] = [];
      const parser = createSseParser((e, d) => seen.push(`${e}:${d}`));
      for (let i = 0; i < stream.length; i += size) parser.push(stream.slice(i, i + size));
      parser.end();
      expect(seen).toEqual(['delta:{"text":"Điều 37 "}', 'delta:{"text":"[1]"}', 'done:{"answer":"x"}']);
    }
  });
});

describe('web page in Chromium', () => {
  it('streams the Viên chức answer, opens Điều 37 from citation [1] with the quote highlighted, and stores a rating', async () => {
    const { page, errors } = await openPage();
    expect(await page.title()).toBe('Trợ lý ảo pháp lý');

    const chatResponse = page.waitForResponse((r) => r.url().endsWith('/v1/chat'));
    await ask(page, VIEN_CHUC);
    const res = await chatResponse;
    expect(res.request().postDataJSON()).toMatchObject({ stream: true, messages: [{ role: 'user', content: VIEN_CHUC }] });
    expect(res.headers()['content-type']).toMatch(/text\/event-stream/);

    const answer = answerAt(page, 0);
    await answer.waitFor();
    expect(await answer.getAttribute('data-state')).toBe('done');
    expect(await answer.locator('.answer-text').textContent()).toContain('không quá 05 năm');

    await answer.locator('.answer-text button.cite[data-cite="1"]').click();
    const panel = page.locator('#source-panel');
    await panel.locator('mark').waitFor();
    const heading = await panel.locator('.source-heading').textContent();
    expect(heading).toContain('Điều 37');
    expect(heading).toContain('Luật Viên chức');
    expect(await panel.locator('mark').textContent()).toContain('viên chức giữ chức vụ quản lý được bổ nhiệm có thời hạn không quá 05 năm');
    const meta = await panel.locator('.doc-meta').textContent();
    for (const field of ['Số hiệu', 'Cơ quan ban hành', 'Ngày ban hành', 'Ngày có hiệu lực', 'Tình trạng hiệu lực']) expect(meta).toContain(field);
    // The highlight is scrolled into the panel's visible area, not left below the fold.
    const visible = await page.evaluate(() => {
      const m = document.querySelector('#source-panel mark')!.getBoundingClientRect();
      const b = document.querySelector('#source-body')!.getBoundingClientRect();
      return m.top >= b.top && m.top < b.bottom && m.top < window.innerHeight;
    });
    expect(visible).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'web-chat-desktop.png') });

    const comment = 'Kiểm thử e2e: trích dẫn đúng khoản 2 Điều 37';
    await answer.getByRole('button', { name: 'Hữu ích', exact: true }).click();
    await answer.getByLabel('Góp ý thêm (không bắt buộc)').fill(comment);
    await answer.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await answer.getByText('Cảm ơn bạn đã đánh giá').waitFor();
    await page.waitForTimeout(600); // let the page's smooth scroll to the confirmation settle
    await page.screenshot({ path: path.join(SHOTS, 'web-rated-desktop.png') });

    // Reading ratings back is an admin's job (users' questions and comments are private).
    const stored = (await (await fetch(`${base}/v1/feedback`, { headers: { 'x-api-key': 'e2e-admin' } })).json()) as { feedback: Record<string, unknown>[] };
    expect(stored.feedback[0]).toMatchObject({ rating: 'helpful', comment, question: VIEN_CHUC, mode: 'extractive' });
    expect(stored.feedback[0]!.citations).toContain('Khoản 2 Điều 37 Luật Viên chức');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sends the conversation with a follow-up, and starts over on "Cuộc trò chuyện mới"', async () => {
    const { page, errors } = await openPage();
    await ask(page, 'Người tố cáo có những nghĩa vụ gì theo Luật Tố tụng hành chính?');
    await answerAt(page, 0).waitFor();
    const followUp = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, 'Còn theo Bộ luật tố tụng dân sự thì sao?');
    expect((await followUp).postDataJSON().messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user']);
    await answerAt(page, 1).waitFor();
    expect(await answerAt(page, 1).locator('.rewritten').textContent()).toContain('Bộ luật tố tụng dân sự');

    await page.getByRole('button', { name: 'Cuộc trò chuyện mới' }).click();
    expect(await page.locator('.turn').count()).toBe(0);
    const fresh = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, VIEN_CHUC);
    expect((await fresh).postDataJSON().messages).toHaveLength(1);
    await answerAt(page, 0).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the conversation on the server: its link reopens it, and the talk carries on from it', async () => {
    const { page, errors } = await openPage();
    await ask(page, 'Người tố cáo có những nghĩa vụ gì theo Luật Tố tụng hành chính?');
    await answerAt(page, 0).waitFor();
    await ask(page, VIEN_CHUC);
    await answerAt(page, 1).waitFor();
    const link = page.url();
    expect(new URL(link).searchParams.get('c')).toMatch(/^[0-9a-f-]{36}$/);
    await page.close();

    const { page: reopened, errors: reopenedErrors } = await openPage();
    await reopened.goto(link);
    await answerAt(reopened, 1).waitFor();
    expect(await reopened.locator('.user-text').allTextContents()).toEqual(['Người tố cáo có những nghĩa vụ gì theo Luật Tố tụng hành chính?', VIEN_CHUC]);
    expect(await answerAt(reopened, 1).textContent()).toContain('Khoản 2 Điều 37 Luật Viên chức');
    const next = reopened.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(reopened, 'Còn theo Bộ luật tố tụng dân sự thì sao?');
    const body = (await next).postDataJSON();
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
    expect(body.conversationId).toBe(new URL(link).searchParams.get('c'));
    await answerAt(reopened, 2).waitFor();

    await reopened.getByRole('button', { name: 'Cuộc trò chuyện mới' }).click();
    expect(new URL(reopened.url()).searchParams.has('c')).toBe(false);
    expect([...errors, ...reopenedErrors]).toEqual([]);
    await reopened.close();
  });

  it('says so when the corpus has no basis, and sends the chosen filters', async () => {
    const { page } = await openPage();
    await page.locator('#filters summary').click();
    await page.getByLabel('Luật', { exact: true }).check();
    await page.getByLabel('Chỉ văn bản còn hiệu lực').check();
    await page.getByLabel('Hiệu lực tại ngày').fill('2024-01-01');
    const req = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, 'Giá vé máy bay từ Hà Nội đi Paris là bao nhiêu?');
    expect((await req).postDataJSON().filters).toEqual({ kinds: ['law'], inForceOnly: true, asOf: '2024-01-01' });
    const answer = answerAt(page, 0);
    await answer.waitFor();
    expect(await answer.getAttribute('data-state')).toBe('refused');
    expect(await answer.locator('.notice-refused').textContent()).toContain('Không có căn cứ để trả lời');
    await page.close();
  });

  it('offers the likeliest provisions as buttons when not sure, and a button asks again about that provision', async () => {
    const { page, errors } = await openPage();
    const question = 'Sếp nợ lương thì em làm sao?';
    const done = {
      answer: 'Chưa đủ căn cứ để trả lời chắc chắn. …', outcome: 'suggest', mode: 'extractive', refused: false, question, sources: [], warnings: [], citations: [],
      suggestions: [
        { documentId: 'codes/bo-luat-lao-dong-2019', article: '97', title: 'Kỳ hạn trả lương', label: 'Điều 97 Bộ luật Lao động 2019' },
        { documentId: 'codes/bo-luat-lao-dong-2019', article: '95', title: 'Trả lương', label: 'Điều 95 Bộ luật Lao động 2019' },
      ],
    };
    // The first answer is a "gợi ý"; the question the button sends goes to the real server.
    let first = true;
    await page.route('**/v1/chat', (route: Route) => {
      if (!first) return route.continue();
      first = false;
      return route.fulfill({ status: 200, contentType: 'text/event-stream; charset=utf-8', body: sse([['done', done]]) });
    });
    await ask(page, question);
    const suggested = answerAt(page, 0);
    await suggested.waitFor();
    expect(await suggested.getAttribute('data-state')).toBe('suggest');
    const buttons = suggested.locator('.notice-suggest button');
    expect(await buttons.allTextContents()).toEqual(['Điều 97 Bộ luật Lao động 2019 — Kỳ hạn trả lương', 'Điều 95 Bộ luật Lao động 2019 — Trả lương']);
    const again = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await buttons.first().click();
    const sent = (await again).postDataJSON().messages.at(-1).content as string;
    expect(sent).toBe(`Điều 97 Bộ luật Lao động 2019: ${question}`);
    const answer = answerAt(page, 1);
    await answer.waitFor();
    expect(await answer.getAttribute('data-state')).toBe('done');
    expect(await answer.locator('.source-list').textContent()).toContain('Điều 97 Bộ luật Lao động 2019');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('explains an LLM fallback and shows markup in an answer as text', async () => {
    const { page, errors } = await openPage();
    const done = {
      answer: 'Theo tài liệu, <b>không in đậm</b> <img src=x onerror="window.__xss=1"> [1].', mode: 'extractive-fallback', refused: false, question: 'x', sources: [],
      warnings: ['Không dùng được mô hình ngôn ngữ (hết thời gian chờ); câu trả lời được trích xuất trực tiếp từ tài liệu.'],
      citations: [{ n: 1, documentId: 'laws/luat-vien-chuc', title: 'Luật Viên chức', number: null, article: '37', clause: '2', point: null, quote: 'q', start: 28517, end: 28652, label: 'Khoản 2 Điều 37 Luật Viên chức', date: null }],
    };
    await page.route('**/v1/chat', (route: Route) =>
      route.fulfill({ status: 200, contentType: 'text/event-stream; charset=utf-8', body: sse([['delta', { text: 'Đang ' }], ['delta', { text: 'trả lời' }], ['done', done]]) }));
    await ask(page, 'Câu hỏi thử chế độ dự phòng');
    const answer = answerAt(page, 0);
    await answer.waitFor();
    expect(await answer.locator('.notice-warn').first().textContent()).toContain('Chế độ dự phòng');
    expect(await answer.textContent()).toContain('hết thời gian chờ');
    expect(await answer.locator('.answer-text').textContent()).toContain('<b>không in đậm</b>');
    expect(await answer.locator('.answer-text b, .answer-text img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says the server is unreachable when the request cannot get through', async () => {
    const { page } = await openPage();
    await page.route('**/v1/chat', (route: Route) => route.abort('connectionrefused'));
    await ask(page, VIEN_CHUC);
    const answer = answerAt(page, 0);
    await answer.waitFor();
    expect(await answer.getAttribute('data-state')).toBe('error');
    expect(await answer.locator('.notice-error').textContent()).toContain('Không kết nối được tới máy chủ');
    expect(await page.locator('#banner').isVisible()).toBe(true);
    expect(await answer.getByRole('button', { name: 'Thử lại' }).isVisible()).toBe(true);
    await page.close();
  });

  it('judge mode lists similar judgments and applicable provisions, and explains a 404', async () => {
    const { page } = await openPage();
    await page.getByLabel('Tra cứu vụ việc (thẩm phán)').check();
    const facts = 'Bị đơn vay 200 triệu đồng của nguyên đơn, hẹn trả sau 12 tháng nhưng không trả.';
    // The case endpoints are another module's; their documented shapes are mocked so the page is tested alone.
    await page.route('**/v1/cases/search', (route: Route) => route.fulfill({ json: { results: [
      { documentId: 'judgments/case_1087', court: 'Tòa án nhân dân huyện A', number: '30/2017/DS-ST', date: '2017-09-12', outcome: 'chấp nhận một phần', excerpt: 'nguyên đơn yêu cầu bị đơn trả nợ gốc và lãi', provisions: [{ label: 'Điều 466 Bộ luật dân sự', documentId: 'laws/bo-luat-dan-su', article: '466' }] },
    ] } }));
    await page.route('**/v1/cases/provisions', (route: Route) => route.fulfill({ json: { provisions: [
      { documentId: 'laws/bo-luat-dan-su', article: '466', label: 'Điều 466 Bộ luật dân sự', text: 'Nghĩa vụ trả nợ của bên vay', score: 0.82, evidence: { judgments: [{ documentId: 'judgments/case_1087', number: '30/2017/DS-ST' }], passages: [] } },
    ] } }));
    await page.getByLabel('Tóm tắt tình tiết vụ việc').fill(facts);
    await page.getByRole('button', { name: 'Tìm bản án và điều luật' }).click();
    await page.getByText('Bản án số 30/2017/DS-ST').waitFor();
    const judged = await page.locator('#judge-results').textContent();
    expect(judged).toContain('Kết quả: Chấp nhận một phần');
    expect(judged).toContain('Điểm phù hợp: 0.82');
    await page.getByRole('button', { name: 'Điều 466 Bộ luật dân sự' }).first().click();
    await page.locator('#source-panel .source-heading').waitFor();
    expect(await page.locator('#source-panel .source-heading').textContent()).toContain('Điều 466');
    await page.screenshot({ path: path.join(SHOTS, 'web-judge-desktop.png'), fullPage: true });

    await page.unrouteAll();
    await page.route('**/v1/cases/*', (route: Route) => route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'Not found', message_vi: 'Không tìm thấy' } } }));
    await page.getByRole('button', { name: 'Tìm bản án và điều luật' }).click();
    await page.getByText('chưa được triển khai').waitFor();
    await page.close();
  });

  it('drafting tab: a pasted draft is checked, the conflict shown beside Điều 1 Luật Thanh niên with the ages marked', async () => {
    const { page, errors } = await openPage();
    await page.getByLabel('Soạn thảo văn bản').check();
    const draft = 'Điều 1. Thanh niên\nThanh niên là công dân Việt Nam từ đủ 18 tuổi đến 35 tuổi.\n\nĐiều 2. Đăng ký kết hôn\nViệc kết hôn phải được đăng ký và do cơ quan nhà nước có thẩm quyền thực hiện theo quy định của Luật này và pháp luật về hộ tịch.\n\nĐiều 3. Chính sách\nNhà nước khuyến khích thanh niên tham gia nghiên cứu khoa học vũ trụ theo Điều 450 của Luật Thanh niên.';
    await page.getByLabel('Nội dung dự thảo (một điều, một khoản hoặc cả dự thảo luật, nghị định)').fill(draft);
    const checked = page.waitForResponse((r) => r.url().endsWith('/v1/drafts/check'));
    await page.getByRole('button', { name: 'Kiểm tra dự thảo' }).click();
    expect((await checked).request().postDataJSON()).toEqual({ text: draft });
    const results = page.locator('#draft-results');
    await results.locator('.draft-summary').waitFor();
    expect(await results.locator('.draft-summary').textContent()).toContain('1 mâu thuẫn, 1 trùng lặp, 1 dẫn chiếu sai');

    const conflict = results.locator('.finding[data-kind="conflict"]');
    expect(await conflict.locator('.badge').textContent()).toBe('Mâu thuẫn');
    expect(await conflict.locator('.side-law .side-title').textContent()).toContain('Điều 1 Luật Thanh niên');
    expect(await conflict.locator('.side-draft mark').allTextContents()).toEqual(['18 tuổi', '35 tuổi']);
    expect(await conflict.locator('.side-law mark').allTextContents()).toEqual(['16 tuổi', '30 tuổi']);
    expect(await results.locator('.finding[data-kind="duplicate"] .side-law .side-title').textContent()).toContain('Luật Hôn nhân và gia đình');
    expect(await results.locator('.finding[data-kind="reference"]').textContent()).toContain('không có Điều 450');
    expect(await results.locator('.finding[data-kind="reference"] mark').textContent()).toBe('Điều 450 của Luật Thanh niên');
    await page.screenshot({ path: path.join(SHOTS, 'web-draft-desktop.png'), fullPage: true });

    await conflict.getByRole('button', { name: 'Xem toàn văn điều luật' }).click();
    await page.locator('#source-panel .source-heading').waitFor();
    expect(await page.locator('#source-panel .source-heading').textContent()).toContain('Điều 1');
    expect(await page.locator('#source-panel .doc-meta').textContent()).toContain('57/2020/QH14');

    // At phone width the two columns stack and nothing scrolls sideways.
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'web-draft-phone.png'), fullPage: true });

    await page.getByLabel('Nội dung dự thảo (một điều, một khoản hoặc cả dự thảo luật, nghị định)').fill('  ');
    await page.getByRole('button', { name: 'Kiểm tra dự thảo' }).click();
    await page.getByText('Vui lòng nhập nội dung dự thảo cần kiểm tra.').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('judge mode shows a criminal case’s type, offense with its reasons and general part, and marks the clause on click', async () => {
    const { page, errors } = await openPage();
    await page.getByLabel('Tra cứu vụ việc (thẩm phán)').check();
    await page.getByLabel('Tóm tắt tình tiết vụ việc').fill(
      'Tổ công tác Công an huyện kiểm tra phát hiện Lò Văn Th đang cất giấu trong túi quần 01 gói giấy bạc chứa 0,85g heroin để sử dụng. Cơ quan điều tra thu giữ số ma tuý. Bị cáo thành khẩn khai báo. Viện kiểm sát đề nghị xử phạt bị cáo từ 18 tháng đến 02 năm tù.',
    );
    await page.getByRole('button', { name: 'Tìm bản án và điều luật' }).click();
    await page.getByText('Loại vụ án: hình sự.').waitFor();
    const results = page.locator('#judge-results');
    expect(await results.textContent()).toContain('Tội danh và khung hình phạt');
    expect(await results.textContent()).toContain('Phần chung Bộ luật hình sự áp dụng kèm theo');
    expect(await results.textContent()).toContain('Kho dữ liệu chưa có bản án hình sự');
    expect(await results.locator('.reasons').first().textContent()).toContain('0,85 gam');
    await page.getByRole('button', { name: 'Điểm c khoản 1 Điều 249 Bộ luật hình sự 2015' }).click();
    await page.locator('#source-panel mark').waitFor();
    expect(await page.locator('#source-panel mark').textContent()).toContain('từ 0,1 gam đến dưới 05 gam');
    await page.screenshot({ path: path.join(SHOTS, 'web-judge-criminal.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works at phone width (390px) with the keyboard: the source covers the screen and Escape returns focus', async () => {
    const { page, errors } = await openPage({ width: 390, height: 844 });
    await ask(page, VIEN_CHUC);
    const answer = answerAt(page, 0);
    await answer.waitFor();
    // Nothing may force sideways scrolling at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'web-chat-phone.png') });

    const cite = answer.locator('.answer-text button.cite[data-cite="1"]');
    await cite.focus();
    await page.keyboard.press('Enter');
    await page.locator('#source-panel mark').waitFor();
    const box = await page.locator('#source-panel').boundingBox();
    expect(box).toMatchObject({ x: 0, width: 390 });
    await page.screenshot({ path: path.join(SHOTS, 'web-source-phone.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#source-panel').isHidden()).toBe(true);
    expect(await cite.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
