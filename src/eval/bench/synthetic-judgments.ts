import pg from 'pg';
import { CHAT_KINDS } from '../../answer/chat-service.js';
import type { CaseRecord } from '../../cases/case-record.js';
import { inSections } from '../../cases/case-text.js';
import { SECTION } from '../../cases/parse-judgment.js';
import { judgmentPartitionSql, PARTITIONED_TABLES } from '../../index/postgres/build-layout.js';
import type { BuildParams } from '../../index/postgres/build-params.js';
import { copyRows, type CopyValue } from '../../index/postgres/copy-rows.js';
import { inTransaction } from '../../index/postgres/in-transaction.js';
import { postingsBlock, readPostingsBlock } from '../../index/postgres/lexical-rows.js';
import { percentile } from '../percentile.js';
import type { JudgmentsRun } from './bench-types.js';
import { searchLoad, withPostgresServer } from './postgres-server.js';

/**
 * SYNTHETIC judgments for a load test (latency and storage growth only; no quality is measured
 * on them). Each synthetic judgment is three passages of three different real judgments of the
 * published build — a passage of one's facts (NỘI DUNG VỤ ÁN), one of another's reasoning (NHẬN
 * ĐỊNH) and one of a third's decision (QUYẾT ĐỊNH), with that judgment's applied provisions — dated
 * 2010–2024, so they fill fifteen year partitions. They are written into the build's tables as
 * a publish would write them: documents, chunks, forward index, impact-ordered postings (with the
 * donors' impacts), vectors, judgments and applied provisions, term statistics updated. A real
 * judgment has about seven times the text of one of these.
 */

export interface SyntheticJudgmentsOptions {
  databaseUrl: string;
  /** The build folder the served API is started with (it reads the published build). */
  indexDir: string;
  judgments: number;
  queries: string[];
  concurrency: number;
  durationSec: number;
  workers: number;
  log: (m: string) => void;
}

const FIRST_YEAR = 2010;
const YEARS = 15;

interface Donor {
  pos: number;
  docPos: number;
  length: number;
}

/** Adds synthetic judgments to the newest build in the database, measuring the API before and after. */
export async function addSyntheticJudgments(o: SyntheticJudgmentsOptions): Promise<JudgmentsRun> {
  const measure = () =>
    withPostgresServer(o.indexDir, o.databaseUrl, o.workers, async (port, processes) => ({
      legal: await searchLoad(port, o.queries, o.concurrency, o.durationSec, { filters: { kinds: CHAT_KINDS } }),
      judgments: await searchLoad(port, o.queries, o.concurrency, o.durationSec, { filters: { kinds: ['judgment'] } }),
      workerRssMb: (await processes()).filter((p) => p.role === 'worker').map((p) => p.rssMb),
    }));
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: 2 });
  const sizeMb = async () => Number((await pool.query<{ mb: string }>('select round(pg_database_size(current_database()) / 1048576.0) as mb')).rows[0]!.mb);
  try {
    o.log('judgments: searching before the synthetic judgments…');
    const before = await measure();
    const databaseMbBefore = await sizeMb();
    o.log(`judgments: writing ${o.judgments} SYNTHETIC judgments…`);
    const t0 = performance.now();
    const schema = await generate(pool, o.judgments, o.log);
    const generateMs = Math.round(performance.now() - t0);
    const databaseMbAfter = await sizeMb();
    const partitions = await pool.query<{ mb: string }>(
      `select round(sum(pg_total_relation_size(c.oid)) / 1048576.0) as mb from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relkind = 'r' and c.relname like '%\\_judgment\\_y%'`,
      [schema],
    );
    o.log('judgments: searching after…');
    const after = await measure();
    const lookups: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      await pool.query(
        `select a.doc_pos, a.date from ${schema}.applied_provisions a where a.document_id = 'laws/bo-luat-dan-su' and a.article = '584' order by a.date desc limit 20`,
      );
      lookups.push(performance.now() - s);
    }
    return {
      synthetic: o.judgments, passagesEach: 3, generateMs, databaseMbBefore, databaseMbAfter, judgmentPartitionsMb: Number(partitions.rows[0]!.mb),
      before, after, appliedLookupMs: Math.round(percentile(lookups, 50) * 10) / 10,
    };
  } finally {
    await pool.end();
  }
}

/** Writes the synthetic judgments in one transaction; returns the build's schema. */
async function generate(pool: pg.Pool, n: number, log: (m: string) => void): Promise<string> {
  return inTransaction(pool, async (client) => {
    const build = (await client.query<{ id: number; schema: string; params: BuildParams }>('select id, schema, params from search_builds order by id desc limit 1')).rows[0];
    if (!build) throw new Error('no published build to add judgments to');
    const S = build.schema;
    const p = build.params;

    // Donors: one passage of each section kind from every real judgment that has one.
    const cases = (await client.query<{ doc_pos: number; record: CaseRecord }>(`select doc_pos, record from ${S}.judgments where coll = 'judgment'`)).rows;
    const chunks = (await client.query<{ pos: number; doc_pos: number; start: number; end: number; length: number }>(
      `select pos, doc_pos, (chunk->>'start')::int as start, (chunk->>'end')::int as end, length(text) as length from ${S}.chunks where coll = 'judgment' order by pos`,
    )).rows;
    const donors = { facts: [] as Donor[], reasoning: [] as Donor[], decision: [] as Donor[] };
    for (const c of cases) {
      const own = chunks.filter((x) => x.doc_pos === c.doc_pos);
      for (const [part, heading] of [['facts', SECTION.facts], ['reasoning', SECTION.reasoning], ['decision', SECTION.decision]] as const) {
        const hit = own.find((x) => inSections(c.record, new Set([heading]), x.start, x.end));
        if (hit) donors[part].push({ pos: hit.pos, docPos: c.doc_pos, length: hit.length });
      }
    }
    if (!donors.facts.length || !donors.reasoning.length || !donors.decision.length) throw new Error('the build has no judgments with facts, reasoning and decision to recombine');
    log(`judgments: donors: ${donors.facts.length} facts, ${donors.reasoning.length} reasoning, ${donors.decision.length} decision passages`);

    for (let y = 0; y < YEARS; y++) for (const t of PARTITIONED_TABLES) await client.query(judgmentPartitionSql(S, t, FIRST_YEAR + y));
    const firstDoc = Number((await client.query<{ n: number }>(`select max(pos) + 1 as n from ${S}.documents`)).rows[0]!.n);
    const chunkRows: CopyValue[][] = [];
    const docRows: CopyValue[][] = [];
    // Synthetic chunk positions of each donor, by year (the postings are built from them).
    const copies = new Map<number, number[][]>();
    for (let j = 0; j < n; j++) {
      const year = FIRST_YEAR + (j % YEARS);
      const docPos = firstDoc + j;
      const id = `synthetic/judgment-${j}`;
      const parts = [donors.facts[j % donors.facts.length]!, donors.reasoning[(7 * j + 3) % donors.reasoning.length]!, donors.decision[(13 * j + 5) % donors.decision.length]!];
      const headings = [SECTION.facts, SECTION.reasoning, SECTION.decision];
      let offset = 0;
      const sections = parts.map((d, k) => {
        const s = { heading: headings[k]!, start: offset, end: offset + d.length };
        offset += d.length + 2;
        return s;
      });
      const title = `Bản án tổng hợp (SYNTHETIC) số ${j}/${year}/DS-ST`;
      const number = `${j}/${year}/DS-ST`;
      const date = `${year}-06-15`;
      parts.forEach((d, k) => {
        const pos = p.size + 3 * j + k;
        const label = p.labels + 3 * j + k;
        const patch = { id: `${id}#p${k}`, documentId: id, title, number, label, start: sections[k]!.start, end: sections[k]!.end, path: [title, headings[k]!], date };
        chunkRows.push([pos, d.pos, docPos, year, label, { json: patch }]);
        const byYear = copies.get(d.pos) ?? Array.from({ length: YEARS }, () => []);
        byYear[year - FIRST_YEAR]!.push(pos);
        copies.set(d.pos, byYear);
      });
      const meta = { id, sourcePath: `${id}.txt`, kind: 'judgment', docType: 'Bản án', title, number, issuedDate: date, status: 'unknown', contentHash: 'synthetic' };
      docRows.push([docPos, year, id, parts[0]!.pos, parts[1]!.pos, parts[2]!.pos, parts[2]!.docPos, p.size + 3 * j, { json: meta }, { json: sections }, { json: { documentId: id, title, number, date, sections } }]);
    }

    await client.query('create temp table synth_chunks (pos int, donor int, doc_pos int, year smallint, label int, patch jsonb) on commit drop');
    await client.query('create temp table synth_docs (doc_pos int, year smallint, id text, facts int, reasoning int, decision int, decision_doc int, chunk_from int, meta jsonb, sections jsonb, record jsonb) on commit drop');
    await copyRows(client, 'synth_chunks', ['pos', 'donor', 'doc_pos', 'year', 'label', 'patch'], chunkRows);
    await copyRows(client, 'synth_docs', ['doc_pos', 'year', 'id', 'facts', 'reasoning', 'decision', 'decision_doc', 'chunk_from', 'meta', 'sections', 'record'], docRows);
    log('judgments: chunks, forward index, vectors…');
    await client.query(`insert into ${S}.chunks (coll, year, pos, doc_pos, label, article, chunk, text, clauses) select 'judgment', s.year, s.pos, s.doc_pos, s.label, c.article, c.chunk || s.patch, c.text, '[]' from synth_chunks s join ${S}.chunks c on c.pos = s.donor`);
    await client.query(`insert into ${S}.chunk_terms (coll, year, pos, terms, tfs, len_b, len_h, len_e) select 'judgment', s.year, s.pos, f.terms, f.tfs, f.len_b, f.len_h, f.len_e from synth_chunks s join ${S}.chunk_terms f on f.pos = s.donor`);
    await client.query(`insert into ${S}.vectors (label, pos, v) select s.label, s.pos, v.v from synth_chunks s join ${S}.vectors v on v.pos = s.donor`);
    log('judgments: documents, judgments, applied provisions…');
    await client.query(
      `insert into ${S}.documents (coll, year, pos, id, kind, meta, passed_year, article_count, chunk_from, chunk_to, topic_pos, body_len, text, articles, sections)
       select 'judgment', d.year, d.doc_pos, d.id, 'judgment', d.meta, null, 0, d.chunk_from, d.chunk_from + 3, -1, 0, a.text || E'\\n\\n' || b.text || E'\\n\\n' || c.text, '[]', d.sections
       from synth_docs d join ${S}.chunks a on a.pos = d.facts join ${S}.chunks b on b.pos = d.reasoning join ${S}.chunks c on c.pos = d.decision`,
    );
    await client.query(
      `insert into ${S}.judgments (coll, year, doc_pos, id, court, level, number, date, outcome, record)
       select 'judgment', d.year, d.doc_pos, d.id, j.court, j.level, d.record->>'number', d.record->>'date', j.outcome, j.record || d.record from synth_docs d join ${S}.judgments j on j.doc_pos = d.decision_doc`,
    );
    await client.query(`insert into ${S}.applied_provisions (coll, year, doc_pos, document_id, article, date, provision) select 'judgment', d.year, d.doc_pos, a.document_id, a.article, d.record->>'date', a.provision from synth_docs d join ${S}.applied_provisions a on a.doc_pos = d.decision_doc`);

    log('judgments: postings and term statistics…');
    const donorSet = new Set(copies.keys());
    const byTerm = new Map<number, { pos: number; impact: number }[]>();
    for (const r of (await client.query<{ term_id: number; data: Buffer }>(`select term_id, data from ${S}.postings where coll = 'judgment'`)).rows) {
      const { pos, impact } = readPostingsBlock(r.data);
      pos.forEach((x, i) => {
        if (!donorSet.has(x)) return;
        const list = byTerm.get(r.term_id) ?? [];
        list.push({ pos: x, impact: impact[i]! });
        byTerm.set(r.term_id, list);
      });
    }
    await copyRows(client, `${S}.postings`, ['coll', 'year', 'term_id', 'block', 'data'], postingRows(byTerm, copies, p.blockSize));
    // Document frequencies grow by the copies of the donors holding each term.
    const delta = new Map<number, [number, number, number, number]>();
    for (const r of (await client.query<{ pos: number; terms: Buffer; tfs: Buffer }>(`select pos, terms, tfs from ${S}.chunk_terms where pos = any($1::int[])`, [[...donorSet]])).rows) {
      const count = copies.get(r.pos)!.reduce((s, l) => s + l.length, 0);
      const terms = new Int32Array(new Uint8Array(r.terms).buffer);
      const tfs = new Int16Array(new Uint8Array(r.tfs).buffer);
      terms.forEach((t, i) => {
        const d = delta.get(t) ?? [0, 0, 0, 0];
        for (let f = 0; f < 3; f++) if (tfs[f * terms.length + i]! > 0) d[f]! += count;
        d[3] += tfs[i]! * count;
        delta.set(t, d);
      });
    }
    await client.query('create temp table term_delta (term_id int, db int, dh int, de int, cf bigint) on commit drop');
    await copyRows(client, 'term_delta', ['term_id', 'db', 'dh', 'de', 'cf'], [...delta].map(([t, d]) => [t, ...d]));
    await client.query(`update ${S}.terms t set df_b = df_b + d.db, df_h = df_h + d.dh, df_e = df_e + d.de, cf_b = cf_b + d.cf from term_delta d where t.id = d.term_id`);
    await client.query(`update search_builds set params = params || jsonb_build_object('size', ($1)::int, 'labels', ($2)::int) where id = $3`, [p.size + 3 * n, p.labels + 3 * n, build.id]);
    for (const t of [...PARTITIONED_TABLES, 'terms', 'vectors']) await client.query(`analyze ${S}.${t}`);
    return S;
  });
}

/** Each term's synthetic postings per year partition: the donors' copies in the donors' impact order, cut into blocks. */
function* postingRows(byTerm: Map<number, { pos: number; impact: number }[]>, copies: Map<number, number[][]>, blockSize: number): Generator<CopyValue[]> {
  for (const [term, donors] of byTerm) {
    donors.sort((a, b) => b.impact - a.impact || a.pos - b.pos);
    for (let y = 0; y < YEARS; y++) {
      const pos: number[] = [];
      const imp: number[] = [];
      for (const d of donors) {
        for (const c of copies.get(d.pos)![y]!) {
          pos.push(c);
          imp.push(d.impact);
        }
      }
      for (let start = 0, block = 0; start < pos.length; start += blockSize, block++) {
        yield ['judgment', FIRST_YEAR + y, term, block, postingsBlock(Int32Array.from(pos.slice(start, start + blockSize)), Float32Array.from(imp.slice(start, start + blockSize)))];
      }
    }
  }
}
