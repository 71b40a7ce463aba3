import type { DatasetFormat } from './load-dataset.js';
import { KEY_PHRASE_COVERAGE } from './answer-scoring.js';
import { NAIVE_CHUNK_OVERLAP, NAIVE_CHUNK_SIZE } from './systems/naive-langchain-search.js';

/** How a run was set up, stated in the Markdown report so that numbers can be read correctly. */
export function runNotes(format: DatasetFormat, indexDir: string): string[] {
  const notes = [
    `Index: \`${indexDir}\`. Every system searches only the laws and codes (\`kinds: ['law', 'code']\`), the only documents the gold labels point at.`,
    'Scored at article level: hits are reduced to articles in rank order (first occurrence kept). recall@k = gold articles in the top k / min(|gold|, k), so for single-gold questions it is hit@k; mrr@10 and binary-gain ndcg@10 over the same list.',
    `\`full\` is the service as the server wires it (hybrid retriever, learned weights when present, law-name and reference resolution, chat service with its refusal rule); \`bm25\` is the lexical index alone; \`dense\` the vector index alone; \`naive-langchain\` is RecursiveCharacterTextSplitter (${NAIVE_CHUNK_SIZE}/${NAIVE_CHUNK_OVERLAP}) + HNSWLib + the same embedder over the same documents' plain text, each split mapped to the articles it overlaps (≥ 300 characters or ≥ 30% of the article), most overlapped first.`,
    'Answers: every retrieval system answers with the extractive generator over its own top 5 distinct-article passages (no LLM), so answer metrics differ only by retrieval. Latency is per question: retrieval plus answer (for `full`, the chat turn).',
  ];
  if (format === 'alqac') {
    notes.push(
      'The query is the question text alone (Trắc nghiệm options are not appended).',
      `answer_contains_gold covers Tự luận (all figures of the gold short answer and ≥ ${Math.round(KEY_PHRASE_COVERAGE * 100)}% of its content words appear in the answer) and Trắc nghiệm (the option whose words overlap the cited passages most must be the gold letter; a tie or no overlap chooses nothing). Đúng/Sai questions are left out of it: an extractive answer quotes the law and does not say true or false. A refusal counts as wrong.`,
      'citation_precision: share of an answer\'s citations that point at a gold article, averaged over the answers that cite something.',
    );
  } else {
    notes.push(
      'Judgments: the query is `case_query`; the gold is the provisions the court applied, mapped to corpus articles. Labels naming another version of a law than the corpus holds (Bộ luật Dân sự 2005, Luật Đất đai 2013), or cited before the corpus version existed, are unmapped and listed. The judgment being scored is excluded from every system (searches, frequency counts, neighbours).',
      '`frequent-provisions` recommends the provisions most often applied by the other corpus judgments; `similar-judgments` takes the provisions of the 5 judgments whose facts are most BM25-similar to the case query (votes weighted by relative score); both read the provisions each corpus judgment applied from the service\'s own case index. The judges\' recommender is scored separately, by nested cross-validation (`<dataset>.provisions.md`). answer_contains_gold is not defined for this set (no gold answer text).',
    );
  }
  return notes;
}
