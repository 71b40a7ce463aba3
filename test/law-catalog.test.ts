import { describe, expect, it } from 'vitest';
import { LawCatalog } from '../src/retrieval/law-catalog.js';
import { LawNameResolver } from '../src/retrieval/law-name-resolver.js';
import { loadLawEntries } from './helpers/law-entries.js';

const catalog = LawCatalog.load(new URL('../corpus/catalog/vietnamese-laws.tsv', import.meta.url).pathname);
const corpus = new LawNameResolver(loadLawEntries(new URL('../../shared/corpus/', import.meta.url)));
// As the service decides: a loose corpus match loses to a catalog law of exactly that name.
const inCorpus = (name: string) => {
  const r = corpus.resolveDetailed(name);
  return r !== undefined && (r.exact || r.yearMismatch || !catalog.resolve(name, true));
};

describe('LawCatalog: laws the corpus lacks', () => {
  it('lists laws that are not in the corpus, and none that are', () => {
    expect(catalog.laws.length).toBeGreaterThanOrEqual(100);
    const clashing = catalog.laws.filter((l) => inCorpus(l.name));
    expect(clashing.map((l) => l.name)).toEqual([]);
    // A corpus title that starts a catalog name does not swallow it.
    expect(catalog.missingLaws('Luật Giáo dục đại học quy định học phí thế nào?', inCorpus)[0]).toMatchObject({ name: 'Luật Giáo dục đại học', how: 'named' });
    expect(catalog.missingLaws('Luật Giáo dục quy định bậc học nào là bắt buộc?', inCorpus)).toEqual([]);
  });

  it('names a missing law a question names, by its full name or its abbreviation', () => {
    expect(catalog.missingLaws('Theo Luật Doanh nghiệp 2020 thì công ty TNHH có tối đa mấy thành viên?', inCorpus)).toEqual([{ name: 'Luật Doanh nghiệp', how: 'named', evidence: 'Luật Doanh nghiệp 2020' }]);
    expect(catalog.missingLaws('luật bhxh quy định đóng bao lâu thì được lương hưu', inCorpus)[0]).toMatchObject({ name: 'Luật Bảo hiểm xã hội', how: 'named' });
    expect(catalog.missingLaws('Nghị định 100 phạt vượt đèn đỏ bao nhiêu tiền', inCorpus)[0]).toMatchObject({ name: 'Nghị định 100', how: 'named' });
  });

  it('says nothing of a law the corpus holds, however it is written', () => {
    expect(catalog.missingLaws('Theo Bộ luật dân sự thì lãi suất vay tối đa là bao nhiêu?', inCorpus)).toEqual([]);
    expect(catalog.missingLaws('BLHS 2015 quy định tội trộm cắp thế nào', inCorpus)).toEqual([]);
  });

  it('finds the law whose subject an unnamed question is about, matching accented words only', () => {
    expect(catalog.missingLaws('Đóng bảo hiểm xã hội bao nhiêu năm thì được lương hưu?', inCorpus)).toEqual([{ name: 'Luật Bảo hiểm xã hội', how: 'topic', evidence: 'lương hưu' }]);
    // `mở` is not `mỏ` (Luật Khoáng sản): topics are matched with their diacritics.
    expect(catalog.missingLaws('Sếp nợ lương hai tháng thì em phải làm gì?', inCorpus)).toEqual([]);
  });

  it('rejects a malformed line with its file and line number', () => {
    expect(() => LawCatalog.parse('name\taliases\ttopics\nLuật A\tx\n', 'bad.tsv')).toThrow('bad.tsv:2');
  });
});
