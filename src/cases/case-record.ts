import type { ParsedDocument, Section } from '../types/legal-document.js';
import { extractProvisions, type CitedProvision } from './extract-provisions.js';
import { parseJudgment, SECTION, type ParsedJudgment } from './parse-judgment.js';
import type { ProvisionResolver } from './provision-resolver.js';

/** One provision a judgment applied, as written and, when the corpus holds it, resolved to an article. */
export interface AppliedProvision {
  /** The law as the judgment writes it (`Bộ luật Dân sự năm 2015`). */
  lawName: string;
  article: string;
  /** Clauses the judgment named for this article (`1`, `2`), in text order. */
  clauses: string[];
  /** `Điều 584 Bộ luật Dân sự năm 2015`, as the court names the law. */
  label: string;
  /** Corpus document and article number (lower case) when resolved. */
  documentId?: string;
  resolvedArticle?: string;
  /** Why it could not be resolved (law not in the corpus, another version of it…). */
  reason?: string;
  /** Where the judgment cites it: its decision, or a `Căn cứ` sentence of its reasoning. */
  source: 'decision' | 'reasoning';
}

/** A corpus judgment with what a judge needs to compare cases: header facts, outcome, provisions. */
export interface CaseRecord extends Pick<ParsedJudgment, 'kind' | 'title' | 'number' | 'court' | 'date' | 'level' | 'caseType' | 'caseName' | 'outcome' | 'parties' | 'sections'> {
  documentId: string;
  /** Every provision cited by the decision and the reasoning's `Căn cứ` sentences, de-duplicated by article. */
  provisions: AppliedProvision[];
}

// A sentence of the reasoning that applies law, not one that merely reports a party's argument.
const APPLYING_RE = /(?:căn\s+cứ|áp\s+dụng)\s+(?:vào\s+|theo\s+)?(?:quy\s+định\s+(?:tại|của)\s+)?(?:các\s+)?(?:điểm|khoản|điều)\s/giu;
const SENTENCE_END_RE = /[.;]\s*\n|\.\s+(?=\p{Lu})|\n\s*\n/u;

/** Provisions of the `Căn cứ … Điều …` sentences of a section. */
function applyingSentences(text: string, s: Section): CitedProvision[] {
  const out: CitedProvision[] = [];
  const body = text.slice(s.start, s.end);
  for (const m of body.matchAll(APPLYING_RE)) {
    const from = s.start + m.index;
    const rest = text.slice(from, Math.min(s.end, from + 600));
    const end = SENTENCE_END_RE.exec(rest.slice(m[0].length));
    out.push(...extractProvisions(text, from, from + m[0].length + (end ? end.index : rest.length - m[0].length)));
  }
  return out;
}

function yearOf(s: string | undefined): number | undefined {
  const m = s ? /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(s) : null;
  return m ? Number(m[1]) : undefined;
}

/** Parses a judgment document and resolves the provisions it applied. */
export function buildCaseRecord(doc: ParsedDocument, resolver: ProvisionResolver): CaseRecord {
  const p = parseJudgment(doc.text);
  const decision = p.sections.find((s) => s.heading === SECTION.decision);
  const reasoning = p.sections.find((s) => s.heading === SECTION.reasoning || s.heading === SECTION.solution || s.heading === SECTION.precedent);
  const year = yearOf(p.date ?? doc.meta.issuedDate) ?? yearOf(p.number ?? doc.meta.number);
  const cited: { c: CitedProvision; source: AppliedProvision['source'] }[] = [];
  if (decision) for (const c of extractProvisions(doc.text, decision.start, decision.end)) cited.push({ c, source: 'decision' });
  if (reasoning) for (const c of applyingSentences(doc.text, reasoning)) cited.push({ c, source: 'reasoning' });
  const precedentLaw = p.sections.find((s) => s.heading === SECTION.provisions);
  if (precedentLaw) for (const c of extractProvisions(doc.text, precedentLaw.start, precedentLaw.end)) cited.push({ c, source: 'decision' });

  const byKey = new Map<string, AppliedProvision>();
  for (const { c, source } of cited) {
    const r = resolver.resolve(c.lawName, c.article, year);
    const key = r.ok ? `${r.documentId}#${r.article}` : `?${c.lawName.toLowerCase().replace(/\s+/g, ' ')}#${c.article.toLowerCase()}`;
    const known = byKey.get(key);
    if (known) {
      if (c.clause && !known.clauses.includes(c.clause)) known.clauses.push(c.clause);
      continue;
    }
    const lawName = c.lawName.replace(/\s+/g, ' ').trim();
    byKey.set(key, {
      lawName,
      article: c.article,
      clauses: c.clause ? [c.clause] : [],
      label: `Điều ${c.article} ${lawName}`,
      ...(r.ok ? { documentId: r.documentId, resolvedArticle: r.article } : { reason: r.reason }),
      source,
    });
  }
  return {
    documentId: doc.meta.id,
    kind: p.kind,
    title: doc.meta.title,
    ...(p.number ? { number: p.number } : {}),
    ...(p.court ? { court: p.court } : {}),
    ...(p.date ? { date: p.date } : {}),
    ...(p.level ? { level: p.level } : {}),
    ...(p.caseType ? { caseType: p.caseType } : {}),
    ...(p.caseName ? { caseName: p.caseName } : {}),
    outcome: p.outcome,
    parties: p.parties,
    sections: p.sections,
    provisions: [...byKey.values()],
  };
}

/** `laws/bo-luat-dan-su#584`: the key of a resolved article. */
export function articleKeyOf(documentId: string, article: string): string {
  return `${documentId}#${article.toLowerCase()}`;
}
