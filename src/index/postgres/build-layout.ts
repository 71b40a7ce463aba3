import type { DocumentMeta } from '../../types/legal-document.js';

/**
 * How a build is laid out in PostgreSQL. Each build gets its own schema (`search_b<id>`), written in
 * one transaction: readers never see a half-written build, and dropping an old build is one
 * `DROP SCHEMA`. Inside, the tables that grow with the corpus are partitioned alike: statutes,
 * codes, briefings and precedents in `legal`; first-instance judgments in `judgment`, one
 * partition per year (year 0: undated). A search that excludes judgments reads only `legal`.
 */

export type Collection = 'legal' | 'judgment';

/** The partition a document (and its chunks and postings) is written to. */
export interface PartitionKey {
  coll: Collection;
  /** Judgments: the year of the judgment; 0 when undated, and for every legal text. */
  year: number;
}

export function partitionOf(meta: Pick<DocumentMeta, 'kind' | 'issuedDate'>): PartitionKey {
  if (meta.kind !== 'judgment') return { coll: 'legal', year: 0 };
  const year = Number(meta.issuedDate?.slice(0, 4));
  return { coll: 'judgment', year: Number.isInteger(year) && year > 0 ? year : 0 };
}

export const schemaName = (buildId: number) => `search_b${buildId}`;

/** Tables partitioned by collection and judgment year, with their columns. */
const PARTITIONED: Record<string, string> = {
  documents: `pos int not null, id text not null, kind text not null, meta jsonb not null, passed_year smallint, article_count int not null,
    chunk_from int not null, chunk_to int not null, topic_pos int not null, body_len float8 not null, text text not null, articles jsonb not null, sections jsonb not null`,
  chunks: `pos int not null, doc_pos int not null, label int not null, article text, chunk jsonb not null, text text not null, clauses jsonb not null`,
  // terms: int32 term ids, ascending; tfs: int16 counts, all body ones, then heading, then expansion (read by the node).
  chunk_terms: `pos int not null, terms bytea not null, tfs bytea not null, len_b real not null, len_h real not null, len_e real not null`,
  // data: a block of one term's postings, n int32 chunk positions then their n float32 impacts (little-endian).
  postings: `term_id int not null, block int not null, data bytea not null`,
  judgments: `doc_pos int not null, id text not null, court text, level text, number text, date text, outcome text, record jsonb not null`,
  // date: the judgment's, so that "the newest judgments that applied an article" is one index scan.
  applied_provisions: `doc_pos int not null, document_id text not null, article text not null, date text, provision jsonb not null`,
};

/** Indexes, created after the rows are in (cheaper than maintaining them row by row). */
const INDEXES: string[] = [
  'create index on S.documents (id)',
  'create index on S.documents (pos)',
  'create index on S.chunks (pos)',
  'create index on S.chunks (doc_pos)',
  'create index on S.chunk_terms (pos)',
  'create index on S.postings (term_id, block)',
  'create index on S.judgments (doc_pos)',
  'create index on S.applied_provisions (document_id, article, date desc)',
  'alter table S.terms add primary key (id)',
  'create unique index on S.terms (term)',
  'alter table S.doc_terms add primary key (term_id)',
  'alter table S.vectors add primary key (label)',
  'alter table S.blobs add primary key (name, seq)',
];

/** DDL creating a build's schema and tables, with partitions for the given judgment years. */
export function createBuildSql(schema: string, judgmentYears: Iterable<number>): string[] {
  const years = [...new Set([0, ...judgmentYears])].sort((a, b) => a - b);
  const out = [`create schema ${schema}`];
  for (const [table, columns] of Object.entries(PARTITIONED)) {
    out.push(`create table ${schema}.${table} (coll text not null, year smallint not null, ${columns}) partition by list (coll)`);
    out.push(`create table ${schema}.${table}_legal partition of ${schema}.${table} for values in ('legal')`);
    out.push(`create table ${schema}.${table}_judgment partition of ${schema}.${table} for values in ('judgment') partition by list (year)`);
    for (const y of years) out.push(judgmentPartitionSql(schema, table, y));
  }
  out.push(`create table ${schema}.terms (id int not null, term text collate "C" not null, df_b int not null, df_h int not null, df_e int not null, cf_b bigint not null)`);
  out.push(`create table ${schema}.doc_terms (term_id int not null, docs int[] not null, tfs int[] not null)`);
  out.push(`create table ${schema}.vectors (label int not null, pos int not null, v bytea not null)`);
  out.push(`create table ${schema}.blobs (name text not null, seq int not null, data bytea not null)`);
  return out;
}

/** The partition of one judgment year (created by a build, or later by a loader adding judgments). */
export function judgmentPartitionSql(schema: string, table: string, year: number): string {
  return `create table if not exists ${schema}.${table}_judgment_y${year} partition of ${schema}.${table}_judgment for values in (${year})`;
}

export function createIndexesSql(schema: string): string[] {
  return INDEXES.map((s) => s.replace(/\bS\./g, `${schema}.`));
}

/** Tables partitioned by collection and judgment year. */
export const PARTITIONED_TABLES = Object.keys(PARTITIONED);

/** Tables the planner needs statistics for before the first search. */
export const BUILD_TABLES = [...PARTITIONED_TABLES, 'terms', 'doc_terms', 'vectors', 'blobs'];
