import { BREAK_RE, syllables } from '../text/tokenize.js';

/** 32-bit FNV-1a: n-grams are compared as hashes so per-chunk term sets stay small typed arrays. */
export function hashTerm(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sorted unique hashes of a text's syllables, syllable pairs and triples, plus pairs per span. */
export interface TermHashes {
  uni: Uint32Array;
  bi: Uint32Array;
  tri: Uint32Array;
  spanBi: Uint32Array[];
}

const BREAK_GLOBAL = new RegExp(BREAK_RE.source, 'g');

const sortedUnique = (s: Set<number>) => Uint32Array.from(s).sort();

/** Hashes the n-grams of a text once; `spans` are offsets in the text (clauses). */
export function termHashes(text: string, spans: { start: number; end: number }[] = []): TermHashes {
  const uni = new Set<number>();
  const bi = new Set<number>();
  const tri = new Set<number>();
  const spanBi = spans.map(() => new Set<number>());
  let last = 0;
  const pieces: { text: string; start: number }[] = [];
  for (const m of text.matchAll(BREAK_GLOBAL)) {
    pieces.push({ text: text.slice(last, m.index), start: last });
    last = m.index + m[0].length;
  }
  pieces.push({ text: text.slice(last), start: last });
  for (const p of pieces) {
    const s = syllables(p.text);
    const span = spans.findIndex((sp) => p.start >= sp.start && p.start < sp.end);
    for (let i = 0; i < s.length; i++) {
      uni.add(hashTerm(s[i]!));
      if (i + 1 < s.length) {
        const b = hashTerm(`${s[i]}_${s[i + 1]}`);
        bi.add(b);
        if (span >= 0) spanBi[span]!.add(b);
      }
      if (i + 2 < s.length) tri.add(hashTerm(`${s[i]}_${s[i + 1]}_${s[i + 2]}`));
    }
  }
  return { uni: sortedUnique(uni), bi: sortedUnique(bi), tri: sortedUnique(tri), spanBi: spanBi.map(sortedUnique) };
}

/** Binary search membership in a sorted Uint32Array. */
export function has(sorted: Uint32Array, h: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A bounded cache of chunk term hashes (oldest entries evicted first). */
export class TermHashCache {
  private readonly map = new Map<number, TermHashes>();
  constructor(private readonly max = 20_000) {}

  get(key: number, compute: () => TermHashes): TermHashes {
    let v = this.map.get(key);
    if (!v) {
      v = compute();
      this.map.set(key, v);
      if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    }
    return v;
  }
}
