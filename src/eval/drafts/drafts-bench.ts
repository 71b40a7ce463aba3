import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { AmendmentGraph } from '../../amendments/amendment-graph.js';
import { DraftChecker } from '../../drafts/draft-checker.js';
import { THRESHOLDS_FILE } from '../../drafts/draft-thresholds.js';
import type { DraftThresholds } from '../../drafts/decide-findings.js';
import { unitsOf, LEGAL_KINDS } from '../../drafts/law-units.js';
import { seededUniform } from '../../embeddings/sparse-matrix.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import { percentile } from '../percentile.js';
import { generateBenchmark } from './generate-benchmark.js';
import { outsideProvisions } from './outside-provisions.js';
import { PLANTED_DATASET, readPlanted, writePlanted } from './planted-dataset.js';
import type { PlantedItem } from './planted-item.js';
import { crossValidate, fitThresholds, scoredCandidate, scoreItems, type DraftScores, type PreparedItem } from './score-drafts.js';

export interface DraftsBench {
  dataset: string;
  items: number;
  byKind: Record<string, number>;
  prepareMs: number;
  crossValidation: { folds: number; chosen: DraftThresholds[]; heldOut: DraftScores };
  /** Fitted on every item: what the service uses (`src/drafts/draft-thresholds.json`); its in-sample scores are not the ones to report. */
  fitted: DraftThresholds;
  inSample: DraftScores;
  /** `coldMs`: the first call on a fresh index, before any warm-up; the runs follow the warm-up the server does at start. */
  http: { articles: number; provisions: number; chars: number; coldMs: number; warmUpMs: number; runs: number; p50: number; p95: number; max: number; findings: Record<string, number> };
  corpus: { sentences: number; ms: number; conflicts: number; duplicates: number; report: string };
}

export interface DraftsBenchOptions {
  index: CorpusIndex;
  /**
   * Starts the app (after the thresholds are fitted and written, so it serves them) and a way to
   * wait until its checker has analysed every article (what `npm start` does in the background).
   */
  serve: () => Promise<{ app: Express; warmUp: () => Promise<void> }>;
  archive: string;
  regenerate: boolean;
  corpusSample: number;
  corpusReport: string;
  log: (m: string) => void;
}

/**
 * The draft checker's benchmark: planted edits of real provisions (generated once into
 * `eval/datasets/drafts-planted.jsonl`), thresholds fitted with 5-fold cross-validation grouped
 * by source law (the held-out numbers are the ones to report), a 30-article draft timed through
 * HTTP, and a run over the corpus itself listing cross-law overlaps and conflicts.
 */
export async function draftsBench(o: DraftsBenchOptions): Promise<DraftsBench> {
  const graph = AmendmentGraph.build(o.index.documents.values());
  let items: PlantedItem[];
  if (o.regenerate || !existsSync(PLANTED_DATASET)) {
    const numbers = new Set([...o.index.documents.values()].map((d) => d.meta.number).filter((n): n is string => !!n));
    o.log(`drafts: reading outside provisions from ${o.archive}…`);
    const outside = await outsideProvisions(o.archive, numbers);
    items = generateBenchmark(o.index, graph, outside);
    await writePlanted(items);
    o.log(`drafts: wrote ${items.length} items to ${PLANTED_DATASET} (${outside.length} outside provisions read)`);
  } else items = await readPlanted();
  const byKind: Record<string, number> = {};
  for (const i of items) byKind[i.kind] = (byKind[i.kind] ?? 0) + 1;

  const checker = new DraftChecker(o.index, graph);
  const t0 = performance.now();
  const prepared: PreparedItem[] = items.map((item) => {
    const p = checker.prepare(item.text);
    return { item, sentences: p.sentences.map((cs) => cs.map((c) => scoredCandidate(item, c))), references: p.references.length };
  });
  const prepareMs = Math.round(performance.now() - t0);
  o.log(`drafts: ${items.length} items checked in ${(prepareMs / 1000).toFixed(1)} s; cross-validating thresholds…`);
  const cv = crossValidate(prepared, 5);
  const fitted = fitThresholds(prepared);
  const inSample = scoreItems(prepared, fitted);
  await writeFile(THRESHOLDS_FILE, `${JSON.stringify({ thresholds: fitted, fittedOn: `${PLANTED_DATASET} (${items.length} items)`, note: 'fitted on every item; held-out (5-fold, grouped by source law) scores are in eval/reports/bench.md', heldOut: summary(cv.heldOut) }, null, 2)}\n`);

  const served = await o.serve();
  const http = await timeDraftCheck(served.app, served.warmUp, items);
  const corpus = await corpusRun(o.index, new DraftChecker(o.index, graph, fitted), o.corpusSample, o.corpusReport, o.log);
  return { dataset: PLANTED_DATASET, items: items.length, byKind, prepareMs, crossValidation: cv, fitted, inSample, http, corpus };
}

function summary(s: DraftScores) {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { conflict: { precision: r(s.conflict.precision), recall: r(s.conflict.recall) }, duplicate: { precision: r(s.duplicate.precision), recall: r(s.duplicate.recall) }, reference: { precision: r(s.reference.precision), recall: r(s.reference.recall) }, paraphraseAsConflict: r(s.paraphraseAsConflict), unrelatedFlagged: r(s.unrelatedFlagged) };
}

/** A 30-article draft made of benchmark items (two or three clauses an article), posted to the running app. */
async function timeDraftCheck(app: Express, warmUp: () => Promise<void>, items: PlantedItem[]): Promise<DraftsBench['http']> {
  const rng = seededUniform(7);
  const pool = [...items].sort(() => rng() - 0.5);
  const articles: string[] = [];
  let k = 0;
  for (let a = 1; a <= 30; a++) {
    const n = 2 + Math.floor(rng() * 2);
    const clauses = pool.slice(k, k + n).map((it, i) => `${i + 1}. ${it.text}`);
    k += n;
    articles.push(`Điều ${a}. Quy định số ${a}\n${clauses.join('\n')}`);
  }
  const text = articles.join('\n\n');
  const post = () => request(app).post('/v1/drafts/check').send({ text });
  let t = performance.now();
  const first = await post();
  const coldMs = Math.round(performance.now() - t);
  if (first.status !== 200) throw new Error(`POST /v1/drafts/check answered ${first.status}: ${JSON.stringify(first.body).slice(0, 300)}`);
  t = performance.now();
  await warmUp();
  const warmUpMs = Math.round(performance.now() - t);
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now();
    await post();
    times.push(performance.now() - t);
  }
  const body = first.body as { provisions: unknown[]; counts: Record<string, number> };
  return { articles: 30, provisions: body.provisions.length, chars: text.length, coldMs, warmUpMs, runs: times.length, p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), max: Math.round(Math.max(...times)), findings: body.counts };
}

/**
 * Checks a seeded sample of the corpus' own sentences against every other document and writes
 * the cross-law conflicts and overlaps found (eval/reports/drafts-corpus.md), for a hand check.
 */
async function corpusRun(index: CorpusIndex, checker: DraftChecker, sample: number, file: string, log: (m: string) => void): Promise<DraftsBench['corpus']> {
  const rng = seededUniform(23);
  const sentences: { documentId: string; title: string; article: string; clause?: string; text: string }[] = [];
  for (const d of [...index.documents.values()].filter((x) => LEGAL_KINDS.has(x.meta.kind)).sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
    for (const a of d.articles) for (const u of unitsOf(d, a)) if (u.text.length >= 60 && u.text.length <= 400) sentences.push({ documentId: d.meta.id, title: d.meta.title, article: a.number, ...(u.clause ? { clause: u.clause } : {}), text: u.text });
  }
  const picked = sentences.map((s) => ({ s, r: rng() })).sort((a, b) => a.r - b.r).slice(0, sample).map((x) => x.s);
  log(`drafts: corpus run over ${picked.length} sentences…`);
  const t0 = performance.now();
  const lines: string[] = [];
  let conflicts = 0;
  let duplicates = 0;
  for (const s of picked) {
    const r = checker.check(s.text, { excludeDocuments: new Set([s.documentId]) });
    for (const p of r.provisions) for (const f of p.findings) {
      if (f.kind === 'reference') continue;
      if (f.kind === 'conflict') conflicts++;
      else duplicates++;
      lines.push(`### ${f.kind === 'conflict' ? 'Conflict' : 'Overlap'}: ${s.clause ? `khoản ${s.clause} ` : ''}Điều ${s.article} ${s.title} ↔ ${f.label} (score ${f.score})`, '', `> ${s.text}`, '', `> ${f.lawSpan?.text ?? ''}`, '', ...(f.differences.length ? [`Differences: ${f.differences.map((d) => d.detail).join('; ')}`, ''] : []));
    }
  }
  const ms = Math.round(performance.now() - t0);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, [`# Draft checker over the corpus itself`, '', `${picked.length} sentences (seed 23) of the laws and codes, each checked against every other document. ${conflicts} conflicts, ${duplicates} overlaps (duplicates) in ${(ms / 1000).toFixed(1)} s. Hand-check notes are in the README.`, '', ...lines].join('\n'));
  return { sentences: picked.length, ms, conflicts, duplicates, report: path.relative(process.cwd(), file) };
}
