/**
 * The articles of the BLHS general part (Phần thứ nhất) a court applies with the offense, each with
 * the reason found in the facts: mitigating circumstances (Điều 51) and aggravating ones (Điều 52)
 * not already used to frame the charge, the penalty the prosecution proposes (Điều 35, 36, 38, 39,
 * 40, 65), accomplices (Điều 17, 58), several offenses (Điều 55), minors (Điều 12, 90, 91, 100,
 * 101), and the judicial measures (Điều 47 confiscation, Điều 48 restitution and damages).
 */
import { CIRCUMSTANCE_BY_ID, findCircumstance, type CircumstanceId } from './circumstances.js';
import type { ClauseMatch, Reason } from './clause-match.js';
import type { CriminalFacts } from './criminal-facts.js';
import { cue, FactText, type Cue } from './fact-text.js';

export type GeneralKind = 'mitigating' | 'aggravating' | 'penalty' | 'accomplice' | 'multiple' | 'minor' | 'measure';

/** A general-part article to apply, with the clause and points when they matter. */
export interface GeneralProvision {
  article: string;
  clause?: string;
  points: string[];
  kind: GeneralKind;
  reasons: Reason[];
}

interface PointCue {
  clause: string;
  point?: string;
  label: string;
  fact: Cue;
}

/** Điều 51: the mitigating circumstances a description can state. Điểm i and o are decided in code. */
const MITIGATING: PointCue[] = [
  { clause: '1', point: 'b', label: 'tự nguyện sửa chữa, bồi thường thiệt hại hoặc khắc phục hậu quả', fact: cue(String.raw`(?:đã|tự\s+nguyện)\s+(?:tự\s+nguyện\s+)?(?:bồi\s+thường|khắc\s+phục|nộp\s+lại|nộp\s+đủ|nộp\s+\d|trả\s+lại|chuộc\s+lại|xin\s+lỗi\s+và\s+bồi\s+thường)`) },
  { clause: '1', point: 'n', label: 'người phạm tội là phụ nữ có thai', fact: cue(String.raw`bị\s+cáo\s+(?:đang\s+)?(?:mang\s+thai|có\s+thai)`) },
  { clause: '1', point: 'r', label: 'người phạm tội tự thú', fact: cue(String.raw`tự\s+thú`) },
  { clause: '1', point: 's', label: 'thành khẩn khai báo, ăn năn hối cải', fact: cue(String.raw`thành\s+khẩn|ăn\s+năn|hối\s+cải|khai\s+nhận|thừa\s+nhận\s+(?:toàn\s+bộ\s+)?hành\s+vi`) },
  { clause: '1', point: 't', label: 'tích cực giúp đỡ cơ quan có trách nhiệm phát hiện, điều tra tội phạm', fact: cue(String.raw`tích\s+cực\s+giúp\s+đỡ`) },
  { clause: '1', point: 'x', label: 'là thân nhân liệt sĩ, người có công với cách mạng', fact: cue(String.raw`liệt\s+sĩ|có\s+công\s+với\s+cách\s+mạng`) },
  { clause: '2', label: 'đầu thú, người bị hại xin giảm nhẹ hoặc tình tiết khác (khoản 2)', fact: cue(String.raw`đầu\s+thú|xin\s+giảm\s+nhẹ|bãi\s+nại|hoàn\s+cảnh\s+(?:gia\s+đình\s+)?(?:đặc\s+biệt\s+)?khó\s+khăn`) },
];

const FIRST_OFFENSE = cue(String.raw`lần\s+đầu|chưa\s+có\s+tiền\s+án`);

/** Điều 52 points and the circumstance each is; skipped when it frames the charge already. */
const AGGRAVATING: { point: string; id: CircumstanceId | 'recidivism' | 'victim' }[] = [
  { point: 'a', id: 'organized' },
  { point: 'b', id: 'professional' },
  { point: 'c', id: 'abuseOfOffice' },
  { point: 'd', id: 'hooligan' },
  { point: 'g', id: 'repeated' },
  { point: 'h', id: 'recidivism' },
  { point: 'i', id: 'victim' },
];

// The penalty the prosecution asks for (`Viện kiểm sát đề nghị xử phạt … tháng tù … án treo`).
const PROPOSAL = cue(String.raw`đề\s+nghị[^.]*`);
const SUSPENDED = cue(String.raw`án\s+treo`);
const LIFE = cue(String.raw`tù\s+chung\s+thân`);
const DEATH = cue(String.raw`tử\s+hình`);
const NON_CUSTODIAL = cue(String.raw`cải\s+tạo\s+không\s+giam\s+giữ`);
const FINE = cue(String.raw`(?:hình\s+)?phạt\s+(?:bằng\s+hình\s+phạt\s+)?tiền|hình\s+phạt\s+tiền`);
const PRISON = cue(String.raw`\d+\s+(?:tháng|năm)(?:\s+\d+\s+tháng)?\s+tù|(?:năm|tháng)\s+tù`);

const ACCOMPLICES = cue(String.raw`bàn\s+bạc|rủ\s+nhau|cùng\s+nhau|đồng\s+bọn|phân\s+công|cầm\s+đầu|(?:các|hai|ba|mỗi)\s+bị\s+cáo\s+(?:cùng|đã\s+cùng)|(?:chở|cùng)\s+\p{Lu}\p{L}*\s+\p{Lu}\p{L}*\s+\p{Lu}|\p{Lu}\p{L}*\s+(?:và|cùng)\s+(?:\p{Lu}\p{L}*\s+){1,3}(?:bàn|chặn|cùng|rủ|mang|đi\s+xe)|cùng\s+(?:em|anh|chị|bạn|\d+\s+người)`);
const SEVERAL_OFFENSES = cue(String.raw`tổng\s+hợp\s+hình\s+phạt|về\s+tội\s+[^.;]{3,80}?\s+và\s+tội\s+\p{Lu}`);
const SEIZED = cue(String.raw`thu\s+giữ|vật\s+chứng|tang\s+vật|tịch\s+thu`);
const CLAIM = cue(String.raw`(?<!không\s)yêu\s+cầu\s+(?:bị\s+cáo\s+|các\s+bị\s+cáo\s+)?(?:\p{L}+\s+){0,3}?(?:bồi\s+thường|trả\s+lại|hoàn\s+trả|liên\s+đới|trả\s+số|tiếp\s+tục\s+bồi\s+thường)|buộc\s+bị\s+cáo\s+(?:bồi\s+thường|trả)`);

const DRUG_CHAPTER = /ma tuý/iu;

function quoteOf(t: FactText, c: Cue): { quote: string; start: number } | undefined {
  const h = t.first(c);
  return h ? { quote: t.around(h.start, h.end), start: h.start } : undefined;
}

/** Which penalty articles the proposal (or, without one, the charged clause) points to. */
function penalty(t: FactText, minor: boolean, charged: readonly ClauseMatch[]): GeneralProvision[] {
  const p = t.first(PROPOSAL);
  const within = p ? new FactText('', { text: p.text, folded: t.folded }) : undefined;
  const says = (c: Cue) => within?.has(c) ?? false;
  const reason = (finding: string): Reason[] => [{ finding, rule: 'hình phạt Viện kiểm sát đề nghị', ...(p ? { quote: p.text.slice(0, 200) } : {}) }];
  const out: GeneralProvision[] = [];
  if (says(DEATH)) out.push({ article: '40', points: [], kind: 'penalty', reasons: reason('đề nghị tử hình') });
  else if (says(LIFE)) out.push({ article: '39', points: [], kind: 'penalty', reasons: reason('đề nghị tù chung thân') });
  else if (says(SUSPENDED)) {
    if (minor) out.push({ article: '101', points: [], kind: 'minor', reasons: reason('phạt tù đối với người dưới 18 tuổi') });
    out.push({ article: '65', points: [], kind: 'penalty', reasons: reason('đề nghị phạt tù cho hưởng án treo') });
  } else if (says(NON_CUSTODIAL)) out.push({ article: minor ? '100' : '36', points: [], kind: minor ? 'minor' : 'penalty', reasons: reason('đề nghị cải tạo không giam giữ') });
  else if (says(FINE) && !says(PRISON)) out.push({ article: '35', points: [], kind: 'penalty', reasons: reason('đề nghị phạt tiền là hình phạt chính') });
  else if (says(PRISON) || charged.some((m) => m.clause.maxYears >= 1)) {
    out.push({ article: minor ? '101' : '38', points: [], kind: minor ? 'minor' : 'penalty', reasons: p ? reason('đề nghị phạt tù có thời hạn') : [{ finding: 'khung hình phạt của tội là phạt tù', rule: 'tù có thời hạn' }] });
  }
  // Several defendants may get different penalties: a fine proposed beside prison.
  if (says(FINE) && says(PRISON) && !out.some((x) => x.article === '35') && /phạt\s+tiền|phat\s+tien/iu.test(p?.text ?? '')) out.push({ article: '35', points: [], kind: 'penalty', reasons: reason('đề nghị phạt tiền đối với bị cáo khác') });
  return out;
}

/** The general-part provisions for the charged offenses (best first); see the module comment. */
export function generalPart(facts: CriminalFacts, charged: readonly ClauseMatch[]): GeneralProvision[] {
  const t = facts.text;
  const f = facts.figures;
  const used = new Set(charged.flatMap((m) => m.used));
  const out: GeneralProvision[] = [];

  // Điều 51.
  const mitigating: { clause: string; point?: string; reason: Reason }[] = [];
  for (const m of MITIGATING) {
    const q = quoteOf(t, m.fact);
    if (q) mitigating.push({ clause: m.clause, ...(m.point ? { point: m.point } : {}), reason: { finding: m.label, rule: m.point ? `điểm ${m.point} khoản ${m.clause} Điều 51` : `khoản ${m.clause} Điều 51`, quote: q.quote } });
  }
  const lightest = charged.length > 0 && charged.every((m) => m.clause.maxYears <= 3);
  const first = quoteOf(t, FIRST_OFFENSE);
  if (lightest && first && !facts.prior) mitigating.push({ clause: '1', point: 'i', reason: { finding: 'phạm tội lần đầu và thuộc trường hợp ít nghiêm trọng (khung hình phạt cao nhất không quá 03 năm tù)', rule: 'điểm i khoản 1 Điều 51', quote: first.quote } });
  if (f.defendantAge && f.defendantAge.years >= 70) mitigating.push({ clause: '1', point: 'o', reason: { finding: `người phạm tội ${f.defendantAge.years} tuổi`, rule: 'điểm o khoản 1 Điều 51', quote: f.defendantAge.text } });
  const byClause = new Map<string, { points: string[]; reasons: Reason[] }>();
  for (const m of mitigating.sort((a, b) => a.clause.localeCompare(b.clause) || (a.point ?? '').localeCompare(b.point ?? '', 'vi'))) {
    const e = byClause.get(m.clause) ?? { points: [], reasons: [] };
    if (m.point) e.points.push(m.point);
    e.reasons.push(m.reason);
    byClause.set(m.clause, e);
  }
  if (byClause.size > 0) {
    const one = byClause.get('1');
    out.push({ article: '51', ...(one ? { clause: '1' } : { clause: '2' }), points: one?.points ?? [], kind: 'mitigating', reasons: [...byClause.values()].flatMap((e) => e.reasons) });
  }

  const minor = f.defendantAge !== undefined && f.defendantAge.years < 18;
  out.push(...penalty(t, minor, charged));

  // Điều 52: what aggravates but does not frame the charge.
  const aggravating: { point: string; reason: Reason }[] = [];
  for (const a of AGGRAVATING) {
    if (a.id === 'recidivism') {
      if (facts.prior && !used.has('priorConviction') && !used.has('dangerousRecidivism')) aggravating.push({ point: 'h', reason: { finding: facts.prior.dangerous ? 'tái phạm nguy hiểm' : 'tái phạm: đã bị kết án, chưa được xoá án tích', rule: 'điểm h khoản 1 Điều 52', quote: t.around(facts.prior.hit.start, facts.prior.hit.end) } });
      continue;
    }
    if (a.id === 'victim') {
      const ids: CircumstanceId[] = ['under16', 'pregnantVictim'];
      const hit = ids.filter((id) => !used.has(id)).map((id) => findCircumstance(id, t, f)).find((e) => e !== undefined);
      const old = f.victimAges.find((v) => v.years >= 70);
      if (hit && !used.has('under16') && !used.has('pregnantVictim')) aggravating.push({ point: 'i', reason: { finding: hit.label, rule: 'điểm i khoản 1 Điều 52', quote: hit.quote } });
      else if (old && !used.has('elderlyVictim')) aggravating.push({ point: 'i', reason: { finding: `người bị hại ${old.years} tuổi`, rule: 'điểm i khoản 1 Điều 52', quote: old.text } });
      continue;
    }
    if (used.has(a.id)) continue;
    const ev = findCircumstance(a.id, t, f);
    if (ev) aggravating.push({ point: a.point, reason: { finding: CIRCUMSTANCE_BY_ID.get(a.id)!.label, rule: `điểm ${a.point} khoản 1 Điều 52`, quote: ev.quote } });
  }
  if (aggravating.length > 0) out.push({ article: '52', clause: '1', points: aggravating.map((a) => a.point), kind: 'aggravating', reasons: aggravating.map((a) => a.reason) });

  const accomplices = quoteOf(t, ACCOMPLICES);
  if (accomplices) {
    const r: Reason[] = [{ finding: 'nhiều người cùng thực hiện tội phạm (đồng phạm)', rule: 'Điều 17, Điều 58', quote: accomplices.quote }];
    out.push({ article: '17', points: [], kind: 'accomplice', reasons: r }, { article: '58', points: [], kind: 'accomplice', reasons: r });
  }
  const several = quoteOf(t, SEVERAL_OFFENSES);
  if (charged.length >= 2 && several) out.push({ article: '55', points: [], kind: 'multiple', reasons: [{ finding: 'một người phạm nhiều tội: tổng hợp hình phạt', rule: 'Điều 55', quote: several.quote }] });

  if (minor) {
    const age = f.defendantAge!;
    const r: Reason[] = [{ finding: `người phạm tội ${age.years} tuổi khi phạm tội`, rule: 'Chương XII: người dưới 18 tuổi phạm tội', quote: age.text }];
    if (age.years < 16) out.push({ article: '12', points: [], kind: 'minor', reasons: [{ ...r[0]!, rule: 'tuổi chịu trách nhiệm hình sự' }] });
    out.push({ article: '90', points: [], kind: 'minor', reasons: r }, { article: '91', points: [], kind: 'minor', reasons: r });
  }

  const seized = quoteOf(t, SEIZED);
  const drugs = charged.some((m) => DRUG_CHAPTER.test(m.offense.chapterTitle));
  if (seized || drugs) out.push({ article: '47', points: [], kind: 'measure', reasons: [{ finding: seized ? 'vật chứng bị thu giữ cần xử lý' : 'chất ma tuý là vật cấm lưu hành', rule: 'tịch thu vật, tiền trực tiếp liên quan đến tội phạm', ...(seized ? { quote: seized.quote } : {}) }] });
  const claim = quoteOf(t, CLAIM);
  if (claim) out.push({ article: '48', points: [], kind: 'measure', reasons: [{ finding: 'người bị hại yêu cầu trả lại tài sản, bồi thường thiệt hại', rule: 'trả lại tài sản, sửa chữa hoặc bồi thường thiệt hại', quote: claim.quote }] });

  // One entry per article, in the order added.
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.article) && seen.add(p.article));
}
