/**
 * What a judge gets for a fact description: the case type and why, then for a criminal case the
 * offense articles (clause and points, each with its reason) and the general-part articles, for a
 * civil case the substantive and procedural provisions in separate lists; the most similar
 * judgments with their outcome and the facts they share, and the outcome tendency among them.
 * One advisor serves the HTTP endpoints and the chat.
 */
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import type { Thesaurus } from '../text/thesaurus.js';
import type { Article, ParsedDocument } from '../types/legal-document.js';
import { articleLabel, articleText } from './article-text.js';
import { caseExcerpt } from './case-excerpt.js';
import type { CaseIndex } from './case-index.js';
import { judgmentLabel } from './case-text.js';
import { classifyCaseType, type CaseTypeDecision } from './case-type.js';
import type { Reason } from './criminal/clause-match.js';
import { criminalCodeOf } from './criminal/criminal-code.js';
import { CriminalRecommender, type ChargedOffense } from './criminal/criminal-recommender.js';
import type { GeneralProvision } from './criminal/general-part.js';
import { factsQuery } from './facts-query.js';
import { ProvisionRecommender, type RecommendedProvision } from './provision-recommender.js';
import { DEFAULT_JUDGE_WEIGHTS, loadJudgeWeights, type JudgeWeights } from './recommender-weights.js';
import { outcomeTendency, sharedFactsOf, type OutcomeTendency } from './similar-facts.js';
import type { SimilarCase } from './similar-cases.js';
import type { UnresolvedRecommendation } from './unresolved-votes.js';

/** A provision to show a judge: the article, where it applies, and why. */
export interface ProvisionView {
  documentId: string;
  article: string;
  /** `Điểm c khoản 1 Điều 249 Bộ luật hình sự 2015`. */
  label: string;
  articleTitle: string;
  /** The article's text, heading included. */
  text: string;
  kind: 'offense' | 'general' | 'substantive' | 'procedural';
  clause?: string;
  points?: string[];
  /** Offsets in the document of the clause that applies, to mark it in the article. */
  span?: { start: number; end: number };
  score?: number;
  reasons: Reason[];
  /** Civil provisions: the similar judgments and passages behind the score. */
  evidence?: RecommendedProvision['evidence'];
}

/** A similar judgment with its outcome and what it shares with the description. */
export interface SimilarCaseView {
  documentId: string;
  label: string;
  number: string | null;
  court: string | null;
  date: string | null;
  caseName: string | null;
  outcome: string | null;
  similarity: number;
  /** Word pairs of the description found in the judgment (`hợp đồng vay`, `lãi suất`). */
  sharedFacts: string[];
  excerpt: string | null;
  excerptStart: number | null;
  excerptEnd: number | null;
}

export interface JudgeAdvice {
  caseType: CaseTypeDecision;
  /** Criminal: the offenses charged, best first. */
  offenses: ProvisionView[];
  /** Criminal: general-part articles applied with them. */
  general: ProvisionView[];
  /** Criminal: other offenses the description may be about. */
  alternatives: { documentId: string; article: string; label: string; articleTitle: string }[];
  /** Civil: the law that decides the dispute. */
  substantive: ProvisionView[];
  /** Procedure every such case applies, short and explained. */
  procedural: ProvisionView[];
  /** Everything above in one list, best first. */
  provisions: ProvisionView[];
  unresolved: UnresolvedRecommendation[];
  similar: SimilarCaseView[];
  tendency?: OutcomeTendency;
  /** What the judge should know about these results. */
  notes: string[];
}

export interface AdviseOptions {
  k?: number;
  /** A corpus judgment to leave out (evaluation). */
  excludeDocumentId?: string;
}

/** Procedural articles of the criminal procedure code a first-instance criminal judgment applies, with why. */
const CRIMINAL_PROCEDURE: { article: string; reason: string; when?: (a: { seized: boolean }) => boolean }[] = [
  { article: '268', reason: 'thẩm quyền xét xử sơ thẩm của Toà án' },
  { article: '106', reason: 'xử lý vật chứng đã thu giữ', when: (a) => a.seized },
  { article: '136', reason: 'án phí hình sự sơ thẩm bị cáo phải chịu' },
  { article: '331', reason: 'người có quyền kháng cáo bản án' },
  { article: '333', reason: 'thời hạn kháng cáo' },
];

const CAPITAL = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const round = (x: number) => Math.round(x * 1000) / 1000;

export class JudgeAdvisor {
  readonly civil: ProvisionRecommender;
  readonly criminal: CriminalRecommender | undefined;

  constructor(
    readonly cases: CaseIndex,
    retriever: HybridRetriever,
    private readonly weights: JudgeWeights = DEFAULT_JUDGE_WEIGHTS,
    thesaurus?: Thesaurus,
  ) {
    this.civil = new ProvisionRecommender(cases, retriever, weights.civil);
    const code = criminalCodeOf(cases.index);
    this.criminal = code ? new CriminalRecommender(code, cases.index, retriever, thesaurus) : undefined;
  }

  async advise(facts: string, options: AdviseOptions = {}): Promise<JudgeAdvice> {
    const caseType = classifyCaseType(facts);
    if (caseType.family === 'criminal' && this.criminal) return this.criminalAdvice(facts, caseType, options.k ?? 10);
    return this.civilAdvice(facts, caseType, options);
  }

  private async criminalAdvice(facts: string, caseType: CaseTypeDecision, k: number): Promise<JudgeAdvice> {
    const criminal = this.criminal!;
    const r = await criminal.recommend(facts, this.weights.criminal);
    const doc = criminal.code.doc;
    const offenses = r.offenses.map((o) => this.offenseView(doc, o));
    const general = r.general.map((g) => this.generalView(doc, g)).filter((v): v is ProvisionView => v !== undefined);
    const procedureDoc = [...this.cases.index.documents.values()].find((d) => /tố\s+tụng\s+hình\s+sự/iu.test(d.meta.title));
    const seized = general.some((g) => g.article === '47');
    const procedural = procedureDoc
      ? CRIMINAL_PROCEDURE.filter((p) => !p.when || p.when({ seized }))
          .map((p) => this.view(procedureDoc, p.article, 'procedural', [{ finding: p.reason, rule: 'Bộ luật tố tụng hình sự' }]))
          .filter((v): v is ProvisionView => v !== undefined)
      : [];
    const notes: string[] = [];
    if (offenses.length === 0) notes.push('Không xác định được tội danh từ mô tả: hãy nêu hành vi, đối tượng tác động và hậu quả (giá trị tài sản, khối lượng ma tuý, tỷ lệ thương tích…).');
    if (offenses.some((o) => o.reasons.some((x) => x.rule.startsWith('mặc định')))) notes.push('Với tội danh có đánh dấu “mặc định khoản 1”, mô tả chưa nêu tình tiết định khung; cần bổ sung giá trị tài sản, khối lượng, tỷ lệ thương tích hoặc hậu quả để xác định khoản.');
    const criminalCases = this.cases.records.filter((c) => c.caseType === 'hình sự');
    if (criminalCases.length === 0) notes.push('Kho dữ liệu chưa có bản án hình sự nên không có vụ án tương tự để so sánh; các điều luật được xác định từ mô tả và nội dung Bộ luật hình sự.');
    return {
      caseType,
      offenses,
      general,
      alternatives: r.alternatives.slice(0, 5).map((a) => ({ documentId: doc.meta.id, article: a.offense.article, label: `Điều ${a.offense.article} ${doc.meta.title}`, articleTitle: a.offense.title })),
      substantive: [],
      procedural,
      provisions: [...offenses, ...general].slice(0, k),
      unresolved: [],
      similar: [],
      notes,
    };
  }

  private async civilAdvice(facts: string, caseType: CaseTypeDecision, options: AdviseOptions): Promise<JudgeAdvice> {
    const k = options.k ?? 10;
    const rec = await this.civil.recommend(facts, { k, ...(options.excludeDocumentId ? { excludeDocumentId: options.excludeDocumentId } : {}) });
    const present = (p: RecommendedProvision): ProvisionView => ({
      documentId: p.documentId,
      article: p.article,
      label: p.label,
      articleTitle: p.articleTitle,
      text: p.text,
      kind: p.kind,
      score: p.score,
      reasons: civilReasons(p, rec.similar.length),
      evidence: p.evidence,
    });
    const query = factsQuery(facts, this.cases.index);
    const shared = sharedFactsOf(this.cases);
    const lexical = this.cases.index.lexical;
    const scores = lexical.scoreAll(lexical.analyze(query));
    const similar = rec.similar.slice(0, 5).map((s) => this.similarView(s, query, shared.shared(query, s.record), scores));
    const tendency = outcomeTendency(rec.similar);
    return {
      caseType,
      offenses: [],
      general: [],
      alternatives: [],
      substantive: rec.substantive.map(present),
      procedural: rec.procedural.map(present),
      provisions: rec.provisions.map(present),
      unresolved: rec.unresolved,
      similar,
      ...(tendency ? { tendency } : {}),
      notes: [],
    };
  }

  private similarView(s: SimilarCase, query: string, sharedFacts: string[], scores: Float32Array): SimilarCaseView {
    const r = s.record;
    const ex = caseExcerpt(this.cases.index, r, query, 400, scores);
    return {
      documentId: r.documentId,
      label: judgmentLabel(r),
      number: r.number ?? null,
      court: r.court ?? null,
      date: r.date ?? null,
      caseName: r.caseName ?? null,
      outcome: r.outcome === 'unknown' ? null : r.outcome,
      similarity: round(s.score),
      sharedFacts,
      excerpt: ex?.text ?? null,
      excerptStart: ex?.start ?? null,
      excerptEnd: ex?.end ?? null,
    };
  }

  private view(doc: ParsedDocument, article: string, kind: ProvisionView['kind'], reasons: Reason[], extra: Partial<ProvisionView> = {}): ProvisionView | undefined {
    const art: Article | undefined = doc.articles.find((a) => a.number.toLowerCase() === article.toLowerCase());
    if (!art) return undefined;
    return { documentId: doc.meta.id, article: art.number.toLowerCase(), label: articleLabel(doc.meta, art.number), articleTitle: art.title, text: articleText(doc, art), kind, reasons, ...extra };
  }

  private offenseView(doc: ParsedDocument, o: ChargedOffense): ProvisionView {
    const c = o.match.clause;
    const reasons: Reason[] = [];
    if (o.namedAs) reasons.push({ finding: `mô tả nêu tội “${o.namedAs}”`, rule: o.offense.title });
    if (o.phrases.length > 0) reasons.push({ finding: `hành vi: ${o.phrases.map((p) => `“${p}”`).join(', ')}`, rule: o.offense.title });
    reasons.push(...o.match.reasons);
    // The points the facts meet when there are any, else the clause.
    const met = c.points.filter((p) => o.match.points.includes(p.point!));
    const span = met.length > 0 ? { start: met[0]!.start, end: met.at(-1)!.end } : { start: c.stem.start, end: c.points.at(-1)?.end ?? c.stem.end };
    const v = this.view(doc, o.offense.article, 'offense', reasons, { ...(c.number ? { clause: c.number } : {}), points: o.match.points, span, score: round(o.score) });
    return { ...v!, label: `${CAPITAL(o.label)} ${doc.meta.title}` };
  }

  private generalView(doc: ParsedDocument, g: GeneralProvision): ProvisionView | undefined {
    const points = g.points.length > 0 ? `điểm ${g.points.join(', ')} ` : '';
    const clauseLabel = g.clause && (g.points.length > 0 || g.article === '51') ? `khoản ${g.clause} ` : '';
    const art = doc.articles.find((a) => a.number === g.article);
    const clause = art?.clauses.find((c) => c.number === g.clause);
    const met = clause?.points.filter((p) => g.points.includes(p.letter)) ?? [];
    const span = met.length > 0 ? { start: met[0]!.start, end: met.at(-1)!.end } : clause ? { start: clause.start, end: clause.end } : undefined;
    const v = this.view(doc, g.article, 'general', g.reasons, { ...(g.clause ? { clause: g.clause } : {}), points: g.points, ...(span ? { span } : {}) });
    return v ? { ...v, label: `${CAPITAL(`${points}${clauseLabel}Điều ${g.article}`)} ${doc.meta.title}` } : undefined;
  }
}

/** Why a civil provision is listed, in the judge's terms. */
function civilReasons(p: RecommendedProvision, neighbours: number): Reason[] {
  const out: Reason[] = [];
  const e = p.evidence;
  if (e.judgments.length > 0) out.push({ finding: `được áp dụng trong ${e.judgments.length}/${neighbours} bản án tương tự`, rule: e.judgments.map((j) => j.number ?? j.documentId).join(', ') });
  if (p.kind === 'substantive' && p.parts.title > 0) out.push({ finding: 'tên điều luật khớp với quan hệ tranh chấp được mô tả', rule: p.articleTitle });
  if (p.kind === 'substantive' && e.passages.length > 0) out.push({ finding: 'nội dung điều luật phù hợp với tình tiết', rule: e.passages[0]!.label, quote: e.passages[0]!.quote.slice(0, 200) });
  if (out.length === 0 || p.kind === 'procedural') out.push({ finding: `được áp dụng trong ${e.appliedIn.judgments}/${e.appliedIn.of} bản án của kho dữ liệu`, rule: p.kind === 'procedural' ? 'thủ tục chung của vụ án' : p.articleTitle });
  return out;
}

const advisors = new WeakMap<HybridRetriever, JudgeAdvisor>();

/**
 * The advisor of a serving state (one per retriever, so an index swap gets a new one), built on
 * first use with `weights`, by default the fitted ones (`src/cases/recommender-weights.json`), and
 * the curated thesaurus when the service has one.
 */
export function judgeAdvisorFor(cases: CaseIndex, retriever: HybridRetriever, weights?: JudgeWeights, thesaurus?: Thesaurus): JudgeAdvisor {
  let a = advisors.get(retriever);
  if (!a || a.cases !== cases) advisors.set(retriever, (a = new JudgeAdvisor(cases, retriever, weights ?? loadJudgeWeights(), thesaurus)));
  return a;
}
