/**
 * Evidence that a description is about an offense, one number per kind in [0, 1]:
 * - `named`: the description names it (`truy tố … về tội Trộm cắp tài sản`), overlap of the named
 *   offense with the article's title;
 * - `name`: the article's offense name in the description's words, lay wording mapped to the code's
 *   by `offense-terms.txt` and by the team thesaurus (`corpus/thesaurus/`, domains hình sự and ma tuý)
 *   when one is given (name bigrams weighted by how rare they are among offense names);
 * - `definition`: BM25 of the description against the article's own clauses (its definition);
 * - `retrieval`: rank of the article's best passage in the service's hybrid search;
 * - `figures`: the description's figures meet one of its clauses' drug, injury, death or age conditions.
 * How much each counts is learned (see `offense-weights`).
 */
import { LexicalIndex } from '../../index/lexical-index.js';
import { foldDiacritics } from '../../text/fold.js';
import { lexicalTerms } from '../../text/tokenize.js';
import { weightedCoverage } from '../title-match.js';
import { matchClause, type ClauseMatch } from './clause-match.js';
import type { CriminalCode, Offense } from './criminal-code.js';
import type { CriminalFacts } from './criminal-facts.js';
import { cue } from './fact-text.js';
import type { Thesaurus } from '../../text/thesaurus.js';
import { legalTerms } from './offense-terms.js';

export const OFFENSE_FEATURES = ['named', 'name', 'definition', 'retrieval', 'figures'] as const;
export type OffenseFeature = (typeof OFFENSE_FEATURES)[number];
export type OffenseFeatures = Record<OffenseFeature, number>;

/** An offense the description may be about, with its evidence and the clause its facts fall under. */
export interface OffenseCandidate {
  offense: Offense;
  features: OffenseFeatures;
  match: ClauseMatch;
  /** The offense as the description names it (`tội Trộm cắp tài sản`). */
  namedAs?: string;
  /** Lay phrases of the description that stand for this offense's words. */
  phrases: string[];
}

/** Candidates whose clauses are matched against the facts: the rest cannot reach the top. */
const MAX_CANDIDATES = 30;
const FIGURE_BASIS = new Set(['drug', 'injury', 'deaths', 'victimAge']);
const NAMED = cue(String.raw`(?<!\p{L})tội\s+(\p{Lu}[\p{L}\s,]*?)(?=\s*(?:[.;:()]|,\s|\s+và\s+tội|\s+theo|\s+đề\s+nghị|\s+với|\s+mỗi|\s+tổng|$))`);

const bigrams = (text: string) => new Set(lexicalTerms(text).filter((t) => t.includes('_')));
const syllableSet = (text: string) => new Set(lexicalTerms(text).filter((t) => !t.includes('_')));

/** Scores offenses of one criminal code for descriptions; built once per code. */
export class OffenseScorer {
  private readonly idf = new Map<string, number>();
  private readonly nameTerms: Set<string>[][];
  private readonly definitions: LexicalIndex[];

  constructor(readonly code: CriminalCode) {
    const offenses = code.offenses;
    // Both forms of each name: accented, and folded for descriptions typed without accents.
    this.nameTerms = offenses.map((o) => [bigrams(o.name), bigrams(foldDiacritics(o.name))]);
    const df = new Map<string, number>();
    for (const forms of this.nameTerms) for (const set of forms) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
    for (const [t, n] of df) this.idf.set(t, Math.log(1 + offenses.length / n));
    // An offense's definition: its penalty brackets, not the preparation and additional-penalty clauses.
    const defText = (o: Offense) =>
      o.clauses
        .filter((c) => c.role === 'bracket')
        .map((c) => code.doc.text.slice(c.stem.start, c.points.at(-1)?.end ?? c.stem.end))
        .join('\n');
    const inputs = offenses.map((o) => ({ heading: o.name, text: defText(o) }));
    this.definitions = [LexicalIndex.build(inputs), LexicalIndex.build(inputs.map((x) => ({ heading: foldDiacritics(x.heading), text: foldDiacritics(x.text) })))];
  }

  /**
   * Every offense with some evidence, features filled. `retrievalRanks` gives the 0-based rank of
   * offense articles among the hybrid search's articles (absent: not found).
   */
  candidates(facts: CriminalFacts, retrievalRanks: ReadonlyMap<string, number>, thesaurus?: Thesaurus): OffenseCandidate[] {
    const t = facts.offenseText;
    const terms = [...legalTerms(t), ...criminalThesaurusTerms(t.text, thesaurus)];
    const form = t.folded ? 1 : 0;
    const fold = (s: string) => (t.folded ? foldDiacritics(s) : s);
    const expanded = `${t.text} . ${terms.map((x) => fold(x.legal)).join(' . ')}`;
    const factTerms = bigrams(expanded);
    const named = t.all(NAMED).map((h) => h.groups[0]!.trim());
    const defScores = this.definitions[form]!.scoreAll(this.definitions[form]!.analyze(expanded));
    const maxDef = Math.max(...defScores, 1e-9);
    const retrievedOffenses = [...retrievalRanks.entries()].filter(([a]) => this.code.offense(a)).sort((a, b) => a[1] - b[1]);
    const offenseRank = new Map(retrievedOffenses.map(([a], i) => [a, i]));

    // Cheap evidence first; only the strongest candidates have their clauses matched.
    const cheap: { i: number; named: number; name: number; definition: number; retrieval: number; sum: number }[] = [];
    this.code.offenses.forEach((offense, i) => {
      const name = weightedCoverage(this.nameTerms[i]![form]!, factTerms, this.idf);
      const namedScore = Math.max(0, ...named.map((n) => overlapF1(syllableSet(fold(n)), syllableSet(fold(offense.name)))));
      const definition = defScores[i]! / maxDef;
      const rank = offenseRank.get(offense.article);
      const retrieval = rank === undefined ? 0 : 1 / (1 + rank);
      cheap.push({ i, named: namedScore, name, definition, retrieval, sum: namedScore + name + definition + retrieval });
    });
    const kept = cheap.sort((a, b) => b.sum - a.sum).slice(0, MAX_CANDIDATES).filter((c) => c.sum > 0);
    const out: OffenseCandidate[] = [];
    for (const c of kept) {
      const offense = this.code.offenses[c.i]!;
      const match = matchClause(this.code, offense, facts);
      const figures = match.basis.some((b) => FIGURE_BASIS.has(b)) ? 1 : 0;
      const namedAs = named.find((n) => overlapF1(syllableSet(fold(n)), syllableSet(fold(offense.name))) === c.named);
      const nameBigrams = bigrams(offense.name);
      const phrases = terms.filter((x) => [...bigrams(x.legal)].some((b) => nameBigrams.has(b))).map((x) => x.phrase);
      out.push({ offense, features: { named: c.named, name: c.name, definition: c.definition, retrieval: c.retrieval, figures }, match, ...(c.named > 0 && namedAs ? { namedAs } : {}), phrases });
    }
    return out;
  }
}

/** Domains of the team thesaurus whose legal terms name criminal acts. */
const CRIMINAL_DOMAINS = new Set(['hình sự', 'ma tuý']);

/** The legal terms the team's curated thesaurus (`corpus/thesaurus/`) gives for the description's criminal wording. */
function criminalThesaurusTerms(text: string, thesaurus: Thesaurus | undefined): { legal: string; phrase: string }[] {
  if (!thesaurus) return [];
  return thesaurus.find(text).flatMap((m) => m.relations.filter((r) => CRIMINAL_DOMAINS.has(r.domain)).map((r) => ({ legal: r.to, phrase: m.text })));
}

function overlapF1(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  if (inter === 0) return 0;
  const p = inter / a.size;
  const r = inter / b.size;
  return (2 * p * r) / (p + r);
}

const scorers = new WeakMap<CriminalCode, OffenseScorer>();

/** The scorer of a code, built on first use. */
export function offenseScorerOf(code: CriminalCode): OffenseScorer {
  let s = scorers.get(code);
  if (!s) scorers.set(code, (s = new OffenseScorer(code)));
  return s;
}
