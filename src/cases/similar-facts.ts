import { FUNCTION_WORDS } from '../text/stopwords.js';
import { lexicalTerms } from '../text/tokenize.js';
import type { CaseIndex } from './case-index.js';
import type { CaseRecord } from './case-record.js';
import { comparedText } from './case-text.js';
import type { SimilarCase } from './similar-cases.js';

/** Word pairs that say nothing about a dispute however rare they are in the judgments: figures, initials. */
const GENERIC = /^(?:\d+_|.*_\d+$|\p{L}_|.*_\p{L}$)/u;
/** Syllables that do not begin or end a word shown as a shared fact (`gốc và`, `tháng với`, `ông B`): the project's function words, titles, dates, fillers. */
const EDGE = new Set([...FUNCTION_WORDS, 'đó', 'ông', 'bà', 'anh', 'chị', 'cụ', 'em', 'cầu', 'tháng', 'năm', 'ngày', 'sẽ', 'nhưng', 'nên', 'thể', 'hạn']);
const isWord = (t: string) => !GENERIC.test(t) && !t.split('_').some((x, i) => EDGE.has(x) && (i === 0 || x !== 'hạn'));

/**
 * The word pairs a description and a judgment's facts and reasoning share, rarest first (by how
 * few judgments use them): what made the judgment come up as similar, in the judge's own words.
 */
export class SharedFacts {
  private readonly df = new Map<string, number>();
  private readonly terms = new Map<string, Set<string>>();

  constructor(private readonly cases: CaseIndex) {
    for (const r of cases.records) {
      const doc = cases.index.documents.get(r.documentId);
      if (!doc) continue;
      const set = new Set(lexicalTerms(comparedText(r, doc)).filter((t) => t.includes('_') && isWord(t)));
      this.terms.set(r.documentId, set);
      for (const t of set) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
  }

  /** At most `k` shared word pairs (`hợp đồng vay`), rarest first; pairs every other judgment has are left out. */
  shared(query: string, record: CaseRecord, k = 5): string[] {
    const mine = this.terms.get(record.documentId);
    if (!mine) return [];
    const n = this.cases.records.length;
    return [...new Set(lexicalTerms(query).filter((t) => t.includes('_') && mine.has(t)))]
      .filter((t) => (this.df.get(t) ?? n) < n / 2)
      .sort((a, b) => (this.df.get(a) ?? 0) - (this.df.get(b) ?? 0) || a.localeCompare(b))
      .slice(0, k)
      .map((t) => t.replace(/_/g, ' '));
  }
}

const cache = new WeakMap<CaseIndex, SharedFacts>();

export function sharedFactsOf(cases: CaseIndex): SharedFacts {
  let s = cache.get(cases);
  if (!s) cache.set(cases, (s = new SharedFacts(cases)));
  return s;
}

/** How the most similar judgments ended: counts by outcome, the majority in words, and the caveat. */
export interface OutcomeTendency {
  /** Similar judgments with a known outcome. */
  of: number;
  counts: { outcome: string; count: number }[];
  summary: string;
  caveat: string;
}

const TENDENCY_CAVEAT = 'Đây là thống kê kết quả của các bản án tương tự trong kho dữ liệu, không phải dự đoán kết quả của vụ việc đang giải quyết.';

/** The outcome tendency among the `n` most similar judgments; undefined when none has a known outcome. */
export function outcomeTendency(similar: readonly SimilarCase[], n = 5): OutcomeTendency | undefined {
  const known = similar.slice(0, n).filter((s) => s.record.outcome !== 'unknown');
  if (known.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const s of known) counts.set(s.record.outcome, (counts.get(s.record.outcome) ?? 0) + 1);
  const sorted = [...counts].map(([outcome, count]) => ({ outcome, count })).sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
  const top = sorted[0]!;
  const about = known[0]!.record.caseName ? ` về ${known[0]!.record.caseName.charAt(0).toLowerCase()}${known[0]!.record.caseName.slice(1)}` : '';
  return { of: known.length, counts: sorted, summary: `${top.count}/${known.length} bản án tương tự nhất${about}: ${top.outcome}`, caveat: TENDENCY_CAVEAT };
}
