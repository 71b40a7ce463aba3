import type { ServedIndex } from '../index/served-index.js';
import type { LawMentionFinder, MissingLawFinder } from './hybrid-retriever.js';
import type { LawCatalog } from './law-catalog.js';
import { findLawMentions, LawNameResolver } from './law-name-resolver.js';

const LEGAL_KINDS = new Set(['law', 'code', 'regulation', 'precedent']);

/** A resolver over the index's legal texts (not judgments or briefings). */
export function lawResolverFor(index: Pick<ServedIndex, 'catalog'>): LawNameResolver {
  const entries = index
    .catalog()
    .filter((d) => LEGAL_KINDS.has(d.meta.kind))
    .map((d) => ({ id: d.meta.id, title: d.meta.title, docType: d.meta.docType, ...(d.meta.number ? { number: d.meta.number } : {}) }));
  return new LawNameResolver(entries);
}

/**
 * The corpus document a name means. A loose match (`Luật Giáo dục đại học` starts with `Luật Giáo
 * dục`) loses to a law the catalog of missing laws knows by exactly that name.
 */
function corpusLaw(resolver: LawNameResolver, catalog: LawCatalog | undefined, name: string): string | undefined {
  const r = resolver.resolveDetailed(name);
  if (!r) return undefined;
  return r.exact || r.yearMismatch || !catalog?.resolve(name, true) ? r.id : undefined;
}

/** Finds the laws a question names or is about that the index does not hold. */
export function missingLawFinder(index: Pick<ServedIndex, 'catalog'>, catalog: LawCatalog): MissingLawFinder {
  const resolver = lawResolverFor(index);
  return (query) => catalog.missingLaws(query, (name) => corpusLaw(resolver, catalog, name) !== undefined);
}

/** Finds the corpus documents a question names (`Luật HN&GĐ`, `Bộ luật Dân sự năm 2015`). */
export function lawMentionFinder(index: Pick<ServedIndex, 'catalog'>, catalog?: LawCatalog): LawMentionFinder {
  const resolver = lawResolverFor(index);
  return (query) =>
    findLawMentions(query).flatMap((m) => {
      const id = corpusLaw(resolver, catalog, m.name);
      return id ? [{ documentId: id, start: m.start, end: m.end }] : [];
    });
}
