/**
 * The first postings blocks of the query terms `$1` in the allowed collections (`$2`, which prunes
 * the partitions), as many in each partition as `$3`/`$4`/`$5` (collection, year, blocks) say: each
 * term's highest-impact chunks. A common term contributes only those; the node sums the impacts by
 * chunk, keeps the best, and scores them exactly from the forward index (`chunk_terms`). Summing
 * in SQL (unnest + GROUP BY) cost over ten times the CPU at 221k chunks.
 */
export const postingsSql = (schema: string) => `select b.term_id, b.data
from ${schema}.postings b
join unnest($3::text[], $4::smallint[], $5::int[]) as d(coll, year, blocks) on d.coll = b.coll and d.year = b.year
where b.term_id = any($1::int[]) and b.coll = any($2::text[]) and b.block < d.blocks`;
