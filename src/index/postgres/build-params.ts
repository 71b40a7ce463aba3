import type { PartitionKey } from './build-layout.js';

/** What readers of a published build need besides its rows: BM25 statistics and the postings layout. */
export interface BuildParams {
  /** Chunks in the build (N in IDF). */
  size: number;
  k1: number;
  b: number;
  headingWeight: number;
  bigramWeight: number;
  /** The lexical index's own expansion-field weight (the retriever passes its learned one). */
  lexicalExpansionWeight: number;
  avgLen: { body: number; heading: number; expansion: number };
  /** Field weights of the impact that orders each term's postings. */
  impactWeights: { heading: number; expansion: number };
  blockSize: number;
  /** One past the highest vector label. */
  labels: number;
  dim: number;
  partitions: PartitionKey[];
}
