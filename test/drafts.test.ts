import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { AmendmentGraph } from '../src/amendments/amendment-graph.js';
import { loadConfig } from '../src/config.js';
import { findAuthorities } from '../src/drafts/authorities.js';
import { DraftChecker, type Finding } from '../src/drafts/draft-checker.js';
import { findModals } from '../src/drafts/modality.js';
import { findQuantities } from '../src/drafts/quantities.js';
import { splitDraft } from '../src/drafts/split-draft.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { createService } from '../src/service.js';
import { servedTestIndex } from './helpers/served-index.js';
import { TEST_INDEX_DIR } from './paths.js';

let index: CorpusIndex;
let checker: DraftChecker;
let app: Awaited<ReturnType<typeof createService>>['app'];

beforeAll(async () => {
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  checker = new DraftChecker(index, AmendmentGraph.build(index.documents.values()));
  ({ app } = await createService(loadConfig({ INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'silent' }), { ...(await servedTestIndex()), logger: pino({ level: 'silent' }) }));
});

const findings = (text: string): Finding[] => checker.check(text).provisions.flatMap((p) => p.findings);
const kinds = (text: string) => findings(text).map((f) => f.kind);

describe('normative content of a provision', () => {
  it('reads figures with units, ranges, spelt-out numbers and dates, but not article numbers or years', () => {
    const q = (s: string) => findQuantities(s).map((x) => [x.value, x.family, x.bound ?? null]);
    expect(q('Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi.')).toEqual([[16, 'age', 'min'], [30, 'age', 'max']]);
    expect(q('thời hạn không quá 01 năm')).toEqual([[12, 'months', 'max']]);
    expect(q('trong vòng mười lăm ngày')).toEqual([[15, 'days', null]]);
    expect(q('từ 15 đến 30 ngày làm việc')).toEqual([[15, 'working_days', 'min'], [30, 'working_days', 'max']]);
    expect(q('phạt tiền từ 200 triệu đồng đến 1.000.000.000 đồng')).toEqual([[2e8, 'vnd', 'min'], [1e9, 'vnd', 'max']]);
    expect(q('theo khoản 2 Điều 5 Luật năm 2015, có hiệu lực từ ngày 01 tháng 7 năm 2024')).toEqual([[20240701, 'date', null]]);
  });

  it('tells a prohibition from a permission and ignores `không phải là`', () => {
    const m = (s: string) => findModals(s).map((x) => x.kind);
    expect(m('Người lao động phải tuân thủ nội quy; không được tự ý bỏ việc; có quyền khiếu nại.')).toEqual(['obligation', 'prohibition', 'permission']);
    expect(m('Viên chức quản lý không phải là công chức.')).toEqual([]);
    expect(m('Người bệnh được hưởng chế độ')).toEqual(['permission']);
  });

  it('names authorities by a key where UBND and Ủy ban nhân dân are one', () => {
    const keys = findAuthorities('Chủ tịch UBND cấp xã quyết định; Bộ trưởng Bộ Công an quy định; Chính phủ hướng dẫn.').map((a) => a.key);
    expect(keys).toEqual(['chu tich uy ban nhan dan cap xa', 'bo truong bo cong an', 'chinh phu']);
  });
});

describe('splitting a pasted draft', () => {
  it('splits articles into clauses and keeps offsets into the text', () => {
    const text = 'Điều 1. Phạm vi\nLuật này quy định về thanh niên.\n\nĐiều 2. Thời hạn\n1. Hồ sơ được giải quyết trong thời hạn 15 ngày.\n2. Trường hợp phức tạp thì không quá 30 ngày.\na) điểm thuộc khoản 2;';
    const ps = splitDraft(text);
    expect(ps.map((p) => [p.article, p.clause ?? null])).toEqual([['1', null], ['2', '1'], ['2', '2']]);
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(ps[2]!.text).toContain('a) điểm thuộc khoản 2');
    expect(splitDraft('Thanh niên là công dân Việt Nam từ đủ 18 tuổi đến 35 tuổi.')).toHaveLength(1);
  });
});

describe('the draft checker on real text', () => {
  it('finds “từ đủ 18 tuổi đến 35 tuổi” a conflict with Điều 1 Luật Thanh niên (16 to 30), the figures marked on both sides', () => {
    const r = checker.check('Thanh niên là công dân Việt Nam từ đủ 18 tuổi đến 35 tuổi.');
    const f = r.provisions[0]!.findings[0]!;
    expect(f).toMatchObject({ kind: 'conflict', documentId: 'laws/luat-thanh-nien', article: '1' });
    expect(f.lawSpan!.text).toContain('từ đủ 16 tuổi đến 30 tuổi');
    const law = index.documents.get('laws/luat-thanh-nien')!.text;
    expect(f.differences.map((d) => [d.type, r.text.slice(d.draft!.start, d.draft!.end), law.slice(d.law!.start, d.law!.end)])).toEqual([
      ['number', '18 tuổi', '16 tuổi'],
      ['number', '35 tuổi', '30 tuổi'],
    ]);
    expect(f.score).toBeGreaterThan(0.9);
  });

  it('calls a faithful paraphrase of it a duplicate, not a conflict', () => {
    const fs = findings('Công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi là thanh niên.');
    expect(fs.map((f) => [f.kind, f.documentId, f.article])).toEqual([['duplicate', 'laws/luat-thanh-nien', '1']]);
  });

  it('flags a flipped modality, a swapped authority and a removed exception, each with its type', () => {
    // Khoản 1 Điều 46 Luật Viên chức: "Viên chức được hưởng chế độ hưu trí …".
    const mod = findings('Viên chức không được hưởng chế độ hưu trí theo quy định của pháp luật về lao động và pháp luật về bảo hiểm xã hội.');
    expect(mod[0]).toMatchObject({ kind: 'conflict', documentId: 'laws/luat-vien-chuc' });
    expect(mod[0]!.differences[0]).toMatchObject({ type: 'modality', draft: { text: 'không được' } });
    const auth = findings('Bộ trưởng Bộ Công an thống nhất quản lý nhà nước về viên chức.');
    expect(auth[0]).toMatchObject({ kind: 'conflict', documentId: 'laws/luat-vien-chuc', article: '47' });
    expect(auth[0]!.differences[0]).toMatchObject({ type: 'authority', draft: { text: 'Bộ trưởng Bộ Công an' }, law: { text: 'Chính phủ' } });
    // Điểm b khoản 1 Điều 25 Luật Cư trú (tách hộ) with its exception dropped.
    const cuTru = index.documents.get('laws/luat-cu-tru')!.text;
    const source = /[^\n]*trừ trường hợp thành viên hộ gia đình đăng ký tách hộ[^\n]*/u.exec(cuTru)![0];
    const dropped = source.replace(/,\s*trừ trường hợp[^;.]*/u, '').replace(/^b\)\s*/u, '');
    const e = findings(dropped).find((f) => f.kind === 'conflict')!;
    expect(e.documentId).toBe('laws/luat-cu-tru');
    expect(e.differences.map((d) => d.type)).toEqual(['exception']);
  });

  it('gives an unrelated new rule no finding', () => {
    expect(kinds('Trạm vũ trụ do tổ chức Việt Nam vận hành phải được đặt tên bằng tiếng Việt và đăng ký với Viện Hàn lâm Khoa học và Công nghệ Việt Nam.')).toEqual([]);
  });

  it('reports references to an article that does not exist, a replaced law and a repealed clause', () => {
    const fs = findings('Viên chức được cấp đất theo quy định tại Điều 450 của Luật Viên chức và Luật Đất đai số 45/2013/QH13.');
    expect(fs.filter((f) => f.kind === 'reference').map((f) => f.reason)).toEqual([
      expect.stringContaining('45/2013/QH13 đã hết hiệu lực'),
      expect.stringContaining('Luật Viên chức không có Điều 450'),
    ]);
    const repealed = findings('Tranh chấp lao động được giải quyết theo khoản 2 Điều 32 của Bộ luật Tố tụng dân sự.').filter((f) => f.kind === 'reference');
    expect(repealed[0]).toMatchObject({ documentId: 'codes/bo-luat-to-tung-dan-su-2015', article: '32', clause: '2' });
    expect(repealed[0]!.reason).toContain('bãi bỏ');
    // The draft's own articles: Điều 9 of a two-article draft does not exist.
    const own = checker.check('Điều 1. Phạm vi\nViệc quản lý hoạt động bay thử nghiệm thực hiện theo Điều 9 của Luật này.\n\nĐiều 2. Hiệu lực\nLuật này có hiệu lực từ năm sau.');
    expect(own.provisions[0]!.findings.find((f) => f.kind === 'reference')?.reason).toContain('Dự thảo không có Điều 9');
  });
});

describe('POST /v1/drafts/check', () => {
  it('answers with provisions, findings and counts in the documented shape', async () => {
    const text = 'Điều 1. Thanh niên\nThanh niên là công dân Việt Nam từ đủ 18 tuổi đến 35 tuổi.\n\nĐiều 2. Kết hôn\nViệc kết hôn phải được đăng ký và do cơ quan nhà nước có thẩm quyền thực hiện theo quy định của Luật này và pháp luật về hộ tịch.';
    const res = await request(app).post('/v1/drafts/check').send({ text }).expect(200);
    expect(res.body.provisions).toHaveLength(2);
    const [p1, p2] = res.body.provisions;
    expect(res.body.text.slice(p1.start, p1.end)).toBe(p1.text);
    expect(p1.findings[0]).toMatchObject({ kind: 'conflict', documentId: 'laws/luat-thanh-nien', article: '1', draftSpan: { start: expect.any(Number), end: expect.any(Number) }, lawSpan: { text: expect.stringContaining('16 tuổi') }, score: expect.any(Number), reason: expect.stringContaining('18 tuổi') });
    expect(p2.findings[0]).toMatchObject({ kind: 'duplicate', documentId: 'laws/luat-hon-nhan-va-gia-dinh', article: '9', clause: '1' });
    expect(res.body.counts).toEqual({ conflict: 1, duplicate: 1, reference: 0 });
  });

  it('rejects a bad body with a message naming the field', async () => {
    const empty = await request(app).post('/v1/drafts/check').send({ text: '   ' }).expect(400);
    expect(empty.body.error).toMatchObject({ field: 'text' });
    expect(empty.body.error.message_vi).toContain('"text"');
    const extra = await request(app).post('/v1/drafts/check').send({ text: 'x', draft: 'y' }).expect(400);
    expect(extra.body.error.message).toMatch(/draft|Unrecognized/);
    const date = await request(app).post('/v1/drafts/check').send({ text: 'Điều 1. X', asOf: '2024/01/01' }).expect(400);
    expect(date.body.error.field).toBe('asOf');
  });
});
