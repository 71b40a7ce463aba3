import { decide, type Candidate, type DraftThresholds } from '../../drafts/decide-findings.js';
import type { PlantedItem, PlantedKind } from './planted-item.js';

/** A candidate as scoring needs it: whether it points at the item's source is settled once. */
export interface ScoredCandidate {
  similarity: number;
  differences: readonly unknown[];
  located: boolean;
}

/** The thresholds-independent part of checking one item: candidates per sentence, and reference findings. */
export interface PreparedItem {
  item: PlantedItem;
  sentences: ScoredCandidate[][];
  references: number;
}

interface Predicted {
  kind: 'conflict' | 'duplicate' | 'reference';
  located: boolean;
}

export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface DraftScores {
  items: number;
  conflict: KindScore;
  duplicate: KindScore;
  reference: KindScore;
  /** Conflict recall by how the conflict was planted. */
  conflictRecallBy: Partial<Record<PlantedKind, { found: number; of: number }>>;
  /** Share of faithful paraphrases reported as conflicts. */
  paraphraseAsConflict: number;
  /** Share of unrelated rules with any finding. */
  unrelatedFlagged: number;
}

const syllableSet = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{M}]+|\d+/gu) ?? []);
function dice(a: Set<string>, b: Set<string>): number {
  let i = 0;
  for (const x of a) if (b.has(x)) i++;
  return a.size + b.size > 0 ? (2 * i) / (a.size + b.size) : 0;
}

/** A checker candidate for an item, located when it points at the item's source provision (or the same text in another law). */
export function scoredCandidate(item: PlantedItem, c: Candidate): ScoredCandidate {
  const src = item.source;
  const u = c.unit;
  const located = !!src && ((u.documentId === src.documentId && u.article === src.article) || dice(syllableSet(u.text), syllableSet(src.text)) >= 0.9);
  return { similarity: c.similarity, differences: c.differences, located };
}

/** Findings for a prepared item under thresholds. */
export function predict(p: PreparedItem, t: DraftThresholds): Predicted[] {
  const out: Predicted[] = [];
  for (const cands of p.sentences) for (const d of decide(cands, t)) out.push({ kind: d.kind, located: d.candidate.located });
  for (let i = 0; i < p.references; i++) out.push({ kind: 'reference', located: true });
  return out;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

function kindScore(tp: number, fp: number, fn: number): KindScore {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = ratio(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Precision and recall per finding kind, conflict recall per planted kind, and the two false-alarm rates. */
export function scoreItems(prepared: PreparedItem[], t: DraftThresholds): DraftScores {
  const c = { conflict: { tp: 0, fp: 0, fn: 0 }, duplicate: { tp: 0, fp: 0, fn: 0 }, reference: { tp: 0, fp: 0, fn: 0 } };
  const by: DraftScores['conflictRecallBy'] = {};
  let paraphrases = 0;
  let paraphraseConflicts = 0;
  let unrelated = 0;
  let unrelatedFlagged = 0;
  for (const p of prepared) {
    const pred = predict(p, t);
    const exp = p.item.expected;
    for (const k of ['conflict', 'duplicate', 'reference'] as const) {
      const has = pred.some((x) => x.kind === k);
      const hit = pred.some((x) => x.kind === k && x.located);
      if (exp === k) {
        if (hit) c[k].tp++;
        else {
          c[k].fn++;
          if (has) c[k].fp++;
        }
      } else if (has) c[k].fp++;
    }
    if (exp === 'conflict') {
      const r = (by[p.item.kind] ??= { found: 0, of: 0 });
      r.of++;
      if (pred.some((x) => x.kind === 'conflict' && x.located)) r.found++;
    }
    if (p.item.kind === 'paraphrase') {
      paraphrases++;
      if (pred.some((x) => x.kind === 'conflict')) paraphraseConflicts++;
    }
    if (p.item.kind === 'unrelated') {
      unrelated++;
      if (pred.length > 0) unrelatedFlagged++;
    }
  }
  return {
    items: prepared.length,
    conflict: kindScore(c.conflict.tp, c.conflict.fp, c.conflict.fn),
    duplicate: kindScore(c.duplicate.tp, c.duplicate.fp, c.duplicate.fn),
    reference: kindScore(c.reference.tp, c.reference.fp, c.reference.fn),
    conflictRecallBy: by,
    paraphraseAsConflict: ratio(paraphraseConflicts, paraphrases),
    unrelatedFlagged: ratio(unrelatedFlagged, unrelated),
  };
}

/** The grid searched: the thresholds are the only parameters fitted on the benchmark. */
export function thresholdGrid(): DraftThresholds[] {
  const out: DraftThresholds[] = [];
  for (let conflict = 0.3; conflict <= 0.901; conflict += 0.025)
    for (let duplicate = 0.5; duplicate <= 0.951; duplicate += 0.025)
      for (const margin of [0, 0.03, 0.06, 0.1, 0.15, 0.2]) out.push({ conflict: round(conflict), duplicate: round(duplicate), margin });
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The fitting objective: conflict F1 plus duplicate F1, with the false-alarm limits
 * (≤ 5% of paraphrases called conflicts, ≤ 5% of unrelated rules flagged) as constraints; a
 * violating setting ranks below every feasible one.
 */
export function objective(s: DraftScores): number {
  const violation = Math.max(0, s.paraphraseAsConflict - 0.05) + Math.max(0, s.unrelatedFlagged - 0.05);
  return (violation > 0 ? -10 - violation : 0) + s.conflict.f1 + s.duplicate.f1;
}

/** The best thresholds of the grid on these items. */
export function fitThresholds(prepared: PreparedItem[]): DraftThresholds {
  let best: DraftThresholds | undefined;
  let bestScore = -Infinity;
  for (const t of thresholdGrid()) {
    const v = objective(scoreItems(prepared, t));
    if (v > bestScore + 1e-12) {
      bestScore = v;
      best = t;
    }
  }
  return best!;
}

/** Folds by group (source law, outside law's number), balanced by item count; no group is split. */
export function groupFolds(items: PlantedItem[], k: number): number[] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.group, (counts.get(i.group) ?? 0) + 1);
  const sizes = new Array<number>(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [g, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const f = sizes.indexOf(Math.min(...sizes));
    foldOf.set(g, f);
    sizes[f]! += n;
  }
  return items.map((i) => foldOf.get(i.group)!);
}

export interface CrossValidation {
  folds: number;
  /** Thresholds chosen on each fold's training part. */
  chosen: DraftThresholds[];
  /** Scores over every item, each judged by thresholds fitted without its fold: the numbers to report. */
  heldOut: DraftScores;
}

/** k-fold cross-validation grouped by source law: fit on k−1 folds, predict the held-out fold, pool the held-out predictions. */
export function crossValidate(prepared: PreparedItem[], k = 5): CrossValidation {
  const folds = groupFolds(prepared.map((p) => p.item), k);
  const chosen: DraftThresholds[] = [];
  const heldOutParts: { p: PreparedItem; t: DraftThresholds }[] = [];
  for (let f = 0; f < k; f++) {
    const train = prepared.filter((_, i) => folds[i] !== f);
    const t = fitThresholds(train);
    chosen.push(t);
    prepared.forEach((p, i) => {
      if (folds[i] === f) heldOutParts.push({ p, t });
    });
  }
  return { folds: k, chosen, heldOut: scorePooled(heldOutParts) };
}

/** Scores items each judged under its own thresholds (the held-out fold's). */
function scorePooled(parts: { p: PreparedItem; t: DraftThresholds }[]): DraftScores {
  // Group by thresholds and sum the counts: scoreItems is additive over items.
  const groups = new Map<string, { t: DraftThresholds; ps: PreparedItem[] }>();
  for (const { p, t } of parts) {
    const key = JSON.stringify(t);
    (groups.get(key) ?? groups.set(key, { t, ps: [] }).get(key)!).ps.push(p);
  }
  const subs = [...groups.values()].map((g) => ({ s: scoreItems(g.ps, g.t), ps: g.ps }));
  const sum = (k: 'conflict' | 'duplicate' | 'reference') => kindScore(subs.reduce((a, x) => a + x.s[k].tp, 0), subs.reduce((a, x) => a + x.s[k].fp, 0), subs.reduce((a, x) => a + x.s[k].fn, 0));
  const by: DraftScores['conflictRecallBy'] = {};
  for (const { s } of subs) for (const [kind, r] of Object.entries(s.conflictRecallBy)) {
    const t = (by[kind as PlantedKind] ??= { found: 0, of: 0 });
    t.found += r.found;
    t.of += r.of;
  }
  const count = (kind: PlantedKind) => subs.reduce((a, x) => a + x.ps.filter((p) => p.item.kind === kind).length, 0);
  const weighted = (f: (s: DraftScores) => number, kind: PlantedKind) => ratio(subs.reduce((a, x) => a + f(x.s) * x.ps.filter((p) => p.item.kind === kind).length, 0), count(kind));
  return {
    items: parts.length,
    conflict: sum('conflict'),
    duplicate: sum('duplicate'),
    reference: sum('reference'),
    conflictRecallBy: by,
    paraphraseAsConflict: weighted((s) => s.paraphraseAsConflict, 'paraphrase'),
    unrelatedFlagged: weighted((s) => s.unrelatedFlagged, 'unrelated'),
  };
}
