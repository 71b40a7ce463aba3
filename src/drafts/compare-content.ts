import { diffSyllables, type Hunk } from './align-syllables.js';
import type { ModalKind } from './modality.js';
import type { NormativeContent } from './normative-content.js';

export type DifferenceType = 'number' | 'modality' | 'authority' | 'exception';

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** One way a draft provision departs from the law in force on the same subject. */
export interface Difference {
  type: DifferenceType;
  /** Vietnamese explanation (`“15 ngày” thay cho “30 ngày”`). */
  detail: string;
  draft?: Span;
  law?: Span;
}

const span = (x: { text: string; start: number; end: number }): Span => ({ text: x.text, start: x.start, end: x.end });
const MODAL_WORD: Record<ModalKind, string> = { obligation: 'bắt buộc', permission: 'cho phép', prohibition: 'cấm', no_obligation: 'không bắt buộc' };
const polarity = (k: ModalKind) => (k === 'prohibition' || k === 'no_obligation' ? 'negative' : k);

/** Weighted Dice overlap of two term sets (0–1); weights are the terms' IDF. */
export function termSimilarity(a: Set<string>, b: Set<string>, weight: (t: string) => number): number {
  let inter = 0;
  let wa = 0;
  let wb = 0;
  for (const t of a) {
    const w = weight(t);
    wa += w;
    if (b.has(t)) inter += w;
  }
  for (const t of b) wb += weight(t);
  return wa + wb > 0 ? (2 * inter) / (wa + wb) : 0;
}

/** Character range of a hunk side; an empty side is the point between its neighbours. */
function range(c: NormativeContent, start: number, end: number): [number, number] {
  const s = c.syllables;
  if (end > start) return [s[start]!.start, s[end - 1]!.end];
  const at = start < s.length ? s[start]!.start : (s.at(-1)?.end ?? 0);
  return [at, at];
}

/** Items overlapping a character range; an empty range takes the items that touch it. */
function touching<T extends { start: number; end: number }>(xs: T[], [from, to]: [number, number]): T[] {
  return from === to ? xs.filter((x) => x.start <= from + 1 && x.end >= from - 1) : xs.filter((x) => x.start < to && x.end > from);
}

function numberDifference(d: NormativeContent, l: NormativeContent, dr: [number, number], lr: [number, number]): Difference | undefined {
  for (const q of touching(d.quantities, dr)) {
    const other = touching(l.quantities, lr).find((x) => x.family === q.family);
    if (!other) continue;
    if (Math.abs(other.value - q.value) < 1e-9 && (!other.bound || !q.bound || other.bound === q.bound)) continue;
    const boundOnly = Math.abs(other.value - q.value) < 1e-9;
    return {
      type: 'number',
      detail: boundOnly ? `“${q.text}” là mức ${q.bound === 'max' ? 'tối đa' : 'tối thiểu'}, luật hiện hành là mức ${other.bound === 'max' ? 'tối đa' : 'tối thiểu'}` : `“${q.text}” thay cho “${other.text}”`,
      draft: span(q), law: span(other),
    };
  }
  return undefined;
}

function modalityDifference(d: NormativeContent, l: NormativeContent, dr: [number, number], lr: [number, number]): Difference | undefined {
  const dm = touching(d.modals, dr);
  const lm = touching(l.modals, lr);
  if (dm.length === 0 && lm.length === 0) return undefined;
  const dp = new Set(dm.map((m) => polarity(m.kind)));
  const lp = new Set(lm.map((m) => polarity(m.kind)));
  // A negation added or dropped (`được` ↔ `không được`, `phải` ↔ `không phải`), or an obligation turned into a permission.
  const flipped = dp.has('negative') !== lp.has('negative') || (dp.has('obligation') && lp.has('permission') && !dp.has('permission')) || (dp.has('permission') && lp.has('obligation') && !dp.has('obligation'));
  if (!flipped) return undefined;
  const a = dm[0];
  const b = lm[0];
  return {
    type: 'modality',
    detail: `${a ? `“${a.text}” (${MODAL_WORD[a.kind]})` : 'bỏ từ chỉ nghĩa vụ/quyền'} thay cho ${b ? `“${b.text}” (${MODAL_WORD[b.kind]})` : 'quy định không có từ đó'}`,
    ...(a ? { draft: span(a) } : {}),
    ...(b ? { law: span(b) } : {}),
  };
}

function authorityDifference(d: NormativeContent, l: NormativeContent, dr: [number, number], lr: [number, number]): Difference | undefined {
  const da = touching(d.authorities, dr);
  const la = touching(l.authorities, lr);
  const a = da.find((x) => !la.some((y) => y.key === x.key));
  const b = la.find((y) => !da.some((x) => x.key === y.key));
  if (!a || !b) return undefined;
  return { type: 'authority', detail: `“${a.text}” thay cho “${b.text}”`, draft: span(a), law: span(b) };
}

/** Share of a span's syllables that a hunk list marks as changed on one side. */
function changedShare(c: NormativeContent, e: { start: number; end: number }, hunks: Hunk[], side: 'a' | 'b'): number {
  const idx = c.syllables.map((s, i) => (s.start >= e.start && s.end <= e.end ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return 0;
  const changed = idx.filter((i) => hunks.some((h) => (side === 'a' ? i >= h.aStart && i < h.aEnd : i >= h.bStart && i < h.bEnd))).length;
  return changed / idx.length;
}

/** How a draft provision's figures, modality, authority and exceptions differ from a law provision's, stretch by stretch. */
export function compareContent(draft: NormativeContent, law: NormativeContent): Difference[] {
  const hunks = diffSyllables(draft.syllables, law.syllables);
  const out: Difference[] = [];
  const seen = new Set<string>();
  const push = (x: Difference | undefined) => {
    if (!x) return;
    const key = `${x.type}|${x.draft?.start ?? ''}|${x.law?.start ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(x);
    }
  };
  for (const h of hunks) {
    // Text before the first or after the last shared syllable on one side only is the rest of a
    // longer provision, not a change; a short stretch on both sides is a substitution at the edge
    // (`Chính phủ quy định …` → `Bộ trưởng Bộ Tư pháp quy định …`).
    const edgeSubstitution = h.aEnd > h.aStart && h.bEnd > h.bStart && h.aEnd - h.aStart <= 15 && h.bEnd - h.bStart <= 15;
    if (!h.interior && !edgeSubstitution) continue;
    const dr = range(draft, h.aStart, h.aEnd);
    const lr = range(law, h.bStart, h.bEnd);
    push(numberDifference(draft, law, dr, lr));
    push(modalityDifference(draft, law, dr, lr));
    push(authorityDifference(draft, law, dr, lr));
  }
  // Exceptions close a sentence, so dropping one leaves trailing text: judge it by how much of it the draft lacks.
  const lawCovered = 1 - hunks.filter((h) => h.interior).reduce((n, h) => n + (h.bEnd - h.bStart), 0) / Math.max(1, law.syllables.length);
  for (const e of law.exceptions) {
    const before = law.syllables.filter((s) => s.end <= e.start).length;
    if (before >= 4 && lawCovered > 0.5 && changedShare(law, e, hunks.filter((h) => !h.interior || h.aEnd === h.aStart), 'b') > 0.6 && !draft.exceptions.some((x) => x.text === e.text)) {
      push({ type: 'exception', detail: `bỏ ngoại lệ “${e.text}”`, law: span(e) });
    }
  }
  for (const e of draft.exceptions) {
    if (law.exceptions.length === 0 && changedShare(draft, e, hunks.filter((h) => h.bEnd === h.bStart), 'a') > 0.6) push({ type: 'exception', detail: `thêm ngoại lệ “${e.text}” mà luật hiện hành không có`, draft: span(e) });
  }
  return out;
}
