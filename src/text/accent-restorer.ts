import { foldDiacritics, hasDiacritics } from './fold.js';
import { QUESTION_PHRASES } from './stopwords.js';
import { syllables } from './tokenize.js';

export interface AccentStats {
  /** folded syllable → accented forms with corpus counts. */
  forms: Record<string, [string, number][]>;
  /** `accented accented` bigram → count (count ≥ 2 only). */
  bigrams: Record<string, number>;
}

const QUESTION_WEIGHT = 50;

/** Counts syllables and bigrams of the corpus so unaccented queries can be restored. */
export function buildAccentStats(texts: Iterable<string>): AccentStats {
  const uni = new Map<string, number>();
  const bi = new Map<string, number>();
  const seed = Array.from({ length: QUESTION_WEIGHT }, () => QUESTION_PHRASES.join('.\n'));
  for (const text of [...seed, ...texts]) {
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
 * accented query. Accented queries are returned unchanged; in a mostly unaccented one, only the
 * words without diacritics are restored.
 */
export class AccentRestorer {
  private readonly unigram = new Map<string, number>();
  private sum = 0;

  constructor(private readonly stats: AccentStats) {
    for (const list of Object.values(stats.forms)) for (const [s, c] of list) this.unigram.set(s, c);
    for (const c of this.unigram.values()) this.sum += c;
  }

  private total(): number {
    return this.sum || 1;
  }

  restore(query: string): string {
    if (hasDiacritics(query) && !this.mostlyUnaccented(query)) return query;
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

  /**
   * A query typed without accents in which a few words carry them (chat spelling written out,
   * `cong ty no luong không`): most of its words have none. Accented words stay as typed.
   */
  private mostlyUnaccented(query: string): boolean {
    const words = query.match(/\p{L}+/gu) ?? [];
    const bare = words.filter((w) => !hasDiacritics(w)).length;
    return bare >= 2 && bare / words.length >= 0.5;
  }

  private decode(words: string[]): string[] {
    if (words.length === 0) return [];
    const cands = words.map((w) => {
      if (hasDiacritics(w)) return [[w.toLowerCase(), 1]] as [string, number][];
      const list = this.stats.forms[w.toLowerCase()];
      return list && list.length > 0 ? list.slice(0, 8) : ([[w.toLowerCase(), 1]] as [string, number][]);
    });
    // Bigram language model with Dirichlet smoothing towards unigram frequency:
    // P(w | p) = (c(p w) + μ·P(w)) / (c(p) + μ).
    const total = this.total();
    const uni = (s: string) => this.unigram.get(s) ?? 1;
    const mu = 20;
    let prev = cands[0]!.map(([s]) => ({ s, score: Math.log(uni(s) / total), back: -1 }));
    const lattice = [prev];
    for (let i = 1; i < cands.length; i++) {
      const cur = cands[i]!.map(([s]) => {
        let best = -Infinity;
        let back = 0;
        const pw = uni(s) / total;
        prev.forEach((p, j) => {
          const bc = this.stats.bigrams[`${p.s} ${s}`] ?? 0;
          const sc = p.score + Math.log((bc + mu * pw) / (uni(p.s) + mu));
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
