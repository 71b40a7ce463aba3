import { expect, it } from 'vitest';
import { LsaEmbedder } from '../src/embeddings/lsa-embedder.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { TEST_INDEX_DIR } from './paths.js';

it('the binary form of the test build’s LSA model (what PostgreSQL nodes load) embeds questions exactly as the model does', async () => {
  const index = await CorpusIndex.load(TEST_INDEX_DIR);
  expect(index.embedder).toBeInstanceOf(LsaEmbedder);
  const lsa = index.embedder as LsaEmbedder;
  const back = LsaEmbedder.fromBinary(lsa.toBinary());
  expect(back.model.vocab).toEqual(lsa.model.vocab);
  expect([back.model.dim, back.model.trainedOn]).toEqual([lsa.model.dim, lsa.model.trainedOn]);
  for (const q of ['Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?', 'thanh nien la cong dan tu du bao nhieu tuoi']) {
    const [a, b] = [await lsa.embedQuery(q), await back.embedQuery(q)];
    expect(a.some((x) => x !== 0)).toBe(true);
    expect(b).toEqual(a);
  }
});
