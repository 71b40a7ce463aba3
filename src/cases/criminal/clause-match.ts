/**
 * Decides which clause (and points) of an offense article a fact description falls under: each
 * stem and point is checked against the facts' figures and circumstances, and the applicable clause
 * with the heaviest penalty bracket wins, as a court frames the charge. Every decision carries the
 * finding, the code's words it satisfies, and the words of the description that state it.
 */
import { CIRCUMSTANCE_BY_ID, findCircumstance, type CircumstanceEvidence, type CircumstanceId } from './circumstances.js';
import type { Condition, Requirement } from './clause-conditions.js';
import type { CriminalCode, Offense, OffenseClause, OffenseUnit } from './criminal-code.js';
import type { CriminalFacts } from './criminal-facts.js';
import { drugTotals, mainAmount } from './fact-figures.js';

/** Why something applies: what the facts show, and the rule it meets. */
export interface Reason {
  finding: string;
  rule: string;
  quote?: string;
}

export interface ClauseMatch {
  offense: Offense;
  clause: OffenseClause;
  /** Points of the clause that the facts meet (`a`, `c`). */
  points: string[];
  reasons: Reason[];
  /** Circumstances that frame the charge: they cannot count again as aggravating (Điều 52 khoản 2). */
  used: CircumstanceId[];
  /** No clause could be decided from the facts: the basic clause is assumed. */
  assumed: boolean;
  /** Kinds of condition the facts met for this offense, over all its clauses (`drug`, `injury`, `circumstance` …). */
  basis: string[];
}

const vnd = (n: number) => `${Math.round(n).toLocaleString('de-DE')} đồng`;
const num = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

function range(min: number, max: number | undefined, unit: (n: number) => string, inclusive = false): string {
  if (max === undefined) return `${unit(min)} trở lên`;
  return `từ ${unit(min)} đến ${inclusive ? '' : 'dưới '}${unit(max)}`;
}

interface Eval {
  ok: boolean;
  reasons: Reason[];
  used: CircumstanceId[];
  /** Kinds of condition met (`money`, `drug`, `injury` …, `circumstance`). */
  basis: string[];
}

// Circumstances found in a description, each looked up once however many offenses ask.
const found = new WeakMap<CriminalFacts, Map<CircumstanceId, CircumstanceEvidence | null>>();

const VICTIM_AGE = new Set<CircumstanceId>(['under16', 'under13']);

const FAIL: Eval = { ok: false, reasons: [], used: [], basis: [] };

class Matcher {
  constructor(
    private readonly code: CriminalCode,
    private readonly offense: Offense,
    private readonly facts: CriminalFacts,
  ) {}

  condition(c: Condition, clause: OffenseClause, rule: string): Eval {
    const f = this.facts.figures;
    switch (c.kind) {
      case 'money': {
        const m = mainAmount(f, c.role);
        if (!m || m.amount < c.min || (c.max !== undefined && m.amount >= c.max)) return FAIL;
        const what = c.role === 'profit' ? 'thu lợi bất chính' : m.role === 'damage' ? 'thiệt hại' : 'giá trị tài sản';
        return { ok: true, reasons: [{ finding: `${what} ${vnd(m.amount)}`, rule: range(c.min, c.max, vnd), quote: this.facts.text.around(m.start, m.end, 120) }], used: [], basis: ['money'] };
      }
      case 'drug': {
        const d = drugTotals(f).find((x) => c.classes.includes(x.class) && x.unit === c.unit && x.quantity >= c.min && (c.max === undefined || x.quantity < c.max));
        if (!d) return FAIL;
        const unit = (n: number) => `${num(n)} ${c.unit === 'ml' ? 'mililít' : 'gam'}`;
        return { ok: true, reasons: [{ finding: `${d.drug} ${unit(d.quantity)}`, rule: `${rule.split(' có ')[0]}: ${range(c.min, c.max, unit)}`, quote: d.text }], used: [], basis: ['drug'] };
      }
      case 'drugMix':
        return this.drugMix(clause, rule);
      case 'injury': {
        const inRange = f.injuries.filter((i) => i.percent >= c.min && (c.max === undefined || i.percent <= c.max));
        const ok = c.total
          ? f.injuries.length >= c.persons && sumOf(f.injuries) >= c.min && (c.max === undefined || sumOf(f.injuries) <= c.max)
          : inRange.length >= c.persons;
        if (!ok) return FAIL;
        const shown = c.total ? f.injuries : inRange;
        return { ok: true, reasons: [{ finding: `tỷ lệ tổn thương cơ thể ${shown.map((i) => `${num(i.percent)}%`).join(', ')}`, rule: `${c.total ? 'tổng tỷ lệ ' : ''}${range(c.min, c.max, (n) => `${n}%`, true)}`, quote: shown[0]!.text }], used: [], basis: ['injury'] };
      }
      case 'deaths':
        return f.deaths && f.deaths.count >= c.min ? { ok: true, reasons: [{ finding: `làm chết ${f.deaths.count} người`, rule, quote: f.deaths.text }], used: [], basis: ['deaths'] } : FAIL;
      case 'persons':
        return f.persons && f.persons.count >= c.min ? { ok: true, reasons: [{ finding: `${f.persons.count} người`, rule, quote: f.persons.text }], used: [], basis: ['persons'] } : FAIL;
      case 'victimAge': {
        const v = f.victimAges.find((a) => a.years >= c.from && a.years < c.below);
        return v ? { ok: true, reasons: [{ finding: `người bị hại ${v.years} tuổi`, rule: `người từ đủ ${c.from} tuổi đến dưới ${c.below} tuổi`, quote: v.text }], used: [], basis: ['victimAge'] } : FAIL;
      }
      case 'refers': {
        const target = this.offense.clauses.find((x) => x.number === c.clause);
        for (const p of target?.points ?? []) {
          if (!c.points.includes(p.point!)) continue;
          const e = this.unit(p, target!);
          if (e.ok) return e;
        }
        return FAIL;
      }
    }
  }

  /** `Có 02 chất ma tuý trở lên mà tổng số lượng … tương đương`: the shares of each drug's threshold add up to one. */
  private drugMix(clause: OffenseClause, rule: string): Eval {
    const drugs = drugTotals(this.facts.figures);
    if (drugs.length < 2) return FAIL;
    let share = 0;
    for (const d of drugs) {
      const threshold = clause.points.flatMap((p) => p.requirements.flatMap((r) => r.all)).find((c) => c.kind === 'drug' && c.classes.includes(d.class) && c.unit === d.unit);
      if (!threshold || threshold.kind !== 'drug') return FAIL;
      if (d.quantity >= threshold.min) return FAIL; // one drug alone reaches a point of its own
      share += d.quantity / threshold.min;
    }
    if (share < 1) return FAIL;
    return { ok: true, reasons: [{ finding: `${drugs.map((d) => `${d.drug} ${num(d.quantity)} ${d.unit === 'ml' ? 'mililít' : 'gam'}`).join(' và ')}: cộng lại bằng ${Math.round(share * 100)}% mức khởi điểm`, rule: rule.slice(0, 160) }], used: [], basis: ['drug'] };
  }

  circumstance(id: CircumstanceId, unit: OffenseUnit): Eval {
    if (id === 'priorConviction') return this.priorConviction(unit);
    let memo = found.get(this.facts);
    if (!memo) found.set(this.facts, (memo = new Map()));
    if (!memo.has(id)) memo.set(id, findCircumstance(id, this.facts.text, this.facts.figures) ?? null);
    const ev = memo.get(id);
    return ev ? { ok: true, reasons: [{ finding: ev.label, rule: unit.text.replace(/[;.]$/, ''), quote: ev.quote }], used: [id], basis: [VICTIM_AGE.has(id) ? 'victimAge' : 'circumstance'] } : FAIL;
  }

  /** `Đã bị kết án về tội này hoặc về một trong các tội quy định tại các điều 168, 169 …`: the prior offense must be one of them. */
  private priorConviction(unit: OffenseUnit): Eval {
    const prior = this.facts.prior;
    if (!prior) return FAIL;
    const listed = new Set([...unit.text.matchAll(/\d+/g)].map((m) => m[0]));
    const priorArticles = prior.offenses.map((n) => this.code.offenseNamed(n)?.article).filter((a): a is string => a !== undefined);
    const ok = priorArticles.some((a) => a === this.offense.article || (/các điều|điều \d/iu.test(unit.text) && listed.has(a)));
    return ok ? { ok: true, reasons: [{ finding: 'đã bị kết án, chưa được xoá án tích', rule: unit.text.replace(/[;.]$/, ''), quote: this.facts.text.around(prior.hit.start, prior.hit.end) }], used: ['priorConviction'], basis: ['circumstance'] } : FAIL;
  }

  requirement(r: Requirement, unit: OffenseUnit, clause: OffenseClause): Eval {
    const reasons: Reason[] = [];
    const used: CircumstanceId[] = [];
    const basis: string[] = [];
    for (const c of r.all) {
      const e = this.condition(c, clause, unit.text);
      if (!e.ok) return FAIL;
      reasons.push(...e.reasons);
      used.push(...e.used);
      basis.push(...e.basis);
    }
    if (r.anyOf.length > 0) {
      const hit = r.anyOf.map((id) => this.circumstance(id, unit)).find((e) => e.ok);
      if (!hit) return FAIL;
      reasons.push(...hit.reasons);
      used.push(...hit.used);
      basis.push(...hit.basis);
    }
    return { ok: true, reasons, used, basis };
  }

  unit(u: OffenseUnit, clause: OffenseClause): Eval {
    for (const r of u.requirements) {
      const e = this.requirement(r, u, clause);
      if (e.ok) return e;
    }
    return FAIL;
  }
}

function sumOf(xs: { percent: number }[]): number {
  return xs.reduce((s, x) => s + x.percent, 0);
}

/** The clause of `offense` that the facts fall under; see the module comment. */
export function matchClause(code: CriminalCode, offense: Offense, facts: CriminalFacts): ClauseMatch {
  const m = new Matcher(code, offense, facts);
  let best: ClauseMatch | undefined;
  const basis = new Set<string>();
  const brackets = offense.clauses.filter((c) => c.role === 'bracket');
  for (const clause of brackets) {
    const stem = clause.stem.requirements.length > 0 ? m.unit(clause.stem, clause) : FAIL;
    const points = clause.points.map((p) => ({ p, e: m.unit(p, clause) })).filter((x) => x.e.ok);
    for (const b of [...stem.basis, ...points.flatMap((x) => x.e.basis)]) basis.add(b);
    if (!stem.ok && points.length === 0 && !clause.basic) continue;
    const reasons = [...stem.reasons, ...points.flatMap((x) => x.e.reasons.map((r) => ({ ...r, rule: `điểm ${x.p.point} khoản ${clause.number}: ${r.rule}` })))];
    const candidate: ClauseMatch = {
      offense,
      clause,
      points: points.map((x) => x.p.point!),
      reasons: reasons.length > 0 ? reasons : [{ finding: 'hành vi phạm tội cơ bản', rule: `khoản ${clause.number}` }],
      used: [...new Set([...stem.used, ...points.flatMap((x) => x.e.used)])],
      assumed: false,
      basis: [],
    };
    if (!best || clause.maxYears > best.clause.maxYears || (clause.maxYears === best.clause.maxYears && Number.parseInt(clause.number) > Number.parseInt(best.clause.number))) best = candidate;
  }
  if (best) return { ...best, basis: [...basis] };
  const first = brackets[0] ?? offense.clauses[0]!;
  return { offense, clause: first, points: [], reasons: [{ finding: 'mô tả chưa nêu tình tiết định khung (giá trị, khối lượng, tỷ lệ thương tích…)', rule: `mặc định khoản ${first.number}` }], used: [], assumed: true, basis: [...basis] };
}

/** `điểm a, c khoản 2 Điều 173`. */
export function clauseLabel(m: Pick<ClauseMatch, 'points' | 'clause' | 'offense'>): string {
  const points = m.points.length > 0 ? `điểm ${m.points.join(', ')} ` : '';
  return m.clause.number ? `${points}khoản ${m.clause.number} Điều ${m.offense.article}` : `${points}Điều ${m.offense.article}`;
}

export { CIRCUMSTANCE_BY_ID };
