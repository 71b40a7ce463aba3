import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { ingestCorpus } from '../src/ingest/ingest-pipeline.js';
import { loadRegistry, parseRegistry, RegistryError } from '../src/registry/load-registry.js';
import { readTextFacts } from '../src/registry/text-facts.js';
import { foldDiacritics } from '../src/text/fold.js';
import { normalizeVietnamese } from '../src/text/normalize.js';
import { REGISTRY_FILE, TEST_CORPUS_DIR, TEST_INDEX_DIR } from './paths.js';

const registry = await loadRegistry(REGISTRY_FILE);
const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

describe('the document registry (corpus/registry/documents.jsonl)', () => {
  it('holds one record for every law and code of the default corpus', async () => {
    const index = await CorpusIndex.load(TEST_INDEX_DIR);
    const legal = [...index.documents.values()].filter((d) => d.meta.kind === 'law' || d.meta.kind === 'code').map((d) => d.meta.id).sort();
    expect([...registry.records.keys()].sort()).toEqual(legal);
  });

  it('agrees with what each text says of itself: passing date, signer, effective date, header number', () => {
    const checked = { date: 0, signer: 0, effective: 0, number: 0 };
    for (const r of registry.records.values()) {
      const facts = readTextFacts(normalizeVietnamese(readFileSync(path.join(TEST_CORPUS_DIR, `${r.id}.txt`), 'utf8')));
      if (facts.passedDate) {
        expect(r.issuedDate, r.id).toBe(facts.passedDate);
        checked.date++;
      }
      if (facts.signer) {
        expect(foldDiacritics(r.signer ?? ''), r.id).toBe(foldDiacritics(facts.signer));
        checked.signer++;
      }
      if (facts.number) {
        expect(r.number, r.id).toBe(facts.number);
        checked.number++;
      }
      // A later act that moved the effective date must be explained in the record's notes.
      if (facts.effectiveDate && facts.effectiveDate !== r.effectiveDate) expect(r.notes ?? '', r.id).toContain(facts.effectiveDate);
      if (facts.effectiveDate) checked.effective++;
    }
    expect(checked).toEqual({ date: 31, signer: 33, effective: 32, number: 5 });
  });

  it('gives Luật Viên chức its number, dates and signer through ingest, and lists its amending and replacing laws', async () => {
    const index = await CorpusIndex.load(TEST_INDEX_DIR);
    const m = index.documents.get('laws/luat-vien-chuc')!.meta;
    expect(m).toMatchObject({ number: '58/2010/QH12', docType: 'Luật', issuer: 'Quốc hội', signer: 'Nguyễn Phú Trọng', issuedDate: '2010-11-15', effectiveDate: '2012-01-01' });
    expect(m.amendedBy?.[0]).toMatchObject({ number: '52/2019/QH14', effectiveDate: '2020-07-01' });
    expect(m.amendedBy?.[0]?.articles).toContain('3');
    expect(m.replacedBy?.[0]?.number).toBe('129/2025/QH15');
    // The codes' sidecars and the registry agree; the registry adds the amendments.
    const blhs = index.documents.get('codes/bo-luat-hinh-su-2015')!.meta;
    expect(blhs).toMatchObject({ number: '100/2015/QH13', effectiveDate: '2018-01-01', status: 'in_force', statusText: 'Còn hiệu lực' });
    expect(blhs.amendedBy?.map((a) => a.number)).toEqual(['12/2017/QH14']);
  });

  it('names the file, line and field of a bad record', () => {
    const good = readFileSync(REGISTRY_FILE, 'utf8').split('\n').find((l) => l.startsWith('{'))!;
    expect(() => parseRegistry(`# header\n${good}\n${good}`, 'r.jsonl')).toThrow(/r\.jsonl:3: duplicate id laws\/bo-luat-dan-su/);
    expect(() => parseRegistry(`${good.replace('"2015-11-24"', '"24/11/2015"')}`, 'r.jsonl')).toThrow(RegistryError);
    expect(() => parseRegistry(`${good.replace('"2015-11-24"', '"24/11/2015"')}`, 'r.jsonl')).toThrow(/r\.jsonl:1: issuedDate: expected an ISO date/);
    expect(() => parseRegistry('{"kind":"document"', 'r.jsonl')).toThrow(/r\.jsonl:1: invalid JSON/);
  });

  it('re-ingests exactly the document whose record changed, with no new embedding work', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'registry-'));
    tmpDirs.push(root);
    const corpus = path.join(root, 'corpus');
    mkdirSync(path.join(corpus, 'laws'), { recursive: true });
    for (const f of ['luat-thanh-nien.txt', 'luat-vien-chuc.txt']) cpSync(path.join(TEST_CORPUS_DIR, 'laws', f), path.join(corpus, 'laws', f));
    const lines = readFileSync(REGISTRY_FILE, 'utf8').split('\n').filter((l) => l.includes('"laws/luat-thanh-nien"') || l.includes('"laws/luat-vien-chuc"'));
    const file = path.join(root, 'registry.jsonl');
    writeFileSync(file, lines.join('\n'));
    const out = path.join(root, 'index');
    const logs: string[] = [];
    await ingestCorpus({ corpusDir: corpus, indexDir: out, lsa: { dim: 16 }, registry: await loadRegistry(file), onLog: (m) => logs.push(m) });
    expect((await CorpusIndex.load(out)).documents.get('laws/luat-thanh-nien')!.meta.number).toBe('57/2020/QH14');

    writeFileSync(file, lines.map((l) => l.replace('"57/2020/QH14"', '"99/2020/QH14"')).join('\n'));
    const again = await ingestCorpus({ corpusDir: corpus, indexDir: out, lsa: { dim: 16 }, registry: await loadRegistry(file) });
    expect(again.changed).toEqual(['laws/luat-thanh-nien.txt']);
    expect(again.embedded).toBe(0);
    expect((await CorpusIndex.load(out)).documents.get('laws/luat-thanh-nien')!.meta.number).toBe('99/2020/QH14');
    expect(logs.filter((l) => l.includes('matches no document'))).toEqual([]);
  });
});
