import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { CorpusPhrases, missingTargets } from '../src/ingest/corpus-phrases.js';
import { definitionUnits, mineDefinitions } from '../src/ingest/mine-definitions.js';
import { isLegalSource, readCorpusDocuments } from '../src/ingest/read-corpus.js';
import { BRIEFING_DOMAIN, DOCUMENT_DOMAINS } from '../src/text/thesaurus-domains.js';
import { loadThesaurus, parseThesaurusTsv, Thesaurus, ThesaurusFormatError, type ThesaurusMatch, type ThesaurusRelation } from '../src/text/thesaurus.js';
import type { ParsedDocument } from '../src/types/legal-document.js';
import { TEST_CORPUS_DIR, TEST_THESAURUS_DIR } from './paths.js';

let docs: ParsedDocument[];
let corpus: CorpusPhrases;
let curated: Thesaurus;
let mined: ThesaurusRelation[];

const doc = (id: string) => docs.find((d) => d.meta.id === id)!;
const titles = (id: string) => doc(id).articles.map((a) => a.title.toLowerCase());
const termsOf = (matches: ThesaurusMatch[], typed: string) => matches.find((m) => m.text === typed)?.terms ?? [];

beforeAll(async () => {
  docs = await readCorpusDocuments(TEST_CORPUS_DIR, isLegalSource);
  corpus = new CorpusPhrases(docs);
  curated = loadThesaurus(TEST_THESAURUS_DIR);
  mined = mineDefinitions(docs, corpus);
});

describe('the curated thesaurus on the real corpus', () => {
  it('holds at least 2,000 curated relations, 40 or more for every law, code and the briefings', () => {
    expect(curated.size).toBeGreaterThanOrEqual(2000);
    const byDomain = curated.countsByDomain();
    for (const domain of [...new Set([...Object.values(DOCUMENT_DOMAINS), BRIEFING_DOMAIN])]) {
      expect(byDomain[domain] ?? 0, domain).toBeGreaterThanOrEqual(40);
    }
  });

  it('points every curated relation at a phrase that occurs in a law, code or briefing', () => {
    const missing = missingTargets(curated.all(), corpus).map((r) => `${r.source}: ${r.to}`);
    expect(missing).toEqual([]);
    // The check itself can fail: a made-up target is reported.
    const fake: ThesaurusRelation = { from: 'x', to: 'giấy phép nuôi rồng bay', kind: 'everyday', domain: 'dân sự', note: '', source: 'fake.tsv:1' };
    expect(missingTargets([fake], corpus)).toEqual([fake]);
  });

  it('everyday: "sếp nợ lương" reads as the employer and the wage-payment terms of the Labour Code (Điều 97)', () => {
    const found = curated.find('Sếp nợ lương 2 tháng rồi thì phải làm sao?');
    expect(termsOf(found, 'Sếp')).toContain('người sử dụng lao động');
    expect(termsOf(found, 'nợ lương')).toContain('kỳ hạn trả lương');
    const a97 = doc('codes/bo-luat-lao-dong-2019').articles.find((a) => a.number === '97')!;
    expect(a97.title.toLowerCase()).toBe('kỳ hạn trả lương');
  });

  it('everyday: "bị đánh" and "vay nặng lãi" reach the Penal Code offences', () => {
    const hit = curated.find('Tôi bị đánh gãy tay, còn em tôi thì dính vay nặng lãi');
    expect(termsOf(hit, 'bị đánh')).toContain('cố ý gây thương tích hoặc gây tổn hại cho sức khoẻ của người khác');
    expect(termsOf(hit, 'vay nặng lãi')).toContain('cho vay lãi nặng trong giao dịch dân sự');
    expect(titles('codes/bo-luat-hinh-su-2015')).toContain('tội cho vay lãi nặng trong giao dịch dân sự');
  });

  it('abbreviation: "CCCD" in a question expands to the card the Căn cước law regulates', () => {
    const [m] = curated.find('Làm lại CCCD bị mất ở đâu?');
    expect(m).toMatchObject({ text: 'CCCD', kinds: ['abbreviation'] });
    expect(m!.terms).toContain('thẻ căn cước');
    expect(titles('laws/luat-can-cuoc')).toContain('các trường hợp cấp đổi, cấp lại thẻ căn cước');
    // Typed in lower case without the đ, an acronym still reads (it is no Vietnamese syllable).
    expect(termsOf(curated.find('hdld het han co duoc tro cap khong'), 'hdld')).toContain('hợp đồng lao động');
  });

  it('old-term: "chứng minh nhân dân" and "hộ khẩu" map to the terms today\'s laws use', () => {
    const found = curated.find('Chứng minh nhân dân cũ còn dùng được không, hộ khẩu thì sao?');
    const cmnd = found.find((m) => m.text === 'Chứng minh nhân dân')!;
    expect(cmnd.kinds).toContain('old-term');
    expect(cmnd.terms).toContain('thẻ căn cước');
    expect(termsOf(found, 'hộ khẩu')).toEqual(expect.arrayContaining(['đăng ký thường trú', 'thường trú']));
  });

  it('synonym: a court-style law name maps to the corpus title', () => {
    const [m] = curated.find('Căn cứ Bộ luật Dân sự năm 2015');
    expect(m).toMatchObject({ text: 'Bộ luật Dân sự năm 2015', kinds: ['synonym'], terms: ['Bộ luật dân sự'] });
  });

  it('matches unaccented input, but a one-syllable word only when typed with its accents', () => {
    expect(termsOf(curated.find('so do dung ten ai thi ban duoc'), 'so do')).toContain('giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất');
    expect(termsOf(curated.find('bi danh o quan nhau'), 'bi danh')).toContain('cố ý gây thương tích');
    expect(termsOf(curated.find('chồng nhậu xong về đánh vợ'), 'nhậu')).toContain('rượu, bia');
    // "nhau" (each other) is not "nhậu" (drinking), and "sở đỏ" is not "sổ đỏ".
    expect(curated.find('vo chong bo nhau').map((m) => m.text)).not.toContain('nhau');
    expect(curated.find('sở đỏ').map((m) => m.text)).toEqual([]);
  });

  it('prefers the longest phrase and reports spans into the text as typed', () => {
    const text = 'Xin hỏi: hàng xóm lấn đất nhà tôi.';
    const [m] = curated.find(text);
    expect(m!.text).toBe('hàng xóm lấn đất');
    expect(text.slice(m!.start, m!.end)).toBe('hàng xóm lấn đất');
    expect(m!.terms).toContain('lấn đất');
  });

  it('finds legal terms in an article and returns the user phrasings to index with it', () => {
    const penal = doc('codes/bo-luat-hinh-su-2015');
    const a201 = penal.articles.find((a) => a.number === '201')!;
    const found = curated.findLegal(penal.text.slice(a201.start, a201.end));
    const phrasings = found.flatMap((m) => m.terms);
    expect(phrasings).toEqual(expect.arrayContaining(['vay nặng lãi', 'tín dụng đen']));
  });
});

describe('definitions mined from "Giải thích từ ngữ" articles', () => {
  it('reads the Labour Code\'s Điều 3: forced labour is defined by the use of force', () => {
    const units = definitionUnits(doc('codes/bo-luat-lao-dong-2019'));
    expect(units.map((u) => u.term)).toEqual(expect.arrayContaining(['người lao động', 'người sử dụng lao động', 'cưỡng bức lao động', 'quấy rối tình dục tại nơi làm việc']));
    const labour = mined.filter((r) => r.domain === 'lao động');
    expect(labour).toContainEqual(expect.objectContaining({ from: 'cưỡng bức lao động', to: 'dùng vũ lực', kind: 'definition', source: 'codes/bo-luat-lao-dong-2019 Điều 3 khoản 7' }));
    expect(labour).toContainEqual(expect.objectContaining({ from: 'quấy rối tình dục tại nơi làm việc', to: 'hành vi có tính chất tình dục' }));
  });

  it('keeps a law\'s own short names both ways (Luật Viễn thông: SIM) and mines every defining law', () => {
    expect(mined).toContainEqual(expect.objectContaining({ from: 'SIM', to: 'bộ xác định thuê bao', domain: 'viễn thông' }));
    expect(mined).toContainEqual(expect.objectContaining({ from: 'bộ xác định thuê bao', to: 'SIM' }));
    const sources = new Set(mined.map((r) => r.source.split(' ')[0]));
    for (const id of ['laws/luat-dat-dai', 'laws/luat-can-cuoc', 'laws/luat-cu-tru', 'codes/bo-luat-to-tung-hinh-su-2015']) expect(sources.has(id), id).toBe(true);
    expect(mined.length).toBeGreaterThan(500);
    // Every mined target is a span of the corpus, like the curated ones.
    expect(missingTargets(mined, corpus)).toEqual([]);
  });

  it('is found in a question once added to the thesaurus, both ways when the head is specific', () => {
    const t = new Thesaurus(curated.all());
    expect(t.addAll(mined)).toBeGreaterThan(500);
    expect(t.countsByKind().definition).toBe(t.size - curated.size);
    const term = t.find('Cưỡng bức lao động là gì?').find((x) => x.text === 'Cưỡng bức lao động')!;
    expect(term).toMatchObject({ kinds: ['definition'], terms: ['dùng vũ lực'] });
    const head = t.find('người phạm tội tự nguyện khai báo trước khi bị phát hiện thì sao').find((x) => x.kinds.includes('definition'))!;
    expect(head.terms).toContain('tự thú');
    // "dùng vũ lực" is common in the Penal Code (robbery…): too frequent to point back at forced labour.
    expect(t.find('dùng vũ lực').flatMap((m) => m.terms)).not.toContain('cưỡng bức lao động');
  });
});

describe('reading thesaurus files', () => {
  it('rejects a line with an unknown kind or too few columns, naming the file and line', () => {
    const good = 'from\tto\tkind\tdomain\tnote\n# comment\nsổ đỏ\tgiấy chứng nhận\teveryday\tđất đai\t\n';
    expect(parseThesaurusTsv(good, 'ok.tsv')).toHaveLength(1);
    expect(() => parseThesaurusTsv(`${good}ly dị\tly hôn\tslang\thôn nhân gia đình\n`, 'bad.tsv')).toThrow(/^bad\.tsv:4: unknown kind "slang"/);
    expect(() => parseThesaurusTsv('ly dị ly hôn everyday\n', 'bad.tsv')).toThrow(/^bad\.tsv:1: expected 4 or 5 tab-separated columns/);
    expect(() => parseThesaurusTsv('ly dị\tly hôn\teveryday\thôn nhân\n', 'bad.tsv')).toThrow(/bad\.tsv:1: unknown domain "hôn nhân"/);
  });

  it('loads a folder, reporting a malformed line and a duplicate relation by file and line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'thesaurus-'));
    writeFileSync(path.join(dir, 'a.tsv'), 'from\tto\tkind\tdomain\tnote\nly dị\tly hôn\teveryday\thôn nhân gia đình\tghi chú\n');
    expect(loadThesaurus(dir).size).toBe(1);
    writeFileSync(path.join(dir, 'b.tsv'), '# trùng\nly dị\tly hôn\teveryday\thôn nhân gia đình\n');
    let error: unknown;
    try {
      loadThesaurus(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ThesaurusFormatError);
    expect(error).toMatchObject({ file: 'b.tsv', line: 2, message: expect.stringContaining('duplicate of a.tsv:2') });
    writeFileSync(path.join(dir, 'b.tsv'), 'bỏ vợ\tly hôn\teveryday\n');
    expect(() => loadThesaurus(dir)).toThrow(/^b\.tsv:1: expected 4 or 5/);
  });

  it('is configured by THESAURUS_DIR, defaulting to the repository\'s corpus/thesaurus', () => {
    expect(loadConfig({}, '/srv/app').THESAURUS_DIR).toBe(path.resolve('/srv/app', 'corpus/thesaurus'));
    expect(loadConfig({ THESAURUS_DIR: '/data/thesaurus' }).THESAURUS_DIR).toBe('/data/thesaurus');
  });
});
