import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { ingestCorpus } from '../src/ingest/ingest-pipeline.js';
import { HybridRetriever } from '../src/retrieval/hybrid-retriever.js';
import { minimalPdf } from './fixtures/minimal-pdf.js';
import { TEST_CORPUS_DIR } from './paths.js';

// A small corpus of real laws plus files of every supported kind, good and bad.
let root: string;
let corpus: string;
let out: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'ingest-'));
  corpus = path.join(root, 'corpus');
  out = path.join(root, 'indexes');
  mkdirSync(path.join(corpus, 'laws'), { recursive: true });
  for (const f of ['luat-vien-chuc.txt', 'luat-thanh-nien.txt', 'luat-cu-tru.txt']) cpSync(path.join(TEST_CORPUS_DIR, 'laws', f), path.join(corpus, 'laws', f));
  mkdirSync(path.join(corpus, 'other'));
  writeFileSync(path.join(corpus, 'other', 'quy-che.pdf'), minimalPdf(['Quy che noi bo', 'Dieu 1. Pham vi ap dung', 'Quy che nay ap dung cho can bo phong tiep dan.']));
  writeFileSync(path.join(corpus, 'other', 'thong-bao.html'), '<html><body><nav>Menu</nav><h1>Thông báo lịch tiếp công dân</h1><p>Lịch tiếp công dân vào thứ Năm hằng tuần.</p><script>var x=1</script></body></html>');
  writeFileSync(path.join(corpus, 'other', 'hong.pdf'), Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog'), Buffer.alloc(64, 7)]));
  writeFileSync(path.join(corpus, 'other', 'rong.txt'), '');
  writeFileSync(path.join(corpus, 'other', 'ma-hoa-sai.txt'), Buffer.from([0x54, 0x68, 0xf4, 0x6e, 0x67, 0x20, 0xb8, 0xe1, 0xff, 0xfe]));
  writeFileSync(path.join(corpus, 'other', 'anh.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ingestCorpus', () => {
  it('indexes readable files and reports each unreadable one by name with its reason', async () => {
    const report = await ingestCorpus({ corpusDir: corpus, indexDir: out, lsa: { dim: 32 } });
    expect(report.unchanged).toBe(false);
    expect(report.documents).toBe(5);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['other/hong.pdf']).toMatch(/corrupt or unreadable PDF/);
    expect(reasons['other/rong.txt']).toBe('empty file');
    expect(reasons['other/ma-hoa-sai.txt']).toMatch(/not valid UTF-8/);
    expect(reasons['other/anh.png']).toBe('unsupported file type');

    const index = await CorpusIndex.load(out);
    const pdf = index.documents.get('other/quy-che')!;
    expect(pdf.text).toContain('Quy che nay ap dung cho can bo phong tiep dan.');
    expect(pdf.meta.kind).toBe('other');
    const html = index.documents.get('other/thong-bao')!;
    expect(html.text).toContain('Lịch tiếp công dân vào thứ Năm hằng tuần.');
    expect(html.text).not.toContain('var x');
    const hits = (await new HybridRetriever({ index }).search('thời hạn bổ nhiệm viên chức quản lý', 1)).hits;
    expect(hits[0]!.chunk.id).toBe('laws/luat-vien-chuc#d37');
  });

  it('does no work when nothing changed', async () => {
    const report = await ingestCorpus({ corpusDir: corpus, indexDir: out, lsa: { dim: 32 } });
    expect(report.unchanged).toBe(true);
    expect(report.embedded).toBe(0);
  });

  it('re-embeds exactly the changed file’s chunks, and drops a removed file’s', async () => {
    const before = await CorpusIndex.load(out);
    const file = path.join(corpus, 'laws', 'luat-thanh-nien.txt');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Điều 1. Thanh niên\n');
    writeFileSync(file, text.replace('Điều 1. Thanh niên\n', 'Điều 1. Thanh niên và độ tuổi thanh niên\n'));
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    rmSync(path.join(corpus, 'other', 'thong-bao.html'));
    const report = await ingestCorpus({ corpusDir: corpus, indexDir: out, lsa: { dim: 32 } });
    expect(report.changed).toEqual(['laws/luat-thanh-nien.txt']);
    expect(report.removed).toEqual(['other/thong-bao.html']);
    expect(report.retrained).toBe(false);
    // Only the edited article's chunk is new: the other chunks of the same law keep their vectors.
    expect(report.embedded).toBe(1);
    const after = await CorpusIndex.load(out);
    expect(after.dir).not.toBe(before.dir);
    expect(after.documents.has('other/thong-bao')).toBe(false);
    expect(after.chunks.some((c) => c.documentId === 'other/thong-bao')).toBe(false);
    const searchRemoved = await new HybridRetriever({ index: after }).search('lịch tiếp công dân thứ Năm', 5);
    expect(searchRemoved.hits.some((h) => h.chunk.documentId === 'other/thong-bao')).toBe(false);
    expect(after.vectors.count).toBeGreaterThan(0);
    const hit = (await new HybridRetriever({ index: after }).search('thanh niên và độ tuổi thanh niên', 1)).hits[0]!;
    expect(hit.chunk.id).toBe('laws/luat-thanh-nien#d1');
    expect(hit.chunk.articleTitle).toBe('Thanh niên và độ tuổi thanh niên');
  });

  it('keeps the previously indexed version of a file that became unreadable', async () => {
    const file = path.join(corpus, 'laws', 'luat-vien-chuc.txt');
    writeFileSync(file, '');
    const report = await ingestCorpus({ corpusDir: corpus, indexDir: out, lsa: { dim: 32 } });
    expect(report.skipped.find((s) => s.file === 'laws/luat-vien-chuc.txt')?.reason).toMatch(/empty file; keeping the previously indexed version/);
    const index = await CorpusIndex.load(out);
    expect(index.documents.get('laws/luat-vien-chuc')?.articles.length).toBeGreaterThan(50);
  });

  it('leaves the served build intact when a build is interrupted', async () => {
    const served = (await CorpusIndex.load(out)).dir;
    // A crashed build leaves a temp folder behind; CURRENT still points at the complete build.
    mkdirSync(path.join(out, 'builds', '.tmp-crashed-123'), { recursive: true });
    writeFileSync(path.join(out, 'builds', '.tmp-crashed-123', 'chunks.json'), '[');
    expect((await CorpusIndex.load(out)).dir).toBe(served);
    expect(existsSync(path.join(served, 'manifest.json'))).toBe(true);
  });
});
