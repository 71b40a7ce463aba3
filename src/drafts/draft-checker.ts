import type { AmendmentGraph } from '../amendments/amendment-graph.js';
import { notesFor, unitLabel, type AmendmentNote } from '../amendments/amendment-note.js';
import { idf } from '../index/bm25-field.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { topK } from '../index/lexical-index.js';
import { normalizeVietnamese } from '../text/normalize.js';
import { compareContent, termSimilarity, type Difference, type Span } from './compare-content.js';
import { ReferenceChecker, type ReferenceProblem } from './draft-references.js';
import { decide, type Candidate, type DraftThresholds } from './decide-findings.js';
import { loadDraftThresholds } from './draft-thresholds.js';
import { LawUnits, LEGAL_KINDS } from './law-units.js';
import { analyzeProvision } from './normative-content.js';
import { sentencesOf, splitDraft, type DraftProvision } from './split-draft.js';


export type FindingKind = 'conflict' | 'duplicate' | 'reference';

export interface Finding {
  kind: FindingKind;
  documentId: string | null;
  article: string | null;
  clause?: string;
  point?: string;
  /** `khoản 1 Điều 1 Luật Thanh niên`. */
  label: string;
  reason: string;
  /** Offsets into the checked (normalised) draft text. */
  draftSpan: Span;
  /** Offsets into the law document's text; null for references to nothing. */
  lawSpan: Span | null;
  score: number;
  differences: Difference[];
  /** Changes made since to the law provision compared (its wording may be out of date). */
  amendments: AmendmentNote[];
}

export interface CheckedProvision {
  text: string;
  start: number;
  end: number;
  article: string | null;
  clause: string | null;
  findings: Finding[];
}

export interface CheckResult {
  /** The draft as checked (Unicode NFC, one tone placement): every offset points into it. */
  text: string;
  provisions: CheckedProvision[];
  thresholds: DraftThresholds;
}

export interface CheckOptions {
  /** Leave these documents out of the comparison (the corpus run checks a law against the others). */
  excludeDocuments?: Set<string>;
  asOf?: string;
}

const CHUNKS_PER_SENTENCE = 12;
const UNITS_KEPT = 6;

/**
 * The draft checker: splits a draft into provisions, finds for each sentence the provisions in
 * force on the same subject (lexical candidates, then subject similarity over terms with figures,
 * modal words and authorities masked) and compares their normative content — figures with
 * units, modality, the deciding authority, exceptions — into conflicts, duplicates and broken
 * references.
 */
export class DraftChecker {
  private readonly units: LawUnits;
  private readonly references: ReferenceChecker;
  private readonly weightCache = new Map<string, number>();

  constructor(
    private readonly index: CorpusIndex,
    private readonly amendments: AmendmentGraph,
    readonly thresholds: DraftThresholds = loadDraftThresholds(),
  ) {
    this.units = new LawUnits(index);
    this.references = new ReferenceChecker(index, amendments);
  }

  check(rawText: string, opts: CheckOptions = {}): CheckResult {
    const text = normalizeVietnamese(rawText);
    const provisions = splitDraft(text);
    const draftArticles = new Set(provisions.map((p) => p.article).filter((a): a is string => !!a).map((a) => a.toLowerCase()));
    return {
      text,
      thresholds: this.thresholds,
      provisions: provisions.map((p) => ({ text: p.text, start: p.start, end: p.end, article: p.article ?? null, clause: p.clause ?? null, findings: this.checkProvision(text, p, draftArticles, opts) })),
    };
  }

  /**
   * Analyses every article's sentences in small slices off the request path, so the first draft
   * checked after a (re)load does not pay for it. Returns when done.
   */
  warmUp(): Promise<void> {
    const jobs: [string, string][] = [];
    for (const d of this.index.documents.values()) if (LEGAL_KINDS.has(d.meta.kind)) for (const a of d.articles) jobs.push([d.meta.id, a.number]);
    return new Promise((resolve) => {
      let i = 0;
      const step = () => {
        for (const end = Math.min(jobs.length, i + 50); i < end; i++) this.units.ofArticle(...jobs[i]!);
        if (i < jobs.length) setImmediate(step);
        else resolve();
      };
      setImmediate(step);
    });
  }

  /**
   * The threshold-free part of checking one provision: each sentence's candidates and the
   * reference problems. The benchmark computes it once per item and tries thresholds on it.
   */
  prepare(rawText: string, opts: CheckOptions = {}): { sentences: Candidate[][]; references: ReferenceProblem[] } {
    const text = normalizeVietnamese(rawText);
    return { sentences: sentencesOf(text).map((s) => this.candidates(s.text, opts)), references: this.references.check(text, new Set(), opts.asOf) };
  }

  /** Candidates for one sentence, best first: what the benchmark fits thresholds on. */
  candidates(sentence: string, opts: CheckOptions = {}): Candidate[] {
    const idx = this.index;
    const content = analyzeProvision(sentence);
    if (content.terms.size === 0) return [];
    const q = idx.lexical.analyze(sentence);
    const allow = (i: number) => {
      const c = idx.chunks[i]!;
      if (!c.article || !LEGAL_KINDS.has(c.kind) || opts.excludeDocuments?.has(c.documentId)) return false;
      const meta = idx.documents.get(c.documentId)!.meta;
      if (meta.status === 'expired') return false;
      return !opts.asOf || !meta.effectiveDate || meta.effectiveDate <= opts.asOf;
    };
    const seen = new Set<string>();
    const scored: Candidate[] = [];
    for (const h of topK(idx.lexical.scoreAll(q), CHUNKS_PER_SENTENCE, allow)) {
      const c = idx.chunks[h.doc]!;
      const key = `${c.documentId}#${c.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // Only the sentences of the matching chunk (an article, or a group of its clauses).
      for (const u of this.units.ofArticle(c.documentId, c.article!)) {
        if (u.start < c.start || u.start >= c.end) continue;
        const similarity = termSimilarity(content.terms, u.terms, (t) => this.weight(t));
        scored.push({ unit: u, similarity, differences: [] });
      }
    }
    scored.sort((a, b) => b.similarity - a.similarity);
    const top = scored.slice(0, UNITS_KEPT);
    for (const c of top) c.differences = compareContent(content, c.unit.content());
    return top;
  }

  private checkProvision(text: string, p: DraftProvision, draftArticles: Set<string>, opts: CheckOptions): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const s of sentencesOf(text, p.start, p.end)) {
      for (const d of decide(this.candidates(s.text, opts), this.thresholds)) this.add(findings, seen, this.finding(d.kind, d.candidate, s));
    }
    for (const r of this.references.check(p.text, draftArticles, opts.asOf)) {
      const doc = r.documentId ? this.index.documents.get(r.documentId) : undefined;
      findings.push({
        kind: 'reference', documentId: r.documentId, article: r.article, ...(r.clause ? { clause: r.clause } : {}),
        label: doc ? `${unitLabel({ ...(r.article ? { article: r.article } : {}), ...(r.clause ? { clause: r.clause } : {}) })} ${doc.meta.title}`.trim() : r.text,
        reason: r.reason, draftSpan: { text: r.text, start: p.start + r.start, end: p.start + r.end }, lawSpan: null, score: 1, differences: [], amendments: [],
      });
    }
    return findings.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || b.score - a.score);
  }

  private add(findings: Finding[], seen: Set<string>, f: Finding): void {
    const key = `${f.kind}|${f.documentId}|${f.article}|${f.clause ?? ''}|${f.point ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  }

  private finding(kind: 'conflict' | 'duplicate', c: Candidate, s: { text: string; start: number; end: number }): Finding {
    const u = c.unit;
    const doc = this.index.documents.get(u.documentId)!;
    const where = { article: u.article, ...(u.clause ? { clause: u.clause } : {}), ...(u.point ? { point: u.point } : {}) };
    const label = `${unitLabel(where)} ${doc.meta.title}`;
    const shift = (x: Span | undefined, by: number) => (x ? { text: x.text, start: x.start + by, end: x.end + by } : undefined);
    const differences = c.differences.map((d) => ({ type: d.type, detail: d.detail, ...(d.draft ? { draft: shift(d.draft, s.start)! } : {}), ...(d.law ? { law: shift(d.law, u.start)! } : {}) }));
    const reason = kind === 'duplicate'
      ? `Nhắc lại ${label} mà không thay đổi nội dung`
      : `Cùng đối tượng với ${label} nhưng khác: ${differences.map((d) => d.detail).join('; ')}`;
    return {
      kind, documentId: u.documentId, ...where, label, reason,
      draftSpan: { text: s.text, start: s.start, end: s.end },
      lawSpan: { text: u.text, start: u.start, end: u.end },
      score: Number(c.similarity.toFixed(3)),
      differences,
      amendments: notesFor(this.amendments, { documentId: u.documentId, ...where }),
    };
  }

  private weight(term: string): number {
    let w = this.weightCache.get(term);
    if (w === undefined) {
      const lex = this.index.lexical;
      const id = lex.vocab.get(term);
      w = idf(id === undefined ? 0 : (lex.body.docs[id]?.length ?? 0), lex.size);
      this.weightCache.set(term, w);
    }
    return w;
  }
}

const kindRank = (k: FindingKind) => (k === 'conflict' ? 0 : k === 'reference' ? 1 : 2);
