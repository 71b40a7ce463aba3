import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { AmendmentGraph } from '../src/amendments/amendment-graph.js';
import { parseLocations } from '../src/amendments/legal-location.js';
import { loadConfig } from '../src/config.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { createService } from '../src/service.js';
import { servedTestIndex } from './helpers/served-index.js';
import { TEST_INDEX_DIR } from './paths.js';

let index: CorpusIndex;
let graph: AmendmentGraph;
let app: Awaited<ReturnType<typeof createService>>['app'];
const BLTTDS = 'codes/bo-luat-to-tung-dan-su-2015';
const BVQLNTD = 'laws/luat-bao-ve-quyen-loi-nguoi-tieu-dung';

beforeAll(async () => {
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  graph = AmendmentGraph.build(index.documents.values());
  ({ app } = await createService(loadConfig({ INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'silent' }), { ...(await servedTestIndex()), logger: pino({ level: 'silent' }) }));
});

describe('units named in amending instructions', () => {
  it('reads points, clause lists and articles in order, giving pending units the next article', () => {
    expect(parseLocations('điểm b khoản 3 Điều 191')).toEqual([{ article: '191', clause: '3', point: 'b' }]);
    expect(parseLocations('khoản 3 và khoản 4 Điều 11')).toEqual([{ article: '11', clause: '3' }, { article: '11', clause: '4' }]);
    expect(parseLocations('Điều 37 và điểm đ khoản 1 Điều 38')).toEqual([{ article: '37' }, { article: '38', clause: '1', point: 'đ' }]);
    expect(parseLocations('các khoản 1, 2 và 3 Điều 5').map((l) => l.clause)).toEqual(['1', '2', '3']);
    expect(parseLocations('đoạn mở đầu khoản 1', '317')).toEqual([{ article: '317', clause: '1' }]);
    // `điều kiện` is a word, not `Điều k`.
    expect(parseLocations('Danh mục ngành, nghề đầu tư kinh doanh có điều kiện')).toEqual([]);
  });
});

describe('the amendment graph on the real corpus', () => {
  it('ties Điều 78 Luật Bảo vệ quyền lợi người tiêu dùng 2023 to the BLTTDS articles it amends, with the new wording', () => {
    const changes = graph.changesTo({ documentId: BLTTDS, article: '317', clause: '1' });
    const e = changes.find((x) => x.source.documentId === BVQLNTD)!;
    expect(e).toMatchObject({ action: 'amend', origin: 'text', effectiveDate: '2024-07-01', source: { article: '78', clause: '2', point: 'a' }, target: { number: '92/2015/QH13', article: '317', clause: '1' } });
    expect(e.newText).toMatch(/^1\. Trừ trường hợp quy định tại khoản 5 Điều này, Toà án giải quyết vụ án theo thủ tục rút gọn/u);
    const added = graph.changesTo({ documentId: BLTTDS, article: '317', clause: '5' }).find((x) => x.action === 'add')!;
    expect(added.newText).toContain('có giá trị giao dịch dưới 100 triệu đồng');
    expect(graph.changesTo({ documentId: BLTTDS, article: '191', clause: '3', point: 'b' }).some((x) => x.source.documentId === BVQLNTD)).toBe(true);
    // Not in effect before the amending law was.
    expect(graph.changesTo({ documentId: BLTTDS, article: '317' }, '2020-01-01').filter((x) => x.source.documentId === BVQLNTD)).toEqual([]);
  });

  it('lists edges whose target is outside the corpus, and repeals inside it', () => {
    const cuTru = graph.forDocument('laws/luat-cu-tru').amends;
    expect(cuTru.filter((e) => e.action === 'repeal' && e.target.number === '25/2012/QH13').map((e) => e.target.clause)).toEqual(['3', '4']);
    expect(cuTru.every((e) => e.target.documentId === undefined)).toBe(true);
    const repeal = graph.changesTo({ documentId: BLTTDS, article: '32', clause: '2' }).find((e) => e.action === 'repeal')!;
    expect(repeal.source).toMatchObject({ documentId: 'codes/bo-luat-lao-dong-2019', article: '219' });
    expect(graph.replacementOf('45/2013/QH13')?.source.documentId).toBe('laws/luat-dat-dai');
    // `Luật Căn cước công dân số 59/2014/QH13` is not the corpus' Luật Căn cước 2023.
    expect(graph.forDocument('laws/luat-can-cuoc').amendedBy.filter((e) => e.origin === 'text')).toEqual([]);
  });

  it('adds the registry’s amending laws outside the corpus, article by article', () => {
    const vc = graph.changesTo({ documentId: 'laws/luat-vien-chuc', article: '3' });
    expect(vc).toEqual([expect.objectContaining({ action: 'change', origin: 'registry', effectiveDate: '2020-07-01', source: expect.objectContaining({ number: '52/2019/QH14' }) })]);
  });
});

describe('amendments over HTTP', () => {
  it('GET /v1/documents/:id/amendments answers both ways, with asOf', async () => {
    const res = await request(app).get(`/v1/documents/${encodeURIComponent(BLTTDS)}/amendments`).expect(200);
    const fromBvqlntd = res.body.amendedBy.filter((e: { source: { documentId: string } }) => e.source.documentId === BVQLNTD);
    expect(fromBvqlntd.map((e: { target: { article: string; clause: string } }) => `${e.target.article}/${e.target.clause}`).sort()).toEqual(['191/3', '317/1', '317/5']);
    expect(fromBvqlntd[0].note).toMatch(/đã được (?:sửa đổi, bổ sung|bổ sung) bởi .*Điều 78 Luật Bảo vệ quyền lợi người tiêu dùng/u);
    const out = await request(app).get(`/v1/documents/${encodeURIComponent(BVQLNTD)}/amendments`).expect(200);
    expect(out.body.amends.some((e: { target: { documentId: string; inCorpus: boolean } }) => e.target.documentId === BLTTDS && e.target.inCorpus)).toBe(true);
    const before = await request(app).get(`/v1/documents/${encodeURIComponent(BLTTDS)}/amendments?asOf=2020-01-01`).expect(200);
    expect(before.body.amendedBy.some((e: { source: { documentId: string } }) => e.source.documentId === BVQLNTD)).toBe(false);
    const bad = await request(app).get(`/v1/documents/${encodeURIComponent(BLTTDS)}/amendments?asOf=01-01-2020`).expect(400);
    expect(bad.body.error.field).toBe('asOf');
    await request(app).get('/v1/documents/laws%2Fkhong-co/amendments').expect(404);
  });

  it('a citation of an amended BLTTDS article says “đã được sửa đổi bởi …” with the new wording', async () => {
    const res = await request(app).post('/v1/chat').send({ messages: [{ role: 'user', content: 'Điều 317 Bộ luật tố tụng dân sự quy định điều kiện áp dụng thủ tục rút gọn như thế nào?' }] }).expect(200);
    const cited = res.body.citations.find((c: { documentId: string; article: string }) => c.documentId === BLTTDS && c.article === '317');
    expect(cited).toBeDefined();
    const note = cited.amendments.find((a: { byDocumentId: string }) => a.byDocumentId === BVQLNTD);
    expect(note.text).toMatch(/đã được .* bởi .*Điều 78 Luật Bảo vệ quyền lợi người tiêu dùng.*2024-07-01/u);
    expect(note.newText).toBeTruthy();
    // With an as-of date before the amendment, the citation carries no note from it.
    const before = await request(app).post('/v1/chat').send({ messages: [{ role: 'user', content: 'Điều 317 Bộ luật tố tụng dân sự quy định điều kiện áp dụng thủ tục rút gọn như thế nào?' }], filters: { asOf: '2020-01-01' } }).expect(200);
    const old = before.body.citations.find((c: { documentId: string; article: string }) => c.documentId === BLTTDS && c.article === '317');
    expect(old?.amendments.some((a: { byDocumentId: string }) => a.byDocumentId === BVQLNTD) ?? false).toBe(false);
  });

  it('/v1/documents shows the registry’s number, dates, signer and amending laws', async () => {
    const res = await request(app).get('/v1/documents').expect(200);
    const vc = res.body.documents.find((d: { id: string }) => d.id === 'laws/luat-vien-chuc');
    expect(vc).toMatchObject({ number: '58/2010/QH12', issuedDate: '2010-11-15', effectiveDate: '2012-01-01', signer: 'Nguyễn Phú Trọng', issuer: 'Quốc hội' });
    expect(vc.amendedBy[0].number).toBe('52/2019/QH14');
  });
});
