import type { CorpusIndex } from '../index/corpus-index.js';
import type { LawMentionFinder } from './hybrid-retriever.js';
import { findLawMentions, LawNameResolver } from './law-name-resolver.js';

const LEGAL_KINDS = new Set(['law', 'code', 'regulation', 'precedent']);

/** A resolver over the index's legal texts (not judgments or briefings). */
export function lawResolverFor(index: CorpusIndex): LawNameResolver {
  const entries = [...index.documents.values()]
    .filter((d) => LEGAL_KINDS.has(d.meta.kind))
    .map((d) => ({ id: d.meta.id, title: d.meta.title, docType: d.meta.docType, ...(d.meta.number ? { number: d.meta.number } : {}) }));
  return new LawNameResolver(entries);
}

/** Finds the corpus documents a question names (`Luật HN&GĐ`, `Bộ luật Dân sự năm 2015`). */
export function lawMentionFinder(index: CorpusIndex): LawMentionFinder {
  const resolver = lawResolverFor(index);
  return (query) =>
    findLawMentions(query).flatMap((m) => {
      const id = resolver.resolve(m.name);
      return id ? [{ documentId: id, start: m.start, end: m.end }] : [];
    });
}
