import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatClient } from '../src/answer/chat-client.js';
import { ChatService } from '../src/answer/chat-service.js';
import { ExtractiveAnswerGenerator } from '../src/answer/extractive-answer-generator.js';
import { LlmAnswerGenerator } from '../src/answer/llm-answer-generator.js';
import { LawVersionCheck, VersionCheckedChatService } from '../src/answer/version-warning.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import type { AnswerPolicy } from '../src/answer/answer-decision.js';
import { loadConfig } from '../src/config.js';
import { createRetriever } from '../src/retrieval/create-retriever.js';
import type { HybridRetriever } from '../src/retrieval/hybrid-retriever.js';
import { compileFilters } from '../src/retrieval/search-filters.js';
import { loadServingResources } from '../src/service.js';
import { TEST_INDEX_DIR } from './paths.js';

let index: CorpusIndex;
let retriever: HybridRetriever;
let policy: AnswerPolicy;

beforeAll(async () => {
  index = await CorpusIndex.load(TEST_INDEX_DIR);
  const serving = loadServingResources(loadConfig());
  retriever = createRetriever(index, serving.resources);
  policy = serving.policy;
});

const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('another version of a law than the corpus holds', () => {
  it('answers "Luật Đất đai 2013" from the 2024 law in the corpus, warning that it is the 2024 law', async () => {
    const chat = new VersionCheckedChatService({ retriever, policy, generator: new ExtractiveAnswerGenerator() }, new LawVersionCheck(index));
    const result = await chat.answer(ask('Theo Luật Đất đai 2013, người sử dụng đất có những quyền chung nào?'));
    expect(result.citations[0]?.documentId).toBe('laws/luat-dat-dai');
    expect(result.warnings[0]).toContain('Luật Đất đai được thông qua năm 2024');
    expect(result.warnings[0]).toContain('năm 2013');
  });

  it('says nothing when the year named is the corpus version’s, or no year is named', () => {
    const check = new LawVersionCheck(index);
    expect(check.warnings('Theo Luật Đất đai 2024, người sử dụng đất có những quyền chung nào?')).toEqual([]);
    expect(check.warnings('Điều 95 Luật Hôn nhân và gia đình quy định gì?')).toEqual([]);
    expect(check.warnings('Bộ luật dân sự 2005 quy định thời hiệu khởi kiện thế nào?')[0]).toContain('Bộ luật dân sự được thông qua năm 2015');
  });
});

describe('refusals report the generator in use', () => {
  it('is "llm" when the model generator is configured, and no model call is made', async () => {
    const neverCalled: ChatClient = {
      complete: () => Promise.reject(new Error('a refusal must not call the model')),
    };
    const generator = new LlmAnswerGenerator({ client: neverCalled, fallback: new ExtractiveAnswerGenerator() });
    const result = await new ChatService({ retriever, policy, generator }).answer(ask('Giá vé máy bay từ Hà Nội đi Paris là bao nhiêu?'));
    expect(result.refused).toBe(true);
    expect(result.mode).toBe('llm');
    const extractive = await new ChatService({ retriever, policy, generator: new ExtractiveAnswerGenerator() }).answer(ask('Giá vé máy bay từ Hà Nội đi Paris là bao nhiêu?'));
    expect(extractive.mode).toBe('extractive');
  });
});

describe('date filters and laws without a date', () => {
  it('judge laws by their registry dates, and keep undated documents unless asked not to', async () => {
    // The document registry dates Luật Viên chức (passed 2010-11-15): a filter from 2020 leaves it out.
    expect(index.documents.get('laws/luat-vien-chuc')?.meta.issuedDate).toBe('2010-11-15');
    const question = 'Thời hạn được bổ nhiệm giữ chức vụ quản lý của viên chức tối đa là bao nhiêu năm?';
    const then = await retriever.search(question, 5, { dateTo: '2015-01-01' });
    expect(then.hits[0]?.document.id).toBe('laws/luat-vien-chuc');
    const later = await retriever.search(question, 5, { dateFrom: '2020-01-01' });
    expect(later.hits.some((h) => h.document.id === 'laws/luat-vien-chuc')).toBe(false);
    // A document without a date passes a date filter unless includeUndated is false.
    const undated = { ...index.documents.get('laws/luat-vien-chuc')!.meta };
    delete undated.issuedDate;
    expect(compileFilters({ dateFrom: '2020-01-01' })!(undated)).toBe(true);
    expect(compileFilters({ dateFrom: '2020-01-01', includeUndated: false })!(undated)).toBe(false);
    const dated = await retriever.search('Doanh thu dịch vụ bưu chính', 5, { kinds: ['briefing'], dateTo: '2023-01-01' });
    expect(dated.hits.every((h) => (h.document.meetingDate ?? '') <= '2023-01-01')).toBe(true);
  });
});
