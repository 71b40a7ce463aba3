import type { Document } from '@langchain/core/documents';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { RunnableLambda, RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { beforeAll, describe, expect, it } from 'vitest';
import { CorpusIndex } from '../src/index/corpus-index.js';
import type { ServedIndex } from '../src/index/served-index.js';
import { HybridRetriever } from '../src/retrieval/hybrid-retriever.js';
import { lawMentionFinder } from '../src/retrieval/law-mention-finder.js';
import { LegalRetriever, type LegalDocumentMetadata } from '../src/retrieval/legal-retriever.js';
import { loadRerankerWeights } from '../src/service.js';
import { servedTestIndex } from './helpers/served-index.js';
import { TEST_INDEX_DIR } from './paths.js';

const VIEN_CHUC = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';

let index: CorpusIndex;
let served: ServedIndex;
let retriever: LegalRetriever;

beforeAll(async () => {
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  served = (await servedTestIndex()).index;
  const hybrid = new HybridRetriever({ index: served.retrieval, weights: loadRerankerWeights(), findLaws: lawMentionFinder(served) });
  retriever = new LegalRetriever({ retriever: hybrid, k: 4 });
});

/** The "stuff" step of a RAG chain: numbered passages with their citation labels. */
const formatDocs = (docs: Document<LegalDocumentMetadata>[]) => docs.map((d, i) => `[${i + 1}] ${d.metadata.label}\n${d.pageContent}`).join('\n\n');

describe('LegalRetriever (a LangChain BaseRetriever) on the real corpus', () => {
  it('returns Documents citing Điều 37 Luật Viên chức, with legal path, label and offsets into the source text', async () => {
    const docs = await retriever.invoke(VIEN_CHUC);
    expect(docs).toHaveLength(4);
    const top = docs[0]!;
    expect(top.metadata).toMatchObject({ documentId: 'laws/luat-vien-chuc', article: '37', kind: 'law', rank: 1 });
    expect(top.metadata.label).toMatch(/Điều 37 Luật Viên chức$/);
    expect(top.metadata.path.join(' › ')).toContain('Điều 37');
    expect(top.pageContent).toContain('không quá 05 năm');
    const source = index.documents.get('laws/luat-vien-chuc')!;
    expect(source.text.slice(top.metadata.start, top.metadata.end)).toBe(top.pageContent);
    expect(docs.map((d) => d.metadata.rank)).toEqual([1, 2, 3, 4]);
  });

  it('finds the same passage for the question typed without diacritics', async () => {
    const [plain] = await retriever.invoke('thoi han duoc bo nhiem giu chuc vu quan ly cua vien chuc toi da la bao nhieu nam');
    expect(plain?.id).toBe((await retriever.invoke(VIEN_CHUC))[0]?.id);
  });

  it('works as the retrieval step of an LCEL chain', async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ['system', 'Chỉ trả lời dựa trên các đoạn trích dưới đây và ghi số trích dẫn [n].\n\n{context}'],
      ['human', '{question}'],
    ]);
    // Stands in for a chat model so the test needs no LLM: it shows what the model would be given.
    const showPrompt = RunnableLambda.from((value: { toChatMessages(): { content: unknown }[] }) => value.toChatMessages().map((m) => String(m.content)).join('\n---\n'));
    const chain = RunnableSequence.from([
      { context: retriever.pipe(formatDocs), question: new RunnablePassthrough() },
      prompt,
      showPrompt,
      new StringOutputParser(),
    ]);
    const [vienChuc, hnGd] = await chain.batch([VIEN_CHUC, 'Điều 95 Luật HN&GĐ quy định gì?']);
    expect(vienChuc).toMatch(/\[1\] (Khoản \d+ )?Điều 37 Luật Viên chức\n/);
    expect(vienChuc).toContain('không quá 05 năm');
    expect(vienChuc!.split('\n---\n')[1]).toBe(VIEN_CHUC);
    expect(hnGd).toMatch(/\[1\] (Khoản \d+ )?Điều 95 Luật Hôn nhân và gia đình/);
    expect(hnGd).toContain('mang thai hộ');
  });

  it('keeps to the filters it was built with', async () => {
    const hybrid = new HybridRetriever({ index: served.retrieval, weights: loadRerankerWeights(), findLaws: lawMentionFinder(served) });
    const briefingsOnly = new LegalRetriever({ retriever: () => hybrid, k: 3, filters: { kinds: ['briefing'] } });
    const docs = await briefingsOnly.invoke('Doanh thu dịch vụ bưu chính năm 2023 đạt bao nhiêu?');
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((d) => d.metadata.kind === 'briefing' && d.metadata.date !== null)).toBe(true);
  });
});
