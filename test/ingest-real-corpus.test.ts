import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../src/ingest/chunk-document.js';
import { parseDocument } from '../src/ingest/parse-document.js';
import { sidecarSchema } from '../src/ingest/sidecar.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { HybridRetriever } from '../src/retrieval/hybrid-retriever.js';
import type { ParsedDocument } from '../src/types/legal-document.js';
import { TEST_CORPUS_DIR, TEST_INDEX_DIR } from './paths.js';

function parseReal(rel: string): ParsedDocument {
  const abs = path.join(TEST_CORPUS_DIR, rel);
  let sidecar;
  try {
    sidecar = sidecarSchema.parse(JSON.parse(readFileSync(abs.replace(/\.txt$/, '.meta.json'), 'utf8')));
  } catch {
    sidecar = undefined;
  }
  return parseDocument({ relPath: rel, rawText: readFileSync(abs, 'utf8'), contentHash: 'test', ...(sidecar ? { sidecar } : {}) });
}

describe('parsing the real corpus', () => {
  it('parses Điều 95 of Luật Hôn nhân và gia đình with its title and clauses', () => {
    const doc = parseReal('laws/luat-hon-nhan-va-gia-dinh.txt');
    expect(doc.meta).toMatchObject({ id: 'laws/luat-hon-nhan-va-gia-dinh', title: 'Luật Hôn nhân và gia đình', docType: 'Luật', kind: 'law' });
    const a95 = doc.articles.find((a) => a.number === '95')!;
    expect(a95.title).toBe('Điều kiện mang thai hộ vì mục đích nhân đạo');
    expect(a95.clauses.map((c) => c.number)).toEqual(['1', '2', '3', '4', '5']);
    const clause2 = a95.clauses[1]!;
    expect(doc.text.slice(clause2.start, clause2.end)).toMatch(/^2\. Vợ chồng có quyền nhờ người mang thai hộ/);
    expect(clause2.points.map((p) => p.letter)).toEqual(['a', 'b', 'c']);
    expect(a95.clauses[2]!.points.map((p) => p.letter)).toEqual(['a', 'b', 'c', 'd', 'đ']);
    expect(doc.text.slice(a95.clauses[4]!.start, a95.clauses[4]!.end)).toBe('5. Chính phủ quy định chi tiết Điều này.');
    expect(doc.text.slice(clause2.points[0]!.start, clause2.points[0]!.start + 2)).toBe('a)');
  });

  it('reads the Penal Code header and sidecar: number, dates, status, parts and chapters', () => {
    const doc = parseReal('codes/bo-luat-hinh-su-2015.txt');
    expect(doc.meta).toMatchObject({ number: '100/2015/QH13', issuedDate: '2015-11-27', effectiveDate: '2018-01-01', status: 'in_force', issuer: 'Quốc hội', docType: 'Bộ luật' });
    const chapters = new Set(doc.articles.map((a) => a.path.chapter));
    expect(chapters.has('Chương I')).toBe(true);
    expect(chapters.has('Chương XIV')).toBe(true);
    const a123 = doc.articles.find((a) => a.number === '123')!;
    expect(a123.title).toBe('Tội giết người');
    expect(a123.path).toMatchObject({ part: 'Phần thứ hai', chapter: 'Chương XIV' });
    const chunk = chunkDocument(doc).find((c) => c.article === '123')!;
    expect(chunk.path.join(' › ')).toMatch(/^Bộ luật hình sự 2015 › Phần thứ hai › Chương XIV › Điều 123/);
  });

  it('repairs legacy-font letters in a judgment (Ƣ → Ư)', () => {
    const raw = readFileSync(path.join(TEST_CORPUS_DIR, 'judgments/case_4101.txt'), 'utf8');
    expect(raw).toContain('NƢỚC');
    const doc = parseReal('judgments/case_4101.txt');
    expect(doc.text).not.toMatch(/[Ƣƣ]/);
    expect(doc.text).toContain('NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('removes briefing boilerplate and keeps its figures and dates', () => {
    const raw = readFileSync(path.join(TEST_CORPUS_DIR, 'briefings/2023-10-09-giao-ban-quy-iii-2023.txt'), 'utf8');
    expect(raw).toContain('Xem chi tiết icon');
    const doc = parseReal('briefings/2023-10-09-giao-ban-quy-iii-2023.txt');
    for (const junk of ['Xem chi tiết icon', '20230910-ta50.jpg', '\nTop', '\nbanner', 'khai báo online tại đây']) expect(doc.text).not.toContain(junk);
    expect(doc.text).toContain('Tỷ lệ hộ gia đình sử dụng cáp quang đạt 78,76%');
    expect(doc.text).toContain('Doanh thu lĩnh vực in: 25.617 tỷ đồng');
    expect(doc.meta).toMatchObject({ kind: 'briefing', meetingDate: '2023-10-09', period: 'Quý III/2023' });
    const chunks = chunkDocument(doc);
    expect(chunks.every((c) => c.date === '2023-10-09')).toBe(true);
  });

  it('chunks every article along its structure, never mid-sentence, with exact offsets', () => {
    const doc = parseReal('laws/luat-dat-dai.txt');
    const chunks = chunkDocument(doc);
    const articleEnd = new Map(doc.articles.map((a) => [a.number, a.end]));
    for (const c of chunks) {
      expect(doc.text.slice(c.start, c.end)).toBe(c.text);
      // A piece that stops before its article's end stops at a sentence or clause end.
      if (c.end < articleEnd.get(c.article!)!) expect(c.text.trimEnd()).toMatch(/[.;:…]$/u);
    }
    const split = chunks.filter((c) => c.clause !== undefined);
    expect(split.length).toBeGreaterThan(0);
    expect(split[0]!.heading).toMatch(/^Luật Đất đai › Điều \d+\. /);
  });
});

describe('searching the real index', () => {
  let retriever: HybridRetriever;
  beforeAll(async () => {
    retriever = new HybridRetriever({ index: await CorpusIndex.load(TEST_INDEX_DIR) });
  });

  it('finds the same chunks for a query with and without diacritics, and mixed tone placement', async () => {
    const accented = await retriever.search('điều kiện mang thai hộ vì mục đích nhân đạo', 5);
    const plain = await retriever.search('dieu kien mang thai ho vi muc dich nhan dao', 5);
    const oldStyle = await retriever.search('điều kiện mang thai hộ vì mục đích nhân đạo'.replace('hộ', 'hộ'), 5);
    expect(plain.restored).toBe(true);
    expect(plain.hits.map((h) => h.chunk.id)).toEqual(accented.hits.map((h) => h.chunk.id));
    expect(oldStyle.hits[0]!.chunk.id).toBe(accented.hits[0]!.chunk.id);
    expect(accented.hits[0]!.chunk.id).toBe('laws/luat-hon-nhan-va-gia-dinh#d95');
    const hoa1 = await retriever.search('hoà giải tranh chấp đất đai', 3);
    const hoa2 = await retriever.search('hòa giải tranh chấp đất đai', 3);
    expect(hoa2.hits.map((h) => h.chunk.id)).toEqual(hoa1.hits.map((h) => h.chunk.id));
  });
});
