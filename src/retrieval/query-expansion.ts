import { has, hashTerm, type TermHashes } from './chunk-terms.js';
import { syllables } from '../text/tokenize.js';

/** A phrase of the question and the legal terms it stands for (`sổ đỏ` → `giấy chứng nhận quyền sử dụng đất`). */
export interface QueryExpansion {
  /** Offsets of the phrase in the text it was found in. */
  start: number;
  end: number;
  phrase: string;
  /** What the phrase means in the law's words. */
  targets: string[];
  /** Where the relation comes from (`everyday`, `abbreviation`, `definition`, `rewrite` …). */
  kind: string;
  /** Fields of law the relations belong to (`lao động`, `đất đai`); none for a rewrite or a general term. */
  domains?: string[];
}

/** Finds the phrases of a text that the thesaurus knows (longest match, accented or not). */
export type QueryExpander = (text: string) => QueryExpansion[];

/** One expansion as hashed syllables: the typed phrase's and each target's, for coverage checks. */
export interface HashedExpansion {
  typed: number[];
  targets: { uni: number[]; bi: number[] }[];
}

export function hashExpansion(e: QueryExpansion): HashedExpansion {
  const hashTarget = (t: string) => {
    const s = syllables(t);
    return { uni: s.map(hashTerm), bi: s.slice(1).map((x, i) => hashTerm(`${s[i]}_${x}`)) };
  };
  return { typed: syllables(e.phrase).map(hashTerm), targets: e.targets.map(hashTarget) };
}

/** Whether a text says what the expansion means: all bigrams of a target (one syllable: the syllable itself). */
function targetPresent(t: { uni: number[]; bi: number[] }, text: TermHashes): boolean {
  if (t.uni.length === 0) return false;
  return t.bi.length > 0 ? t.bi.every((h) => has(text.bi, h)) : has(text.uni, t.uni[0]!);
}

/**
 * IDF-weighted share of the question's words a text covers, where a phrase the thesaurus knows
 * counts as covered when the text has its legal meaning instead (`sếp nợ lương` is covered by a
 * text on `người sử dụng lao động` … `trả lương`). Without expansions this is plain coverage.
 */
export function expandedCoverage(unigrams: ReadonlyMap<number, number>, expansions: readonly HashedExpansion[], text: TermHashes): number {
  let hit = 0;
  let total = 0;
  const grouped = new Set<number>();
  for (const e of expansions) {
    let w = 0;
    for (const h of e.typed) {
      if (grouped.has(h)) continue;
      grouped.add(h);
      w += unigrams.get(h) ?? 0;
    }
    total += w;
    const typedPresent = e.typed.every((h) => has(text.uni, h));
    if (typedPresent || e.targets.some((t) => targetPresent(t, text))) hit += w;
  }
  for (const [h, w] of unigrams) {
    if (grouped.has(h)) continue;
    total += w;
    if (has(text.uni, h)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}
