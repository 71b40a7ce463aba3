import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { createService } from '../src/service.js';
import { servedTestIndex } from './helpers/served-index.js';
import { TEST_INDEX_DIR } from './paths.js';

type App = Awaited<ReturnType<typeof createService>>['app'];
let app: App;
let index: CorpusIndex;

const FACTS =
  'Nguyên đơn chị Lê Thị T khởi kiện anh Chử Lương D và chị Đỗ Thị Thanh T đòi bồi thường thiệt hại ngoài hợp đồng: con chó của bị đơn lao ra đuổi theo, ' +
  'chị T hoảng sợ mất lái, xe máy đâm vào xe máy và ô tô đỗ bên đường, chị bị thương nặng và xe hư hỏng. Bị đơn không đồng ý bồi thường chi phí điều trị và sửa xe.';

interface ProvisionBody {
  documentId: string;
  article: string;
  label: string;
  text: string;
  score: number;
  evidence: { judgments: { documentId: string; number?: string }[]; passages: { label: string; quote: string }[]; appliedIn: { judgments: number; of: number } };
}

beforeAll(async () => {
  const feedback = path.join(mkdtempSync(path.join(os.tmpdir(), 'fb-')), 'feedback.jsonl');
  const config = loadConfig({ INDEX_DIR: TEST_INDEX_DIR, FEEDBACK_FILE: feedback, LOG_LEVEL: 'silent', PGLITE_DIR: 'memory://' });
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  ({ app } = await createService(config, { ...(await servedTestIndex()), logger: pino({ level: 'silent' }) }));
});

describe('POST /v1/cases/search', () => {
  it('finds case_4101 for its facts, with court, number, date, outcome, an excerpt of its reasoning and its provisions', async () => {
    const res = await request(app).post('/v1/cases/search').send({ facts: FACTS, k: 3 }).expect(200);
    expect(res.body.results).toHaveLength(3);
    const top = res.body.results[0];
    expect(top).toMatchObject({ documentId: 'judgments/case_4101', court: 'Toà án nhân dân thành phố Lào Cai', number: '13/2017/DS-ST', date: '2017-09-22', outcome: 'chấp nhận một phần' });
    // The excerpt is a passage of the judgment's reasoning, located in its text.
    const doc = index.documents.get('judgments/case_4101')!;
    const reasoning = doc.sections.find((s) => s.heading === 'NHẬN ĐỊNH CỦA TOÀ ÁN')!;
    expect(top.excerptStart).toBeGreaterThanOrEqual(reasoning.start);
    expect(top.excerptEnd).toBeLessThanOrEqual(reasoning.end);
    expect(top.excerpt.length).toBeGreaterThan(20);
    expect(top.provisions).toContainEqual(expect.objectContaining({ documentId: 'laws/bo-luat-dan-su', article: '584', resolved: true, label: 'Điều 584 Bộ luật Dân sự năm 2015' }));
    expect(top.provisions).toContainEqual(expect.objectContaining({ lawName: 'Luật Thi hành án dân sự', documentId: null, resolved: false }));
  });

  it('names the invalid field in Vietnamese and English', async () => {
    const missing = await request(app).post('/v1/cases/search').send({ k: 3 }).expect(400);
    expect(missing.body.error).toMatchObject({ code: 'invalid_request', field: 'facts' });
    expect(missing.body.error.message_vi).toContain('trường "facts"');
    expect(missing.body.error.message).toContain('field "facts"');
    const badK = await request(app).post('/v1/cases/provisions').send({ facts: FACTS, k: 0 }).expect(400);
    expect(badK.body.error.field).toBe('k');
    const blank = await request(app).post('/v1/cases/provisions').send({ facts: '   ' }).expect(400);
    expect(blank.body.error.field).toBe('facts');
  });
});

describe('POST /v1/cases/provisions', () => {
  it('returns k articles best first, each with its text, score and evidence', async () => {
    const res = await request(app).post('/v1/cases/provisions').send({ facts: FACTS, k: 8 }).expect(200);
    const provisions = res.body.provisions as ProvisionBody[];
    expect(provisions).toHaveLength(8);
    expect(provisions.map((p) => p.score)).toEqual([...provisions.map((p) => p.score)].sort((a, b) => b - a));
    for (const p of provisions) {
      const doc = index.documents.get(p.documentId)!;
      const art = doc.articles.find((a) => a.number.toLowerCase() === p.article)!;
      expect(p.text).toBe(doc.text.slice(art.start, art.end).trim());
      expect(p.label).toBe(`Điều ${art.number} ${doc.meta.title}`);
      expect(p.evidence.judgments.length + p.evidence.passages.length + p.evidence.appliedIn.judgments).toBeGreaterThan(0);
      expect(p.evidence.appliedIn.of).toBe(50);
      for (const q of p.evidence.passages) expect(doc.text).toContain(q.quote);
    }
    // A tort case: the civil code's articles that the similar judgments applied come first among the substantive ones.
    const tort = provisions.find((p) => p.documentId === 'laws/bo-luat-dan-su' && ['584', '590', '357'].includes(p.article));
    expect(tort).toBeDefined();
    // References to laws the corpus lacks are listed as the courts wrote them.
    expect(res.body.unresolved.some((u: { lawName: string }) => u.lawName === 'Luật Thi hành án dân sự')).toBe(true);
  });
});

const HEROIN =
  'Khoảng 20 giờ ngày 12/5/2023, tổ công tác Công an huyện kiểm tra hành chính phát hiện Lò Văn Th đang cất giấu trong túi quần 01 gói giấy bạc chứa 0,85g heroin. ' +
  'Th khai mua về để sử dụng. Cơ quan điều tra thu giữ số ma tuý. Bị cáo thành khẩn khai báo. Viện kiểm sát đề nghị xử phạt Th từ 18 tháng đến 02 năm tù.';
const LOAN =
  'Nguyên đơn bà Nguyễn Thị H khởi kiện ông Trần Văn B yêu cầu trả nợ. Năm 2019 ông B vay của bà H 200.000.000 đồng, có giấy vay tiền, hẹn trả sau 12 tháng với lãi suất 1%/tháng. ' +
  'Đến hạn ông B không trả gốc và lãi dù bà H nhiều lần đòi. Bà H yêu cầu Toà án buộc ông B trả nợ gốc và tiền lãi.';

describe('POST /v1/cases/provisions by case type', () => {
  it('a criminal description gets its case type, the offense with clause, point and reasons, the general part and a short procedure list', async () => {
    const res = await request(app).post('/v1/cases/provisions').send({ facts: HEROIN }).expect(200);
    expect(res.body.caseType).toMatchObject({ type: 'hình sự', family: 'criminal' });
    expect(res.body.caseType.reason).toContain('bị cáo');
    const offense = res.body.offenses[0];
    expect(offense).toMatchObject({ documentId: 'codes/bo-luat-hinh-su-2015', article: '249', clause: '1', points: ['c'], label: 'Điểm c khoản 1 Điều 249 Bộ luật hình sự 2015' });
    expect(offense.reasons.some((r: { finding: string; quote?: string }) => r.finding.includes('0,85 gam') && r.quote?.includes('0,85g heroin'))).toBe(true);
    const doc = index.documents.get('codes/bo-luat-hinh-su-2015')!;
    expect(doc.text.slice(offense.span.start, offense.span.end)).toMatch(/^c\) Hêrôin, côcain, Methamphetamine, Amphetamine, MDMA có khối lượng từ 0,1 gam đến dưới 05 gam/);
    expect(res.body.general.map((g: { article: string }) => g.article)).toEqual(expect.arrayContaining(['51', '38', '47']));
    expect(res.body.procedural.length).toBeLessThanOrEqual(5);
    expect(res.body.procedural.every((p: { documentId: string }) => p.documentId === 'codes/bo-luat-to-tung-hinh-su-2015')).toBe(true);
    expect(res.body.provisions[0].article).toBe('249');
  });

  it('an unpaid loan gets BLDS Điều 466 and 468 among the substantive provisions and BLTTDS in a separate procedural list', async () => {
    const res = await request(app).post('/v1/cases/provisions').send({ facts: LOAN }).expect(200);
    expect(res.body.caseType).toMatchObject({ type: 'dân sự', family: 'civil' });
    const substantive = (res.body.substantive as { documentId: string; article: string }[]).map((p) => `${p.documentId}#${p.article}`);
    expect(substantive.slice(0, 5)).toEqual(expect.arrayContaining(['laws/bo-luat-dan-su#466', 'laws/bo-luat-dan-su#468']));
    expect(substantive.every((k) => !k.includes('to-tung'))).toBe(true);
    const procedural = res.body.procedural as { documentId: string; reasons: { finding: string }[] }[];
    expect(procedural.length).toBeGreaterThan(0);
    expect(procedural.length).toBeLessThanOrEqual(5);
    expect(procedural.every((p) => p.documentId === 'codes/bo-luat-to-tung-dan-su-2015' && p.reasons.length > 0)).toBe(true);
    // Similar judgments with their outcome, the facts they share, and the tendency with its caveat.
    expect(res.body.similar[0].sharedFacts.length).toBeGreaterThan(0);
    expect(res.body.tendency.summary).toMatch(/^\d\/\d bản án tương tự nhất/);
    expect(res.body.tendency.caveat).toContain('không phải dự đoán');
  });
});

describe('chat routing of a criminal fact pattern', () => {
  it('answers with the offense and its clause, each article cited to the exact clause text, instead of refusing', async () => {
    const res = await request(app).post('/v1/chat').send({ messages: [{ role: 'user', content: HEROIN }] }).expect(200);
    expect(res.body.refused).toBe(false);
    expect(res.body.answer).toContain('Loại vụ án: hình sự');
    expect(res.body.answer).toContain('Điểm c khoản 1 Điều 249 Bộ luật hình sự 2015');
    const citations = res.body.citations as { documentId: string; article: string; quote: string; start: number; end: number }[];
    expect(citations[0]).toMatchObject({ documentId: 'codes/bo-luat-hinh-su-2015', article: '249' });
    for (const c of citations) expect(index.documents.get(c.documentId)!.text.slice(c.start, c.end)).toBe(c.quote);
  });
});

describe('GET /v1/articles/:documentId/:article/judgments', () => {
  it('lists case_4101 among the judgments that applied Điều 584 of the civil code, with the article text', async () => {
    const res = await request(app).get('/v1/articles/laws%2Fbo-luat-dan-su/584/judgments').expect(200);
    expect(res.body).toMatchObject({ documentId: 'laws/bo-luat-dan-su', article: '584', articleTitle: 'Căn cứ phát sinh trách nhiệm bồi thường thiệt hại' });
    expect(res.body.text).toMatch(/^Điều 584\. Căn cứ phát sinh trách nhiệm bồi thường thiệt hại/);
    const j = res.body.judgments.find((x: { documentId: string }) => x.documentId === 'judgments/case_4101');
    expect(j).toMatchObject({ number: '13/2017/DS-ST', citedAs: { label: 'Điều 584 Bộ luật Dân sự năm 2015', resolved: true } });
    // The id may also be written with its slash.
    const raw = await request(app).get('/v1/articles/laws/bo-luat-dan-su/584/judgments').expect(200);
    expect(raw.body.judgments).toEqual(res.body.judgments);
  });

  it('answers 404 for an unknown article or document', async () => {
    const article = await request(app).get('/v1/articles/laws%2Fbo-luat-dan-su/9999/judgments').expect(404);
    expect(article.body.error.message_vi).toContain('Điều 9999');
    await request(app).get('/v1/articles/laws%2Fkhong-co/1/judgments').expect(404);
  });
});

describe('chat routing of a fact pattern', () => {
  it('answers a judge’s fact pattern with provisions cited to their article text and similar judgments', async () => {
    const res = await request(app).post('/v1/chat').send({ messages: [{ role: 'user', content: FACTS }] }).expect(200);
    expect(res.body.refused).toBe(false);
    expect(res.body.answer).toContain('Loại vụ án: dân sự');
    expect(res.body.answer).toContain('Luật nội dung');
    expect(res.body.answer).toContain('Bản án số 13/2017/DS-ST');
    const citations = res.body.citations as { documentId: string; article: string | null; quote: string; start: number; end: number }[];
    expect(citations.some((c) => c.documentId === 'judgments/case_4101')).toBe(true);
    const articles = citations.filter((c) => c.article !== null);
    expect(articles.length).toBeGreaterThanOrEqual(5);
    for (const c of citations) {
      expect(index.documents.get(c.documentId)!.text.slice(c.start, c.end)).toBe(c.quote);
      expect(res.body.answer).toContain(`[${citations.indexOf(c) + 1}]`);
    }
  });

  it('leaves an ordinary legal question to the usual answer', async () => {
    const res = await request(app).post('/v1/chat').send({ messages: [{ role: 'user', content: 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?' }] }).expect(200);
    expect(res.body.answer).not.toContain('Loại vụ án');
    expect(res.body.citations[0].documentId).toBe('laws/luat-vien-chuc');
  });
});
