import { lawNameKey } from '../retrieval/law-name-resolver.js';
import type { DocumentMeta, ParsedDocument } from '../types/legal-document.js';
import type { AmendmentEdge } from './amendment-edge.js';
import { parseAmendments } from './parse-amendments.js';

/** A provision of a corpus document, as a citation names it. */
export interface ProvisionRef {
  documentId: string;
  article?: string;
  clause?: string;
  point?: string;
}

const canon = (n: string) => n.normalize('NFC').toUpperCase().replace(/\s+/g, '').replace(/Đ/g, 'D');

/**
 * Which text amends which: edges parsed from the corpus' amending articles, plus the registry's
 * reviewed `amendedBy` records (documents outside the corpus that changed a corpus document).
 * Built once per loaded index.
 */
export class AmendmentGraph {
  readonly edges: AmendmentEdge[];
  private readonly byTarget = new Map<string, AmendmentEdge[]>();
  private readonly bySource = new Map<string, AmendmentEdge[]>();
  private readonly replacedNumbers = new Map<string, AmendmentEdge>();

  constructor(edges: AmendmentEdge[]) {
    this.edges = edges;
    for (const e of edges) {
      if (e.source.documentId) push(this.bySource, e.source.documentId, e);
      if (e.target.documentId) push(this.byTarget, e.target.documentId, e);
      if (e.action === 'replace_document' && e.target.number) this.replacedNumbers.set(canon(e.target.number), e);
    }
  }

  /** Parses every document's amending articles, resolves their targets to corpus documents and adds the registry's records. */
  static build(documents: Iterable<ParsedDocument>): AmendmentGraph {
    const docs = [...documents];
    const resolve = targetResolver(docs.map((d) => d.meta));
    const edges: AmendmentEdge[] = [];
    for (const d of docs) {
      for (const e of parseAmendments(d)) {
        const id = resolve(e.target.title, e.target.number);
        if (id && id !== d.meta.id) e.target.documentId = id;
        edges.push(e);
      }
    }
    const byNumber = new Map(docs.filter((d) => d.meta.number).map((d) => [canon(d.meta.number!), d.meta]));
    for (const d of docs) edges.push(...registryEdges(d.meta, edges, byNumber));
    return new AmendmentGraph(edges);
  }

  /** Edges whose source or target is this document. */
  forDocument(documentId: string): { amends: AmendmentEdge[]; amendedBy: AmendmentEdge[] } {
    return { amends: this.bySource.get(documentId) ?? [], amendedBy: this.byTarget.get(documentId) ?? [] };
  }

  /**
   * The changes in effect on `asOf` (ISO date; all of them when omitted) to a provision: edges on
   * its article as a whole, on its clause, or on a point of that clause; a citation of a whole
   * article (or any unit with `wholeArticle`) gets every change inside the article.
   */
  changesTo(p: ProvisionRef, asOf?: string, opts: { wholeArticle?: boolean } = {}): AmendmentEdge[] {
    return (this.byTarget.get(p.documentId) ?? []).filter((e) => {
      if (asOf && e.effectiveDate && e.effectiveDate > asOf) return false;
      const t = e.target;
      if (!t.article || !p.article || t.article.toLowerCase() !== p.article.toLowerCase()) return false;
      if (!t.clause || !p.clause || opts.wholeArticle) return true;
      if (t.clause !== p.clause) return false;
      return !t.point || !p.point || t.point === p.point;
    });
  }

  /** The edge by which a corpus document replaced the document with this number (`45/2013/QH13`), if any. */
  replacementOf(number: string): AmendmentEdge | undefined {
    return this.replacedNumbers.get(canon(number));
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Ties a target as written to a corpus document: by number when the text gives one (a number
 * the corpus lacks is another document, even with a similar name — `Luật Căn cước công dân số
 * 59/2014/QH13` is not `Luật Căn cước`), else by the exact name key.
 */
export function targetResolver(metas: DocumentMeta[]): (title: string, number?: string) => string | undefined {
  const byNumber = new Map(metas.filter((m) => m.number).map((m) => [canon(m.number!), m.id]));
  const byKey = new Map<string, string>();
  for (const m of metas) if (m.kind === 'law' || m.kind === 'code' || m.kind === 'regulation') byKey.set(lawNameKey(m.title).key, m.id);
  return (title, number) => (number ? byNumber.get(canon(number)) : byKey.get(lawNameKey(title).key));
}

/** The registry's `amendedBy` records as edges, except those a corpus text already states. */
function registryEdges(meta: DocumentMeta, parsed: AmendmentEdge[], byNumber: Map<string, DocumentMeta>): AmendmentEdge[] {
  const out: AmendmentEdge[] = [];
  for (const r of meta.amendedBy ?? []) {
    const inCorpus = byNumber.get(canon(r.number));
    if (inCorpus && parsed.some((e) => e.source.documentId === inCorpus.id && e.target.documentId === meta.id)) continue;
    const target = { documentId: meta.id, title: meta.title, ...(meta.number ? { number: meta.number } : {}) };
    const source = { ...(inCorpus ? { documentId: inCorpus.id } : {}), title: inCorpus?.title ?? `${r.docType ?? 'Luật'} số ${r.number}`, number: r.number, start: 0, end: 0 };
    const common = { action: 'change' as const, source, ...(r.effectiveDate ? { effectiveDate: r.effectiveDate } : {}), origin: 'registry' as const };
    if (r.articles?.length) for (const article of r.articles) out.push({ ...common, target: { ...target, article } });
    else out.push({ ...common, target });
  }
  return out;
}
