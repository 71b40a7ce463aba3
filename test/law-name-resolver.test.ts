import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findLawMentions, LawNameResolver, lawNameKey, passedYear } from '../src/retrieval/law-name-resolver.js';
import { loadLawEntries } from './helpers/law-entries.js';

const CORPUS = new URL('../../shared/corpus/', import.meta.url);
const entries = loadLawEntries(CORPUS);
const resolver = new LawNameResolver(entries);

describe('LawNameResolver on the real corpus titles', () => {
  it('is built from the 28 laws and 5 codes, with the years their texts give', () => {
    expect(entries).toHaveLength(33);
    expect(entries.find((e) => e.id === 'laws/bo-luat-dan-su')).toMatchObject({ title: 'Bộ luật dân sự', year: 2015 });
    expect(entries.find((e) => e.id === 'laws/luat-dat-dai')).toMatchObject({ title: 'Luật Đất đai', year: 2024 });
    expect(passedYear(readFileSync(new URL('laws/luat-hon-nhan-va-gia-dinh.txt', CORPUS), 'utf8'))).toBe(2014);
  });

  it('resolves the civil code however courts write it', () => {
    for (const name of ['Bộ luật Dân sự năm 2015', 'BLDS 2015', 'Bộ luật dân sự 2015', 'BỘ LUẬT DÂN SỰ', 'bo luat dan su', 'Bộ Luật dân sự', 'BLDS']) {
      expect(resolver.resolve(name), name).toBe('laws/bo-luat-dan-su');
    }
  });

  it('resolves the civil procedure code in codes/', () => {
    for (const name of ['Bộ luật Tố tụng dân sự', 'BLTTDS', 'Bộ luật tố tụng dân sự năm 2015', 'Bộ luật Tố tụng Dân sự 2015', '92/2015/QH13']) {
      expect(resolver.resolve(name), name).toBe('codes/bo-luat-to-tung-dan-su-2015');
    }
  });

  it('resolves the family law by its abbreviations and with its year', () => {
    for (const name of ['Luật HN&GĐ', 'Luật Hôn nhân và Gia đình năm 2014', 'Luật hôn nhân gia đình', 'Luật HNGĐ 2014']) {
      expect(resolver.resolveDetailed(name), name).toMatchObject({ id: 'laws/luat-hon-nhan-va-gia-dinh', exact: true });
    }
  });

  it('resolves a different year to the version in the corpus, flagged', () => {
    expect(resolver.resolveDetailed('Luật Đất đai năm 2013')).toEqual({ id: 'laws/luat-dat-dai', exact: false, yearMismatch: true, requestedYear: 2013, documentYear: 2024 });
    expect(resolver.resolveDetailed('Bộ luật Dân sự năm 2005')).toMatchObject({ id: 'laws/bo-luat-dan-su', exact: false, yearMismatch: true });
    expect(resolver.resolveDetailed('Luật Đất đai 2024')).toMatchObject({ id: 'laws/luat-dat-dai', exact: true, yearMismatch: false });
    expect(resolver.resolve('Luật Đất đai năm 2013')).toBe('laws/luat-dat-dai');
  });

  it('resolves by official number, also inside a name', () => {
    expect(resolver.resolve('100/2015/QH13')).toBe('codes/bo-luat-hinh-su-2015');
    expect(resolver.resolve('Bộ luật Lao động số 45/2019/QH14')).toBe('codes/bo-luat-lao-dong-2019');
  });

  it('derives abbreviations from the initials of a title, not from a list', () => {
    expect(resolver.resolve('LĐĐ')).toBe('laws/luat-dat-dai');
    expect(resolver.resolve('Luật BVMT')).toBe('laws/luat-bao-ve-moi-truong');
    expect(resolver.resolve('BLTTHS')).toBe('codes/bo-luat-to-tung-hinh-su-2015');
    expect(resolver.resolve('Bộ luật hàng hải 2015')).toBe('codes/bo-luat-hang-hai-viet-nam-2015');
  });

  it('accepts a shortened or type-swapped name, not as exact', () => {
    expect(resolver.resolveDetailed('Luật Dân sự')).toMatchObject({ id: 'laws/bo-luat-dan-su', exact: false });
    expect(resolver.resolveDetailed('Luật Trọng tài')).toMatchObject({ id: 'laws/luat-trong-tai-thuong-mai', exact: false });
  });

  it('returns nothing for laws the corpus lacks or names that are ambiguous', () => {
    for (const name of ['Luật Thi hành án dân sự', 'Nghị quyết số 326/2016/UBTVQH14', 'Luật Xây dựng năm 2014', 'Bộ luật tố tụng', 'Luật']) {
      expect(resolver.resolve(name), name).toBeUndefined();
    }
  });
});

describe('lawNameKey', () => {
  it('drops year, `năm`, `Việt Nam` and punctuation, and expands abbreviations', () => {
    expect(lawNameKey('Bộ luật Dân sự năm 2015')).toEqual({ key: 'bo luat dan su', year: 2015 });
    expect(lawNameKey('Bộ luật hàng hải Việt Nam 2015')).toEqual({ key: 'bo luat hang hai', year: 2015 });
    expect(lawNameKey('Luật HN&GĐ')).toEqual({ key: 'luat hon nhan va gia dinh' });
    expect(lawNameKey('Nghị quyết số 326/2016/UBTVQH14')).toEqual({ key: 'nghi quyet', number: '326/2016/ubtvqh14' });
    expect(lawNameKey('Luật Thi hành án dân sự sửa đổi, bổ sung năm 2014')).toEqual({ key: 'luat thi hanh an dan su' });
  });
});

describe('findLawMentions', () => {
  const names = (text: string): string[] => findLawMentions(text).map((m) => m.name);

  it('finds law names in queries', () => {
    expect(names('Điều 95 Luật Hôn nhân và gia đình quy định gì?')).toEqual(['Luật Hôn nhân và gia đình']);
    expect(names('khoản 2 Điều 123 Bộ luật hình sự')).toEqual(['Bộ luật hình sự']);
    expect(names('điều 95 luật hôn nhân và gia đình năm 2014')).toEqual(['luật hôn nhân và gia đình năm 2014']);
    expect(names('so sánh BLDS 2015 và BLTTDS')).toEqual(['BLDS 2015', 'BLTTDS']);
  });

  it('gives offsets of the name as written', () => {
    const text = 'theo Điều 584 Bộ luật Dân sự năm 2015; khoản 1 Điều 157';
    const [m] = findLawMentions(text);
    expect(text.slice(m!.start, m!.end)).toBe('Bộ luật Dân sự năm 2015');
  });

  it('keeps commas, `và` and `của` that belong to a title, and stops where the sentence resumes', () => {
    expect(names('Luật Phòng, chống tác hại của rượu, bia; Luật Khám bệnh, chữa bệnh tại')).toEqual(['Luật Phòng, chống tác hại của rượu, bia', 'Luật Khám bệnh, chữa bệnh']);
    expect(names('Bộ luật dân sự và Điều 27 của Luật hôn nhân và gia đình thì bà L')).toEqual(['Bộ luật dân sự', 'Luật hôn nhân và gia đình']);
    expect(names('Điều 227 Bộ luật Tố tụng Dân sự xét xử vắng mặt bị đơn')).toEqual(['Bộ luật Tố tụng Dân sự']);
    expect(names('Pháp lệnh về án phí, lệ phí Tòa án năm 2009')).toEqual(['Pháp lệnh về án phí, lệ phí Tòa án năm 2009']);
    expect(names('Điều 2 Luật Thi hành án dân sự, thời hiệu thi hành án')).toEqual(['Luật Thi hành án dân sự']);
    expect(names('Luật Tài nguyên nước, Luật Bảo vệ môi trường và Luật Căn cước')).toEqual(['Luật Tài nguyên nước', 'Luật Bảo vệ môi trường', 'Luật Căn cước']);
  });

  it('reads names wrapped over a line and numbered instruments', () => {
    expect(names('Điều 273 Bộ\nluật tố tụng dân sự; Nghị quyết 326/2016/UBTVQH14 ngày 30/12/2016')).toEqual(['Bộ luật tố tụng dân sự', 'Nghị quyết 326/2016/UBTVQH14']);
  });

  it('ignores pháp luật, luật sư and a bare `Bộ luật này`', () => {
    expect(names('theo quy định của pháp luật, luật sư của bị đơn; Bộ luật này có hiệu lực')).toEqual([]);
  });
});
