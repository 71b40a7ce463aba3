import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJudgment, SECTION } from '../src/cases/parse-judgment.js';
import { normalizeVietnamese } from '../src/text/normalize.js';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const DATASETS = new URL('../../shared/datasets/', import.meta.url);
const judgment = (name: string): string => normalizeVietnamese(readFileSync(new URL(`judgments/${name}.txt`, CORPUS), 'utf8'));

interface GoldJudgment {
  case_id: string;
  judgment_number: string;
  judgment_date: string;
  verdict_label: string;
}

describe('parseJudgment on case_4101', () => {
  const text = judgment('case_4101');
  const p = parseJudgment(text);

  it('reads the header facts', () => {
    expect(p.kind).toBe('judgment');
    expect(p.docType).toBe('Bản án');
    expect(p.number).toBe('13/2017/DS-ST');
    expect(p.date).toBe('2017-09-22');
    expect(p.court).toBe(normalizeVietnamese('Tòa án nhân dân thành phố Lào Cai'));
    expect(p.level).toBe('sơ thẩm');
    expect(p.caseType).toBe('dân sự');
    expect(p.caseName).toBe('Đòi bồi thường thiệt hại ngoài hợp đồng về tài sản');
    expect(p.subject).toBe('Tranh chấp về bồi thường thiệt hại ngoài hợp đồng');
  });

  it('builds a title without the database dump header', () => {
    expect(p.title).toBe(normalizeVietnamese('Bản án số 13/2017/DS-ST ngày 22/9/2017 của Tòa án nhân dân thành phố Lào Cai'));
    expect(p.title).not.toMatch(/\*|row|case_name/);
  });

  it('lists the parties by role', () => {
    expect(p.parties).toEqual([
      { role: 'nguyên đơn', name: 'Lê Thị T' },
      { role: 'bị đơn', name: 'Chử Lương D' },
      { role: 'bị đơn', name: 'Đỗ Thị Thanh T' },
    ]);
  });

  it('finds the three sections in order, each starting at its heading', () => {
    expect(p.sections.map((s) => s.heading)).toEqual([SECTION.facts, SECTION.reasoning, SECTION.decision]);
    const [facts, reasoning, decision] = p.sections;
    expect(text.slice(facts!.start, facts!.start + 14)).toBe('NỘI DUNG VỤ ÁN');
    expect(text.slice(reasoning!.start, reasoning!.start + 20)).toBe('NHẬN ĐỊNH CỦA TOÀ ÁN');
    expect(text.slice(decision!.start, decision!.start + 10)).toBe('QUYẾT ĐỊNH');
    expect(facts!.end).toBe(reasoning!.start);
    expect(reasoning!.end).toBe(decision!.start);
    expect(decision!.end).toBe(text.length);
    expect(text.slice(decision!.start, decision!.end)).toContain('Điều 584');
  });

  it('labels the outcome from the decision', () => {
    expect(p.outcome).toBe('chấp nhận một phần');
  });
});

describe('parseJudgment on all 50 judgments', () => {
  const names = readdirSync(new URL('judgments/', CORPUS))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''));
  const parsed = new Map(names.map((n) => [n, parseJudgment(judgment(n))]));
  const gold = JSON.parse(readFileSync(new URL('judgments-dev.json', DATASETS), 'utf8')) as GoldJudgment[];

  it('gives every judgment a number, a date, a court and the three sections', () => {
    const failures = names.filter((n) => {
      const p = parsed.get(n)!;
      return !p.number || !p.date || !p.court || p.sections.length !== 3 || !p.level;
    });
    console.log(`[parse] ${names.length - failures.length}/${names.length} judgments parse fully; failing: ${failures.join(', ') || 'none'}`);
    expect(failures).toEqual([]);
  });

  it('agrees with the gold numbers and dates of judgments-dev', () => {
    const gNumber = (g: GoldJudgment): string => g.judgment_number.replace(/\s+/g, '');
    const gDate = (g: GoldJudgment): string => {
      const [d, m, y] = g.judgment_date.trim().split(/\s*[-/]\s*/).map(Number);
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    };
    const numberMisses = gold.filter((g) => parsed.get(g.case_id)?.number !== gNumber(g)).map((g) => `${g.case_id}: ${parsed.get(g.case_id)?.number} vs ${gNumber(g)}`);
    const dateMisses = gold.filter((g) => parsed.get(g.case_id)?.date !== gDate(g)).map((g) => g.case_id);
    console.log(`[parse] gold numbers matched ${gold.length - numberMisses.length}/${gold.length} (${numberMisses.join('; ')}), dates ${gold.length - dateMisses.length}/${gold.length}`);
    // case_5226's gold number `64/2018/DDST` is a typo for the `64/2018/DSST` the judgment prints.
    expect(numberMisses).toEqual(['case_5226: 64/2018/DSST vs 64/2018/DDST']);
    expect(dateMisses).toEqual([]);
  });

  it('mostly agrees with the gold verdict labels', () => {
    const expected: Record<string, string> = { A_WIN: 'chấp nhận toàn bộ yêu cầu khởi kiện', PARTIAL_A_WIN: 'chấp nhận một phần', PARTIAL_B_WIN: 'chấp nhận một phần', B_WIN: 'không chấp nhận' };
    const agree = gold.filter((g) => parsed.get(g.case_id)?.outcome === expected[g.verdict_label]).length;
    console.log(`[parse] outcome agrees with verdict_label on ${agree}/${gold.length}`);
    expect(agree / gold.length).toBeGreaterThan(0.8);
  });

  it('reads the header of legacy-font judgments once normalised', () => {
    const p = parsed.get('case_5236')!;
    expect(p.number).toBe('36/2018/DSST');
    expect(p.court).toBe('Toà án nhân dân huyện Hiệp Hoà');
    expect(p.sections.map((s) => s.heading)).toEqual([SECTION.facts, SECTION.reasoning, SECTION.decision]);
    // `Bản án sog:20/2018/DSST`: the VNI `số` of case_5160 comes out of a mangled font.
    expect(parsed.get('case_5160')!.number).toBe('20/2018/DSST');
  });

  it('reads an appeal judgment as phúc thẩm', () => {
    const p = parsed.get('case_4337')!;
    expect(p.number).toBe('206/2017/DS-PT');
    expect(p.level).toBe('phúc thẩm');
  });
});

describe('parseJudgment on awkward layouts', () => {
  it('tolerates headings broken over lines, page numbers, TÒA/TOÀ and trailing colons', () => {
    const text = [
      'TÒA ÁN NHÂN DÂN',
      'HUYỆN ĐÔ LƯƠNG',
      'TỈNH NGHỆ AN',
      'Bản án số: 02/ 2019/HNGĐ - ST',
      'Ngày : 05 tháng 3 năm 2019',
      'V/v Ly hôn, tranh chấp nuôi con',
      '1. Nguyên đơn: Chị Nguyễn Thị A, sinh năm 1990',
      '2. Bị đơn: Anh Trần Văn B, sinh năm 1988',
      'NỘI  DUNG VỤ',
      'ÁN :',
      'Chị A trình bày...',
      'NHẬN ĐỊNH CỦA',
      '7',
      'TÒA ÁN:',
      'Xét yêu cầu của chị A...',
      'Quyết định:',
      'Căn cứ Điều 51, 56 Luật Hôn nhân và gia đình năm 2014;',
      'Xử: Chấp nhận yêu cầu khởi kiện của chị Nguyễn Thị A.',
    ].join('\n');
    const p = parseJudgment(normalizeVietnamese(text));
    expect(p.number).toBe('02/2019/HNGĐ-ST');
    expect(p.date).toBe('2019-03-05');
    expect(p.court).toBe('Toà án nhân dân huyện Đô Lương');
    expect(p.caseType).toBe('hôn nhân và gia đình');
    expect(p.caseName).toBe('Ly hôn, tranh chấp nuôi con');
    expect(p.sections.map((s) => s.heading)).toEqual([SECTION.facts, SECTION.reasoning, SECTION.decision]);
    expect(p.outcome).toBe('chấp nhận toàn bộ yêu cầu khởi kiện');
    expect(p.parties.map((x) => x.name)).toEqual(['Nguyễn Thị A', 'Trần Văn B']);
  });
});

describe('parseJudgment on the precedent (án lệ) layout', () => {
  const raw = `ÁN LỆ SỐ 04/2016/AL
Về vụ án “Tranh chấp hợp đồng chuyển nhượng quyền sử dụng đất”

Được Hội đồng Thẩm phán Tòa án nhân dân tối cao thông qua ngày 06 tháng 4 năm 2016 và được công bố theo Quyết định số 220/QĐ-CA ngày 06 tháng 4 năm 2016 của Chánh án Tòa án nhân dân tối cao.

Nguồn án lệ:
Quyết định giám đốc thẩm số 04/2010/QĐ-HĐTP ngày 03-3-2010 của Hội đồng Thẩm phán Tòa án nhân dân tối cao về vụ án dân sự “Tranh chấp hợp đồng chuyển nhượng quyền sử dụng đất” tại tỉnh Hà Nam giữa nguyên đơn là bà Phạm Thị H với bị đơn là ông Vũ Văn H; người có quyền lợi, nghĩa vụ liên quan gồm 09 người.

Khái quát nội dung của án lệ:
- Tình huống án lệ:
Nhà đất là tài sản chung của vợ chồng mà chỉ có một người đứng tên ký hợp đồng chuyển nhượng nhà đất đó cho người khác, người còn lại không ký tên trong hợp đồng.
- Giải pháp pháp lý:
Trường hợp này, Tòa án phải xác định người còn lại đã đồng ý với việc chuyển nhượng nhà đất đó.

Quy định của pháp luật liên quan đến án lệ:
Điều 176 Bộ luật Dân sự năm 1995.

Từ khóa của án lệ:
“Hợp đồng chuyển nhượng quyền sử dụng đất”; “Tài sản chung của vợ chồng”.

NỘI DUNG VỤ ÁN:
Theo đơn khởi kiện ngày 18-9-2003, nguyên đơn là bà Phạm Thị H trình bày...

NHẬN ĐỊNH CỦA TÒA ÁN:
Xét thấy, diện tích đất 125m2 tại thôn L là tài sản chung của vợ chồng ông H, bà L...

QUYẾT ĐỊNH:
Hủy Bản án dân sự phúc thẩm số 25/2008/DS-PT ngày 17-7-2008 của Tòa án nhân dân tỉnh Hà Nam.

Nội dung án lệ:
“[7] Như vậy, có đủ cơ sở xác định bà Phạm Thị T biết có việc chuyển nhượng đất giữa ông H với vợ chồng ông H, bà L.”
`;
  const text = normalizeVietnamese(raw);
  const p = parseJudgment(text);

  it('labels it a precedent with its number, adoption date and source level', () => {
    expect(p.kind).toBe('precedent');
    expect(p.docType).toBe('Án lệ');
    expect(p.number).toBe('04/2016/AL');
    expect(p.date).toBe('2016-04-06');
    expect(p.level).toBe('giám đốc thẩm');
    expect(p.caseType).toBe('dân sự');
    expect(p.caseName).toBe('Tranh chấp hợp đồng chuyển nhượng quyền sử dụng đất');
    expect(p.title).toBe('Án lệ số 04/2016/AL về vụ án “Tranh chấp hợp đồng chuyển nhượng quyền sử dụng đất”');
    expect(p.parties).toEqual([
      { role: 'nguyên đơn', name: 'Phạm Thị H' },
      { role: 'bị đơn', name: 'Vũ Văn H' },
    ]);
  });

  it('finds its sections, the summary spanning its situation and solution', () => {
    expect(p.sections.map((s) => s.heading)).toEqual([
      SECTION.source,
      SECTION.summary,
      SECTION.situation,
      SECTION.solution,
      SECTION.provisions,
      SECTION.keywords,
      SECTION.facts,
      SECTION.reasoning,
      SECTION.decision,
      SECTION.precedent,
    ]);
    const get = (h: string) => p.sections.find((s) => s.heading === h)!;
    expect(text.slice(get(SECTION.solution).start, get(SECTION.solution).end)).toContain('Toà án phải xác định người còn lại đã đồng ý');
    expect(get(SECTION.summary).end).toBe(get(SECTION.provisions).start);
    expect(get(SECTION.solution).end).toBe(get(SECTION.summary).end);
    expect(text.slice(get(SECTION.precedent).start, get(SECTION.precedent).end)).toContain('[7] Như vậy');
  });

  it('is not fooled by a judgment that cites a precedent', () => {
    expect(parseJudgment(judgment('case_5226')).kind).toBe('judgment');
  });
});
