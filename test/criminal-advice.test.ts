import { beforeAll, describe, expect, it } from 'vitest';
import { caseIndexFor } from '../src/cases/case-index.js';
import { criminalCodeOf } from '../src/cases/criminal/criminal-code.js';
import { readCriminalFacts } from '../src/cases/criminal/criminal-facts.js';
import { matchClause } from '../src/cases/criminal/clause-match.js';
import { JudgeAdvisor, type JudgeAdvice, type ProvisionView } from '../src/cases/judge-advisor.js';
import { loadJudgeWeights } from '../src/cases/recommender-weights.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { HybridRetriever } from '../src/retrieval/hybrid-retriever.js';
import { lawMentionFinder } from '../src/retrieval/law-mention-finder.js';
import { loadRerankerWeights } from '../src/service.js';
import { TEST_INDEX_DIR } from './paths.js';

const BLHS = 'codes/bo-luat-hinh-su-2015';
let index: CorpusIndex;
let advisor: JudgeAdvisor;

beforeAll(async () => {
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  advisor = new JudgeAdvisor(caseIndexFor(index), new HybridRetriever({ index, weights: loadRerankerWeights(), findLaws: lawMentionFinder(index) }), loadJudgeWeights());
});

const theft = (value: string) =>
  `Khoảng 14 giờ ngày 05/3/2024, Đỗ Văn K đi ngang qua nhà anh Lý Văn P thấy chiếc xe mô tô để ngoài sân không khoá nên lén lút dắt xe đi bán. Hội đồng định giá kết luận chiếc xe trị giá ${value}. Bị cáo thành khẩn khai báo. Viện kiểm sát đề nghị xử phạt bị cáo từ 12 đến 15 tháng tù.`;

function offense(a: JudgeAdvice, article: string): ProvisionView | undefined {
  return a.offenses.find((o) => o.documentId === BLHS && o.article === article);
}

describe('criminal fact patterns on the real Bộ luật hình sự', () => {
  it('a theft gets Điều 173 with the clause its value falls in, and the reason quotes the value', async () => {
    const small = await advisor.advise(theft('28.000.000 đồng'));
    expect(small.caseType.type).toBe('hình sự');
    expect(small.offenses[0]).toMatchObject({ article: '173', clause: '1', kind: 'offense' });
    expect(small.offenses[0]!.reasons.some((r) => r.finding.includes('28.000.000') && r.rule.includes('từ 2.000.000 đồng đến dưới 50.000.000 đồng'))).toBe(true);
    const large = await advisor.advise(theft('230.000.000 đồng'));
    expect(large.offenses[0]).toMatchObject({ article: '173', clause: '3', points: ['a'] });
    expect(large.offenses[0]!.label).toBe('Điểm a khoản 3 Điều 173 Bộ luật hình sự 2015');
    // The marked span is the point that applies, inside the article.
    const doc = index.documents.get(BLHS)!;
    const span = large.offenses[0]!.span!;
    expect(doc.text.slice(span.start, span.end)).toMatch(/^a\) Chiếm đoạt tài sản trị giá từ 200\.000\.000 đồng đến dưới 500\.000\.000 đồng/);
  });

  it('heroin possession gets Điều 249 with point c of clause 1 for 0,85 gam, and confiscation (Điều 47)', async () => {
    const a = await advisor.advise('Tổ công tác Công an huyện kiểm tra phát hiện bị cáo Lò Văn Th đang cất giấu trong túi quần 01 gói giấy bạc chứa 0,85g heroin để sử dụng. Cơ quan điều tra thu giữ số ma tuý. Bị cáo thành khẩn khai báo. Viện kiểm sát đề nghị xử phạt bị cáo từ 18 tháng đến 02 năm tù.');
    expect(a.offenses[0]).toMatchObject({ article: '249', clause: '1', points: ['c'] });
    expect(a.general.map((g) => g.article)).toEqual(expect.arrayContaining(['51', '38', '47']));
    expect(a.general.find((g) => g.article === '51')).toMatchObject({ clause: '1', points: ['s'] });
    expect(a.procedural.map((p) => p.article)).toContain('106');
    expect(a.similar).toEqual([]);
    expect(a.notes.join(' ')).toContain('chưa có bản án hình sự');
  });

  it('a drunk driver who kills a pedestrian gets Điều 260, clause 2 point b (alcohol over the limit)', async () => {
    const a = await advisor.advise('Sau khi uống rượu, Nguyễn Văn Kh điều khiển xe ô tô lấn sang làn đường ngược chiều, đâm vào xe mô tô do anh Ngô Văn T điều khiển làm anh T tử vong tại chỗ. Nồng độ cồn trong hơi thở của Kh là 0,45 miligam/lít khí thở. Bị cáo đã bồi thường cho gia đình bị hại 150.000.000 đồng, thành khẩn khai báo.');
    expect(a.offenses[0]).toMatchObject({ article: '260', clause: '2', points: ['b'] });
    expect(a.general.find((g) => g.article === '51')?.points).toEqual(['b', 's']);
  });

  it('reads a description typed without accents', async () => {
    const a = await advisor.advise('Bi cao Nguyen Van H da lay trom 150 met day dien tai cong trinh cua Cong ty T roi mang ban phe lieu. Ket luan dinh gia xac dinh so day dien tri gia 8.000.000 dong. Bi cao thanh khan khai bao, chua co tien an tien su. Vien kiem sat de nghi xu phat bi cao tu 06 den 09 thang tu.');
    expect(a.caseType.type).toBe('hình sự');
    expect(a.offenses[0]).toMatchObject({ article: '173', clause: '1' });
    // A first, minor offense (clause 1 carries at most 3 years): point i as well as s.
    expect(a.general.find((g) => g.article === '51')?.points).toEqual(['i', 's']);
  });

  it('charges each offense of a description with two, and adds Điều 55', async () => {
    const a = await advisor.advise('Ngày 10/8/2023, Giáp Văn H lẻn vào nhà anh Đào Văn M lấy trộm 01 điện thoại và tiền mặt, tổng trị giá 9.000.000 đồng. Khi bị bắt, công an phát hiện trong túi H còn có 01 gói Heroine khối lượng 0,2 gam H mua để sử dụng. Viện kiểm sát truy tố H về tội Trộm cắp tài sản và tội Tàng trữ trái phép chất ma tuý, đề nghị tổng hợp hình phạt từ 02 năm 06 tháng đến 03 năm tù.');
    expect(a.offenses.map((o) => o.article).sort()).toEqual(['173', '249']);
    expect(a.general.map((g) => g.article)).toContain('55');
  });

  it('a minor defendant brings the articles on people under 18', async () => {
    const a = await advisor.advise('Nguyễn Hoàng A, sinh ngày 14/02/2006, khi phạm tội 17 tuổi. Ngày 20/7/2023, A lén lấy chiếc máy tính xách tay trị giá 12.000.000 đồng của bạn mang đi bán. A thành khẩn khai báo, phạm tội lần đầu. Viện kiểm sát đề nghị xử phạt A từ 06 đến 09 tháng tù nhưng cho hưởng án treo.');
    expect(a.general.map((g) => g.article)).toEqual(expect.arrayContaining(['90', '91', '101', '65']));
    expect(a.general.map((g) => g.article)).not.toContain('38');
  });
});

describe('clause conditions read from the code', () => {
  it('a prior conviction for the same offense frames theft under point e of clause 2, one for another offense does not frame drug possession', () => {
    const code = criminalCodeOf(index)!;
    const recidivist = readCriminalFacts('Bị cáo Đinh Văn P có 01 tiền án về tội Trộm cắp tài sản, chưa được xoá án tích. Ngày 03/8/2022, P lấy trộm 01 xe đạp điện trị giá 3.200.000 đồng.');
    expect(matchClause(code, code.offense('173')!, recidivist)).toMatchObject({ clause: { number: '2' }, points: ['e'] });
    const drugs = readCriminalFacts('Bị cáo Mai Văn Ch có 01 tiền án về tội Trộm cắp tài sản, chưa được xoá án tích. Ch bị bắt quả tang khi đang cất giữ 0,3 gam Methamphetamine để sử dụng.');
    const m = matchClause(code, code.offense('249')!, drugs);
    expect(m).toMatchObject({ clause: { number: '1' }, points: ['c'] });
    expect(m.used).not.toContain('priorConviction');
  });

  it('two drugs each under the threshold add up (point i of clause 1 of Điều 249)', () => {
    const code = criminalCodeOf(index)!;
    const f = readCriminalFacts('Thu giữ của bị cáo 01 gói chứa 0,05 gam Heroine và 01 gói chứa 0,08 gam Methamphetamine mà bị cáo cất giấu để sử dụng.');
    expect(matchClause(code, code.offense('249')!, f)).toMatchObject({ clause: { number: '1' }, points: ['i'] });
  });
});
