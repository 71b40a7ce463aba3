import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../src/index/corpus-index.js';
import { ingestCorpus } from '../../src/ingest/ingest-pipeline.js';
import { MAX_LABEL_CHARS } from '../../src/ingest/cap-labels.js';
import { TEST_CORPUS_DIR } from '../paths.js';
import { smallCorpus, type SmallCorpus } from './small-corpus.js';

// Defect 2 of issue 14: a file without line breaks made its whole text the title, copied into
// every chunk (512 KB took 67 s, 4 MB never finished); a 50 MB file was indexed without a word.
const made: SmallCorpus[] = [];
afterAll(() => {
  for (const c of made) rmSync(c.root, { recursive: true, force: true });
});

function corpus(extra: Record<string, string>): SmallCorpus {
  const c = smallCorpus(['luat-vien-chuc.txt', 'luat-cu-tru.txt'], extra);
  made.push(c);
  return c;
}

/** About `bytes` of real law text (Luật Thanh niên) on one line: no line breaks at all. */
function oneLine(bytes: number): string {
  const text = readFileSync(path.join(TEST_CORPUS_DIR, 'laws', 'luat-thanh-nien.txt'), 'utf8').replace(/\s*\n\s*/g, ' ');
  let out = '';
  while (Buffer.byteLength(out) < bytes) out += `${text} `;
  return out;
}

describe('ingest limits', () => {
  it('ingests a 1 MB file without line breaks: short title, sentence-sized chunks, flagged unverified', { timeout: 60_000 }, async () => {
    const c = corpus({ 'other/mot-dong.txt': oneLine(1024 * 1024) });
    const report = await ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 } });
    expect(report.documents).toBe(3);
    expect(report.unverified).toEqual(['other/mot-dong.txt']);
    const index = await CorpusIndex.load(c.index);
    const doc = index.documents.get('other/mot-dong')!;
    expect(doc.meta.title.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
    expect(doc.meta.title.endsWith('…')).toBe(true);
    expect(doc.meta.unverified).toBe(true);
    const chunks = index.chunks.filter((ch) => ch.documentId === 'other/mot-dong');
    expect(chunks.length).toBeGreaterThan(300);
    for (const ch of chunks) {
      expect(ch.text.length).toBeLessThanOrEqual(2 * 1400);
      expect(ch.heading.length).toBeLessThanOrEqual(MAX_LABEL_CHARS + 10);
    }
    // The real law beside it is untouched and not flagged.
    expect(index.documents.get('laws/luat-vien-chuc')?.meta.unverified).toBeUndefined();
  });

  it('cuts a text without sentence ends or spaces into bounded chunks', async () => {
    const c = corpus({ 'other/khong-dau-cau.txt': 'Thôngtinkhôngcódấucâu'.repeat(10_000) });
    await ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 } });
    const index = await CorpusIndex.load(c.index);
    const chunks = index.chunks.filter((ch) => ch.documentId === 'other/khong-dau-cau');
    expect(chunks.length).toBeGreaterThan(100);
    for (const ch of chunks) expect(ch.text.length).toBeLessThanOrEqual(1400);
  });

  it('skips a file over the size limit with a report line and keeps its indexed version', async () => {
    const c = corpus({ 'other/bao-cao.txt': 'Báo cáo tháng\nĐiều 1. Nội dung\nBản báo cáo ngắn ban đầu.' });
    const limits = { maxFileBytes: 100_000 };
    await ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 }, limits });
    writeFileSync(path.join(c.corpus, 'other', 'bao-cao.txt'), `Báo cáo tháng\n${'Dòng dữ liệu rác.\n'.repeat(20_000)}`);
    const report = await ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 }, limits });
    const line = report.skipped.find((s) => s.file === 'other/bao-cao.txt');
    expect(line?.reason).toMatch(/over the 0\.1 MB per-file limit \(INGEST_MAX_FILE_BYTES\); keeping the previously indexed version/);
    const index = await CorpusIndex.load(c.index);
    expect(index.documents.get('other/bao-cao')?.text).toContain('Bản báo cáo ngắn ban đầu.');
    expect(index.documents.has('laws/luat-vien-chuc')).toBe(true);
  });

  it('skips a file that makes more chunks than the limit, naming the count and the setting', async () => {
    const c = corpus({ 'other/nhieu-doan.txt': 'Ghi chép. '.repeat(120_000) });
    const report = await ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 }, limits: { maxChunksPerFile: 600 } });
    expect(report.skipped.find((s) => s.file === 'other/nhieu-doan.txt')?.reason).toMatch(/makes \d+ chunks, over the 600 per-file limit \(INGEST_MAX_CHUNKS_PER_FILE\)/);
    expect(report.documents).toBe(2);
  });
});
