import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { partitionOf, type PartitionKey } from '../src/index/postgres/build-layout.js';
import { ForwardScorer, forwardRow, type ScoredTerm } from '../src/index/postgres/forward-scores.js';
import { LexicalRows, readPostingsBlock } from '../src/index/postgres/lexical-rows.js';
import { TEST_INDEX_DIR } from './paths.js';

// The rows a build is published as (`publishBuild`), checked against the in-memory BM25 index they come from.
let index: CorpusIndex;
let rows: LexicalRows;
let partitions: PartitionKey[];
let chunkPartition: Int32Array;

beforeAll(async () => {
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  partitions = [];
  const keyOf = new Map<string, number>();
  chunkPartition = Int32Array.from(index.chunks, (c) => {
    const k = partitionOf(index.documents.get(c.documentId)!.meta);
    const name = `${k.coll}/${k.year}`;
    if (!keyOf.has(name)) keyOf.set(name, partitions.push(k) - 1);
    return keyOf.get(name)!;
  });
  rows = new LexicalRows({ lexical: index.lexical, chunkPartition, partitions, chunkTopicDoc: new Int32Array(index.chunks.length).fill(-1), impactWeights: { heading: 0.6, expansion: 1 }, blockSize: 64 });
});

describe('a build as PostgreSQL rows', () => {
  it('puts judgments in partitions by year and everything else in the legal partition', () => {
    const judgment = index.chunks.findIndex((c) => c.documentId === 'judgments/case_4101');
    const law = index.chunks.findIndex((c) => c.documentId === 'laws/luat-vien-chuc');
    expect(partitions[chunkPartition[judgment]!]).toEqual({ coll: 'judgment', year: 2017 });
    expect(partitions[chunkPartition[law]!]).toEqual({ coll: 'legal', year: 0 });
  });

  it('orders each term’s postings by impact, per partition, and loses no chunk', () => {
    const term = index.lexical.vocab.get('viên_chức')!;
    const blocks = [...rows.postings()].filter((r) => r[2] === term);
    const legal = blocks.filter((b) => b[0] === 'legal').sort((a, b) => a[3] - b[3]);
    const impacts = legal.flatMap((b) => [...readPostingsBlock(b[4]).impact]);
    expect(legal.length).toBeGreaterThan(1);
    for (let i = 1; i < impacts.length; i++) expect(impacts[i]!).toBeLessThanOrEqual(impacts[i - 1]!);
    const fields = [index.lexical.body, index.lexical.heading, index.lexical.expansion!];
    const containing = new Set(fields.flatMap((f) => [...(f.docs[term] ?? [])]));
    expect(new Set(blocks.flatMap((b) => [...readPostingsBlock(b[4]).pos]))).toEqual(containing);
  });

  it('scores a chunk from its forward row exactly as the in-memory BM25 does, field by field', () => {
    const query = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm';
    const q = index.lexical.analyze(query);
    const expected = index.lexical.fieldScores(q);
    const scored = new Map<number, ScoredTerm>(q.ids.map((id, k) => [id, { typed: q.weights[k]!, extra: 0, df: [index.lexical.body.docs[id]!.length, index.lexical.heading.docs[id]!.length, index.lexical.expansion!.docs[id]!.length] }]));
    const forward = [...rows.forward()];
    const scorer = new ForwardScorer(scored, { size: index.lexical.size, k1: 1.2, b: 0.75, avgLen: { body: index.lexical.body.avgLen, heading: index.lexical.heading.avgLen, expansion: index.lexical.expansion!.avgLen } });
    const article37 = index.chunks.findIndex((c) => c.documentId === 'laws/luat-vien-chuc' && c.article === '37');
    for (const pos of [article37, 0, 1234, 5000]) {
      const [, , p, terms, tfs, lb, lh, le] = forward[pos]!;
      expect(p).toBe(pos);
      const s = scorer.score(forwardRow(terms, tfs, [lb, lh, le]));
      expect(s.typed.body).toBeCloseTo(expected.body[pos]!, 4);
      expect(s.typed.heading).toBeCloseTo(expected.heading[pos]!, 4);
      expect(s.typed.expansion).toBeCloseTo(expected.expansion[pos]!, 4);
    }
    expect(expected.body[article37]!).toBeGreaterThan(5);
  });
});
