import { extractProvisions } from '../../cases/extract-provisions.js';
import { parseJudgment, SECTION } from '../../cases/parse-judgment.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import { articleKey, type ArticleRef } from '../eval-question.js';
import type { GoldMapper } from '../gold-mapping.js';

/** A corpus judgment as the provision baselines see it: its facts and the provisions it applied. */
export interface JudgmentCase {
  documentId: string;
  facts: string;
  provisions: ArticleRef[];
}

/**
 * The corpus judgments with the provisions their decision cites (`Căn cứ vào …`), mapped to corpus
 * articles the same way as the gold, so that the baselines know only what the service could know.
 */
export function judgmentCases(index: CorpusIndex, mapper: GoldMapper): JudgmentCase[] {
  const out: JudgmentCase[] = [];
  for (const d of index.documents.values()) {
    if (d.meta.kind !== 'judgment') continue;
    const parsed = parseJudgment(d.text);
    const decision = parsed.sections.find((s) => s.heading === SECTION.decision);
    const facts = parsed.sections.find((s) => s.heading === SECTION.facts);
    const year = yearOf(parsed.date ?? d.meta.issuedDate) ?? yearOf(parsed.number ?? d.meta.number);
    let cited = decision ? extractProvisions(d.text, decision.start, decision.end) : [];
    if (cited.length === 0) cited = extractProvisions(d.text);
    const seen = new Set<string>();
    const provisions: ArticleRef[] = [];
    for (const p of cited) {
      const r = mapper.resolve({ law: p.lawName, article: p.article }, year);
      if (!r.ok || seen.has(articleKey(r.ref))) continue;
      seen.add(articleKey(r.ref));
      provisions.push(r.ref);
    }
    out.push({ documentId: d.meta.id, facts: facts ? d.text.slice(facts.start, facts.end) : d.text, provisions });
  }
  return out;
}

function yearOf(s: string | undefined): number | undefined {
  const m = s ? /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(s) : null;
  return m ? Number(m[1]) : undefined;
}
