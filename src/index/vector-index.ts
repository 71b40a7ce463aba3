import hnswlib from 'hnswlib-node';

export interface VectorHit {
  label: number;
  /** Cosine similarity. */
  score: number;
}

/**
 * hnswlib-node used directly rather than through LangChain's HNSWLib store: incremental ingestion
 * needs `markDelete` of stale vectors by label and search-time filters, which the wrapper does not
 * expose; chunk metadata lives in our own store.
 */
export class VectorIndex {
  private constructor(
    private readonly hnsw: hnswlib.HierarchicalNSW,
    readonly dim: number,
    /** Vectors copied out of the addon and kept (see {@link vector}). */
    private readonly cacheSize = 50_000,
  ) {}

  /** A new empty cosine index; the seed keeps graph construction deterministic. */
  static create(dim: number, capacity: number): VectorIndex {
    const h = new hnswlib.HierarchicalNSW('cosine', dim);
    // efConstruction 100 halves build time against 200 with search still at ef 128.
    h.initIndex({ maxElements: Math.max(capacity, 16), m: 16, efConstruction: 100, randomSeed: 100 });
    h.setEf(128);
    return new VectorIndex(h, dim);
  }

  static async load(file: string, dim: number, cacheSize?: number): Promise<VectorIndex> {
    const h = new hnswlib.HierarchicalNSW('cosine', dim);
    await h.readIndex(file);
    h.setEf(128);
    return new VectorIndex(h, dim, cacheSize);
  }

  get count(): number {
    return this.hnsw.getCurrentCount();
  }

  add(label: number, vector: number[]): void {
    if (this.hnsw.getCurrentCount() >= this.hnsw.getMaxElements()) this.hnsw.resizeIndex(Math.ceil(this.hnsw.getMaxElements() * 1.5) + 16);
    this.hnsw.addPoint(vector, label);
  }

  /** Marks a stale vector deleted; it is never returned again. */
  remove(label: number): void {
    this.cache.delete(label);
    this.hnsw.markDelete(label);
  }

  search(vector: number[], k: number, allow?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.count);
    if (n === 0) return [];
    const r = allow ? this.hnsw.searchKnn(vector, n, allow) : this.hnsw.searchKnn(vector, n);
    return r.neighbors.map((label, i) => ({ label, score: 1 - r.distances[i]! }));
  }

  private readonly cache = new Map<number, Float32Array>();

  /** The stored (normalised) vector of a label, cached: crossing into the addon per candidate is slow. */
  vector(label: number): Float32Array {
    let v = this.cache.get(label);
    if (!v) {
      v = Float32Array.from(this.hnsw.getPoint(label));
      this.cache.set(label, v);
      if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    }
    return v;
  }

  async save(file: string): Promise<void> {
    await this.hnsw.writeIndex(file);
  }
}
