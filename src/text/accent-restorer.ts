import { foldDiacritics, hasDiacritics } from './fold.js';
import { syllables } from './tokenize.js';

export interface AccentStats {
  /** folded syllable → accented forms with corpus counts. */
  forms: Record<string, [string, number][]>;
  /** `accented accented` bigram → count (count ≥ 2 only). */
  bigrams: Record<string, number>;
}

/** Counts syllables and bigrams of the corpus so unaccented queries can be restored. */
export function buildAccentStats(texts: Iterable<string>): AccentStats {
  const uni = new Map<string, number>();
  const bi = new Map<string, number>();
  for (const text of texts) {
    for (const line of text.split(/[\n.;:!?]/)) {
      const syl = syllables(line).filter((s) => !/^\d/.test(s));
      for (let i = 0; i < syl.length; i++) {
        uni.set(syl[i]!, (uni.get(syl[i]!) ?? 0) + 1);
        if (i > 0) {
          const k = `${syl[i - 1]} ${syl[i]}`;
          bi.set(k, (bi.get(k) ?? 0) + 1);
        }
      }
    }
  }
  const forms: Record<string, [string, number][]> = {};
  for (const [s, c] of uni) (forms[foldDiacritics(s)] ??= []).push([s, c]);
  for (const list of Object.values(forms)) list.sort((a, b) => b[1] - a[1]);
  const bigrams: Record<string, number> = {};
  for (const [k, c] of bi) if (c >= 2) bigrams[k] = c;
  return { forms, bigrams };
}

/**
 * Restores diacritics of a query typed without accents (`thoi han bo nhiem` → `thời hạn bổ nhiệm`)
 * by Viterbi decoding over the corpus' own syllable bigram counts, so it searches exactly like the
 * accented query. Queries that carry any diacritic are returned unchanged.
 */
export class AccentRestorer {
  constructor(private readonly stats: AccentStats) {}

  restore(query: string): string {
    if (hasDiacritics(query)) return query;
    const tokens = query.split(/(\s+|[^\p{L}\d]+)/u);
    // Words are decoded per run of letters; punctuation and numbers are kept as they are.
    const out: string[] = [];
    let run: { idx: number; word: string }[] = [];
    const flush = () => {
      const restored = this.decode(run.map((r) => r.word));
      run.forEach((r, i) => (out[r.idx] = restored[i]!));
      run = [];
    };
    tokens.forEach((t, idx) => {
      out[idx] = t;
      if (/^\p{L}+$/u.test(t)) run.push({ idx, word: t });
      else if (!/^\s+$/.test(t) && t !== '') flush();
    });
    flush();
    return out.join('');
  }

  private decode(words: string[]): string[] {
    if (words.length === 0) return [];
    const cands = words.map((w) => {
      const list = this.stats.forms[w.toLowerCase()];
      return list && list.length > 0 ? list.slice(0, 8) : ([[w.toLowerCase(), 1]] as [string, number][]);
    });
    // score = log P(first) + Σ log P(w_i | w_{i-1}) with add-one-ish backoff to unigram frequency.
    let prev = cands[0]!.map(([s, c]) => ({ s, score: Math.log(c), back: -1 }));
    const lattice = [prev];
    for (let i = 1; i < cands.length; i++) {
      const cur = cands[i]!.map(([s, c]) => {
        let best = -Infinity;
        let back = 0;
        prev.forEach((p, j) => {
          const bc = this.stats.bigrams[`${p.s} ${s}`] ?? 0;
          const sc = p.score + (bc > 0 ? Math.log(bc) + 3 : Math.log(c) - 6);
          if (sc > best) {
            best = sc;
            back = j;
          }
        });
        return { s, score: best, back };
      });
      lattice.push(cur);
      prev = cur;
    }
    let j = prev.reduce((bi, p, i) => (p.score > prev[bi]!.score ? i : bi), 0);
    const res: string[] = new Array(words.length);
    for (let i = words.length - 1; i >= 0; i--) {
      const node = lattice[i]![j]!;
      res[i] = matchCase(words[i]!, node.s);
      j = node.back;
    }
    return res;
  }
}

function matchCase(original: string, restored: string): string {
  if (original === original.toUpperCase() && original.length > 1) return restored.toUpperCase();
  if (original[0] === original[0]?.toUpperCase()) return restored.charAt(0).toUpperCase() + restored.slice(1);
  return restored;
}
