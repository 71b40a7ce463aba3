/**
 * Pre-ranking of a published build's chunks in SQL: each query term's first `$4` postings blocks
 * in the allowed partitions (`$3` collections, `$5` chunk ranges or null), their stored impacts
 * (IDF × BM25 tf part, fields weighted) summed by chunk at the term's weight (`$1` term ids, `$2`
 * weights), the best `$6` chunks returned. A common term contributes only its highest-impact
 * chunks; the node then scores the candidates exactly from the forward index (`chunk_terms`).
 */
export const preRankSql = (schema: string) => `select p.pos, sum(w.w * p.imp) as s
from unnest($1::int[], $2::float8[]) as w(id, w)
join ${schema}.postings b on b.term_id = w.id
cross join lateral unnest(b.pos, b.impact) as p(pos, imp)
where b.coll = any($3::text[]) and b.block < $4 and ($5::int4multirange is null or $5::int4multirange @> p.pos)
group by p.pos
order by s desc, p.pos
limit $6`;
