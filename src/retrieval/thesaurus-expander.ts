import type { Thesaurus, ThesaurusRelation } from '../text/thesaurus.js';
import { CURATED_KINDS, Thesaurus as ThesaurusClass } from '../text/thesaurus.js';
import type { QueryExpander } from './query-expansion.js';

/** The thesaurus as the retriever's query expander: each user phrase of the question with its legal terms. */
export function thesaurusExpander(thesaurus: Thesaurus): QueryExpander {
  return (text) =>
    thesaurus.find(text).map((m) => ({
      start: m.start, end: m.end, phrase: m.text, targets: m.terms, kind: m.kinds.join(','),
      // `chung` (cross-cutting) says nothing about which law; mined definitions carry their law's domain.
      domains: [...new Set(m.relations.map((r) => r.domain).filter((d) => d && d !== 'chung'))],
    }));
}

/** The curated thesaurus plus the definitions mined from one index's own "Giải thích từ ngữ" articles. */
export function withDefinitions(curated: Thesaurus, definitions: readonly ThesaurusRelation[]): Thesaurus {
  if (definitions.length === 0) return curated;
  const t = new ThesaurusClass(curated.all());
  t.addAll(definitions);
  return t;
}

const CURATED = new Set<string>(CURATED_KINDS);

/**
 * Document expansion: the everyday phrasings of the legal terms a text uses (`cho vay lãi nặng` →
 * `vay nặng lãi`), indexed in their own field so that a question in everyday words finds the text
 * without a query-time cost. Curated relations only: mined definitions point the other way.
 */
export function documentExpansion(thesaurus: Thesaurus, text: string): string {
  const phrases = new Set<string>();
  for (const m of thesaurus.findLegal(text)) for (const r of m.relations) if (CURATED.has(r.kind)) phrases.add(r.from);
  return [...phrases].join('. ');
}
