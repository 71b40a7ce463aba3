import { seededUniform } from '../../embeddings/sparse-matrix.js';
import type { AmendmentGraph } from '../../amendments/amendment-graph.js';
import { LawUnits, unitsOf, LEGAL_KINDS, type LawUnit } from '../../drafts/law-units.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import { topK } from '../../index/lexical-index.js';
import { changeNumber, flipModality, paraphrase, removeException, swapAuthority, type Edit } from './planted-edits.js';
import type { OutsideProvision } from './outside-provisions.js';
import type { PlantedItem, PlantedKind } from './planted-item.js';

export interface GenerateOptions {
  seed?: number;
  /** Items per kind. */
  quota?: Partial<Record<PlantedKind, number>>;
}

export const DEFAULT_QUOTA: Record<PlantedKind, number> = { number: 300, modality: 200, authority: 150, exception: 100, reworded: 150, paraphrase: 300, unrelated: 200, reference: 100 };

const EXPECTED = { number: 'conflict', modality: 'conflict', authority: 'conflict', exception: 'conflict', reworded: 'conflict', paraphrase: 'duplicate', unrelated: 'none', reference: 'reference' } as const;

/**
 * Generates the planted-edit benchmark from the corpus (deterministic for a seed): real
 * provisions with one figure, modal word, authority or exception changed (conflicts), the same
 * changes made to a paraphrase (conflicts in other words), faithful paraphrases (duplicates), real provisions of laws outside the corpus (no finding), and those
 * with a reference to an article that does not exist or a law that was replaced (references).
 */
export function generateBenchmark(index: CorpusIndex, graph: AmendmentGraph, outside: OutsideProvision[], opts: GenerateOptions = {}): PlantedItem[] {
  const rng = seededUniform(opts.seed ?? 11);
  const quota = { ...DEFAULT_QUOTA, ...opts.quota };
  const docs = [...index.documents.values()].filter((d) => LEGAL_KINDS.has(d.meta.kind)).sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  const units: LawUnit[] = [];
  for (const d of docs) for (const a of d.articles) units.push(...unitsOf(d, a).filter((u) => u.text.length >= 50 && u.text.length <= 400 && !/^Điều\s/u.test(u.text)));
  const shuffled = shuffle(units, rng);
  const items: PlantedItem[] = [];
  const used = new Set<string>();
  const perDocCap = (n: number) => Math.max(8, Math.ceil(n / 8));

  const fromCorpus = (kind: Exclude<PlantedKind, 'unrelated' | 'reference'>, edit: (t: string) => Edit | undefined) => {
    const perDoc = new Map<string, number>();
    for (const u of shuffled) {
      if (items.filter((i) => i.kind === kind).length >= quota[kind]) break;
      const key = `${u.documentId}#${u.start}`;
      if (used.has(key) || (perDoc.get(u.documentId) ?? 0) >= perDocCap(quota[kind])) continue;
      const e = edit(u.text);
      if (!e) continue;
      used.add(key);
      perDoc.set(u.documentId, (perDoc.get(u.documentId) ?? 0) + 1);
      items.push({
        id: `${kind}-${items.length}`, kind, expected: EXPECTED[kind], text: e.text, edit: e.edit, group: u.documentId,
        source: { documentId: u.documentId, article: u.article, ...(u.clause ? { clause: u.clause } : {}), text: u.text },
      });
    }
  };
  fromCorpus('number', (t) => changeNumber(t, rng));
  fromCorpus('modality', (t) => flipModality(t, rng));
  fromCorpus('authority', (t) => swapAuthority(t, rng));
  fromCorpus('exception', (t) => removeException(t));
  // Reworded: a paraphrase that also changes a figure, a modal word or the authority — a conflict in other words.
  fromCorpus('reworded', (t) => {
    const p = paraphrase(t, rng);
    if (!p) return undefined;
    const change = [changeNumber, flipModality, swapAuthority][Math.floor(rng() * 3)]!(p.text, rng);
    return change ? { text: change.text, edit: `${p.edit}; ${change.edit}` } : undefined;
  });
  fromCorpus('paraphrase', (t) => paraphrase(t, rng));

  // An outside rule that restates a corpus provision is a duplicate, not a new rule: left out.
  const lawUnits = new LawUnits(index);
  const outsideShuffled = shuffle(outside, rng).filter((o) => !restatesCorpus(index, lawUnits, o.text));
  for (const o of outsideShuffled.slice(0, quota.unrelated)) {
    items.push({ id: `unrelated-${items.length}`, kind: 'unrelated', expected: 'none', text: o.text, edit: `Điều “${o.title}” của Luật số ${o.number}`, group: o.number });
  }
  // References: an outside rule that cites an article the cited law lacks, or a law a corpus text replaced.
  const replaced = graph.edges.filter((e) => e.action === 'replace_document' && e.target.number && !e.target.documentId);
  const laws = docs.filter((d) => d.meta.kind === 'law' || d.meta.kind === 'code');
  for (const o of outsideShuffled.slice(quota.unrelated, quota.unrelated + quota.reference)) {
    const body = o.text.replace(/[.;]$/u, '');
    let ref: string;
    if (rng() < 0.5 && replaced.length > 0) {
      const e = replaced[Math.floor(rng() * replaced.length)]!;
      ref = `theo quy định của ${e.target.title} số ${e.target.number}`;
    } else {
      const d = laws[Math.floor(rng() * laws.length)]!;
      const n = d.articles.length + 5 + Math.floor(rng() * 40);
      ref = `theo quy định tại Điều ${n} của ${d.meta.title.replace(/\s+\d{4}$/u, '')}`;
    }
    items.push({ id: `reference-${items.length}`, kind: 'reference', expected: 'reference', text: `${body}, ${ref}.`, edit: ref, group: o.number });
  }
  return items;
}

const syllableSet = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{M}]+|\d+/gu) ?? []);

/**
 * True when a text says nearly what a corpus sentence says: plain syllable overlap (Dice) of at
 * least {@link RESTATEMENT_OVERLAP} with a sentence of its five best BM25 chunks. Independent of
 * the checker's own similarity (no weights, nothing masked), so the labels do not echo it.
 */
export function restatesCorpus(index: CorpusIndex, units: LawUnits, text: string): boolean {
  const a = syllableSet(text);
  const allow = (i: number) => LEGAL_KINDS.has(index.chunks[i]!.kind) && !!index.chunks[i]!.article;
  for (const h of topK(index.lexical.scoreAll(index.lexical.analyze(text)), 5, allow)) {
    const c = index.chunks[h.doc]!;
    for (const u of units.ofArticle(c.documentId, c.article!)) {
      const b = syllableSet(u.text);
      let i = 0;
      for (const x of a) if (b.has(x)) i++;
      if ((2 * i) / (a.size + b.size) >= RESTATEMENT_OVERLAP) return true;
    }
  }
  return false;
}

export const RESTATEMENT_OVERLAP = 0.6;

function shuffle<T>(xs: T[], rng: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
