/**
 * Qualitative circumstances that the BLHS writes into its offense clauses (`Có tổ chức`, `Tái phạm
 * nguy hiểm`, `Dùng hung khí nguy hiểm` …): how a clause's text names each one, and how a fact
 * description states it. Curated from the code's own wording and ordinary indictment phrasing;
 * one entry a circumstance. `point` is matched against the legal text, `fact` against the facts.
 */
import type { FactFigures } from './fact-figures.js';
import { normalizeToneMarks } from '../../text/tone-marks.js';
import { cue, type Cue, type CueHit, type FactText } from './fact-text.js';

export type CircumstanceId =
  | 'organized'
  | 'professional'
  | 'dangerousRecidivism'
  | 'adminSanctioned'
  | 'priorConviction'
  | 'livelihood'
  | 'weapon'
  | 'dangerousMeans'
  | 'escapeViolence'
  | 'hooligan'
  | 'repeated'
  | 'under16'
  | 'under13'
  | 'pregnantVictim'
  | 'elderlyVictim'
  | 'defenseless'
  | 'noLicense'
  | 'alcohol'
  | 'fled'
  | 'border'
  | 'network'
  | 'abuseOfOffice'
  | 'officialVictim'
  | 'fireExplosive'
  | 'face'
  | 'otherCrime'
  | 'disease';

/** What the facts say that makes a circumstance hold. */
export interface CircumstanceEvidence {
  id: CircumstanceId;
  /** The circumstance in the code's words. */
  label: string;
  /** The words of the description. */
  quote: string;
  start: number;
  end: number;
}

interface CircumstanceRule {
  id: CircumstanceId;
  label: string;
  /** How a clause or point of the code names it. */
  point: RegExp;
  /** How a description states it; absent when {@link special} decides. */
  fact?: Cue;
}

const legal = (source: string) => new RegExp(normalizeToneMarks(source), 'iu');

export const CIRCUMSTANCES: readonly CircumstanceRule[] = [
  { id: 'organized', label: 'có tổ chức', point: legal(String.raw`^(?:phạm tội )?có tổ chức`), fact: cue(String.raw`có\s+tổ\s+chức|phân\s+công\s+(?:cụ\s+thể|nhiệm\s+vụ|vai\s+trò)|câu\s+kết\s+chặt\s+chẽ`) },
  { id: 'professional', label: 'có tính chất chuyên nghiệp', point: legal(String.raw`tính chất chuyên nghiệp`), fact: cue(String.raw`chuyên\s+nghiệp|lấy\s+(?:việc\s+)?\p{L}+(?:\s+\p{L}+)?\s+làm\s+nguồn\s+sống`) },
  { id: 'dangerousRecidivism', label: 'tái phạm nguy hiểm', point: legal(String.raw`tái phạm nguy hiểm`) },
  { id: 'adminSanctioned', label: 'đã bị xử phạt vi phạm hành chính về hành vi này mà còn vi phạm', point: legal(String.raw`đã bị xử phạt vi phạm hành chính`), fact: cue(String.raw`(?:đã\s+)?bị\s+[^.;]{0,50}?xử\s+phạt\s+vi\s+phạm\s+hành\s+chính`) },
  { id: 'priorConviction', label: 'đã bị kết án, chưa được xoá án tích mà còn vi phạm', point: legal(String.raw`đã bị kết án về`) },
  { id: 'livelihood', label: 'tài sản là phương tiện kiếm sống chính của người bị hại', point: legal(String.raw`phương tiện kiếm sống chính`), fact: cue(String.raw`phương\s+tiện\s+kiếm\s+sống|kiếm\s+sống\s+chính`) },
  {
    id: 'weapon',
    label: 'dùng vũ khí, hung khí nguy hiểm',
    point: legal(String.raw`hung khí nguy hiểm|sử dụng vũ khí|dùng vũ khí`),
    fact: cue(String.raw`(?<!\p{L})(?:dao(?!\s+động)|mã\s+tấu|kiếm(?!\s+(?:sống|tiền|lời))|tuýp\s+sắt|gậy\s+(?:sắt|gỗ|tre)|gậy|côn\s+sắt|viên\s+gạch|gạch\s+đá|xà\s+beng|búa|súng|bình\s+(?:xịt\s+)?hơi\s+cay|hung\s+khí|vũ\s+khí)(?!\p{L})`),
  },
  { id: 'dangerousMeans', label: 'dùng thủ đoạn nguy hiểm', point: legal(String.raw`thủ đoạn (?:xảo quyệt, )?nguy hiểm|phương tiện hoặc thủ đoạn nguy hiểm`), fact: cue(String.raw`thủ\s+đoạn\s+nguy\s+hiểm|áp\s+sát|xịt\s+(?:bình\s+)?hơi\s+cay|ngã\s+xuống\s+đường|mất\s+lái\s+ngã`) },
  { id: 'escapeViolence', label: 'hành hung để tẩu thoát', point: legal(String.raw`hành hung để tẩu thoát`), fact: cue(String.raw`(?:đấm|đánh|hành\s+hung|đạp|xô|chém)[^.;]{0,60}(?:để\s+)?tẩu\s+thoát|hành\s+hung\s+để\s+tẩu\s+thoát`) },
  { id: 'hooligan', label: 'có tính chất côn đồ', point: legal(String.raw`côn đồ`), fact: cue(String.raw`côn\s+đồ|vô\s+cớ`) },
  {
    id: 'repeated',
    label: 'phạm tội 02 lần trở lên',
    point: legal(String.raw`phạm tội 02 lần trở lên`),
    fact: cue(String.raw`(?:đã|thực\s+hiện|tổng\s+cộng)\s+(?:0?[2-9]|\d{2}|hai|ba|bốn|năm|nhiều)\s+(?:lần|vụ)|(?:0?[2-9]|\d{2}|hai|ba|bốn|năm|nhiều)\s+lần\s+(?:đột\s+nhập|bán|giao\s+cấu|trộm|lấy|lén|lừa|chiếm\s+đoạt|mua|cướp|đến|thực\s+hiện|nhận|rút|lập)`),
  },
  { id: 'under16', label: 'đối với người dưới 16 tuổi', point: legal(String.raw`(?:đối với|giết|với) người dưới 16 tuổi|bán ma tuý cho người dưới 16 tuổi`) },
  { id: 'under13', label: 'đối với người dưới 13 tuổi', point: legal(String.raw`với người dưới 13 tuổi|đối với người dưới 13 tuổi`) },
  { id: 'pregnantVictim', label: 'đối với phụ nữ mà biết là có thai', point: legal(String.raw`phụ nữ (?:mà )?biết là có thai`), fact: cue(String.raw`(?:chị|bà|vợ|nạn\s+nhân|bị\s+hại)[^.;]{0,40}(?:đang\s+)?(?:mang\s+thai|có\s+thai)`) },
  { id: 'elderlyVictim', label: 'đối với người già yếu', point: legal(String.raw`người già yếu`), fact: cue(String.raw`già\s+yếu|(?<!\p{L})cụ\s+\p{Lu}[^.;]{0,30}\((?:[7-9]\d|1\d\d)\s+tuổi`) },
  { id: 'defenseless', label: 'đối với người không có khả năng tự vệ', point: legal(String.raw`không có khả năng tự vệ|không thể tự vệ`), fact: cue(String.raw`không\s+có\s+khả\s+năng\s+tự\s+vệ|không\s+thể\s+tự\s+vệ|bất\s+tỉnh`) },
  { id: 'noLicense', label: 'không có giấy phép lái xe theo quy định', point: legal(String.raw`không có giấy phép lái xe`), fact: cue(String.raw`(?:không|chưa)\s+có\s+(?:giấy\s+phép\s+lái\s+xe|bằng\s+lái)`) },
  { id: 'alcohol', label: 'có sử dụng rượu, bia mà nồng độ cồn vượt quá mức quy định', point: legal(String.raw`nồng độ cồn`) },
  { id: 'fled', label: 'gây tai nạn rồi bỏ chạy để trốn tránh trách nhiệm hoặc không cứu giúp người bị nạn', point: legal(String.raw`bỏ chạy để trốn tránh|không cứu giúp người bị nạn`), fact: cue(String.raw`bỏ\s+chạy\s+khỏi\s+hiện\s+trường|không\s+dừng\s+lại\s+cứu\s+giúp|trốn\s+tránh\s+trách\s+nhiệm|bỏ\s+trốn\s+khỏi\s+hiện\s+trường`) },
  { id: 'border', label: 'qua biên giới', point: legal(String.raw`qua biên giới`), fact: cue(String.raw`qua\s+biên\s+giới|biên\s+phòng`) },
  { id: 'network', label: 'sử dụng mạng internet, mạng viễn thông, phương tiện điện tử để phạm tội', point: legal(String.raw`mạng internet|mạng máy tính hoặc mạng viễn thông|mạng viễn thông, phương tiện điện tử để phạm tội`), fact: cue(String.raw`zalo|facebook|mạng\s+xã\s+hội|internet|qua\s+mạng|trực\s+tuyến|ứng\s+dụng`) },
  { id: 'abuseOfOffice', label: 'lợi dụng chức vụ, quyền hạn', point: legal(String.raw`lợi dụng chức vụ, quyền hạn`), fact: cue(String.raw`lợi\s+dụng\s+(?:chức\s+vụ|quyền\s+hạn|nhiệm\s+vụ\s+được\s+giao)`) },
  { id: 'officialVictim', label: 'đối với người đang thi hành công vụ', point: legal(String.raw`người đang thi hành công vụ|vì lý do công vụ`), fact: cue(String.raw`đang\s+(?:thi\s+hành\s+công\s+vụ|làm\s+nhiệm\s+vụ)`) },
  { id: 'fireExplosive', label: 'dùng chất nguy hiểm về cháy, nổ', point: legal(String.raw`chất nguy hiểm về cháy, nổ`), fact: cue(String.raw`xăng|châm\s+lửa|phóng\s+hoả|chất\s+nổ|thuốc\s+nổ|bom\s+xăng|kíp\s+nổ`) },
  { id: 'face', label: 'gây thương tích vào vùng mặt', point: legal(String.raw`vùng mặt`), fact: cue(String.raw`vùng\s+mặt|vào\s+mặt`) },
  { id: 'otherCrime', label: 'để thực hiện hoặc che giấu tội phạm khác', point: legal(String.raw`để thực hiện hoặc che giấu tội phạm khác`), fact: cue(String.raw`(?:để|nhằm)\s+(?:cướp|lấy\s+tài\s+sản|chiếm\s+đoạt|che\s+giấu)|đến\s+chết\s*,?\s+(?:rồi\s+)?lấy`) },
  { id: 'disease', label: 'gây bệnh nguy hiểm cho người khác', point: legal(String.raw`gây bệnh nguy hiểm`), fact: cue(String.raw`bệnh\s+nguy\s+hiểm|nhiễm\s+HIV|lây\s+nhiễm`) },
];

export const CIRCUMSTANCE_BY_ID: ReadonlyMap<CircumstanceId, CircumstanceRule> = new Map(CIRCUMSTANCES.map((c) => [c.id, c]));

/** The circumstances a clause or point of the code names. */
export function circumstancesIn(legalText: string): CircumstanceId[] {
  // `Sử dụng người dưới 16 tuổi vào việc phạm tội` is about the accomplice, not the victim.
  const text = legalText.replace(/sử dụng người dưới \d+ tuổi vào việc phạm tội/giu, '');
  return CIRCUMSTANCES.filter((c) => c.point.test(text)).map((c) => c.id);
}

const PRIOR = cue(String.raw`(0?\d|một|hai|ba)\s+tiền\s+án|bị\s+(?:kết\s+án|xử\s+phạt\s+\d+\s+(?:tháng|năm)\s+tù)\s+về\s+tội|tái\s+phạm`);
const PRIOR_OFFENSE = cue(String.raw`(?:tiền\s+án|kết\s+án|tù)\s+về\s+tội\s+([\p{L} ,]+?)(?=\s*[(,.;:]|\s+chưa|\s+năm|$)`);
const NOT_EXPUNGED = cue(String.raw`chưa\s+được\s+xoá\s+án\s+tích`);
const DANGEROUS_RECIDIVISM = cue(String.raw`tái\s+phạm\s+nguy\s+hiểm|(?<!\p{L})(?:0?[2-9]|hai|ba)\s+tiền\s+án`);

/** Prior convictions the description states, with the offenses named (`tiền án về tội Trộm cắp tài sản`). */
export interface PriorRecord {
  hit: CueHit;
  offenses: string[];
  dangerous: boolean;
}

/** A prior conviction not yet expunged, if the facts state one. */
export function priorRecord(t: FactText): PriorRecord | undefined {
  const hit = t.first(PRIOR);
  if (!hit || /chưa có|chua co|không có|khong co/iu.test(t.text.slice(Math.max(0, hit.start - 8), hit.start))) return undefined;
  if (!t.has(NOT_EXPUNGED) && !/tái phạm|tai pham/iu.test(hit.text) && !/tiền án|tien an/iu.test(hit.text)) return undefined;
  return { hit, offenses: t.all(PRIOR_OFFENSE).map((h) => h.groups[0]!.trim()), dangerous: t.has(DANGEROUS_RECIDIVISM) };
}

/** Evidence for a circumstance in the facts, or undefined. `priorConviction` is decided by the clause matcher, which knows the offense. */
export function findCircumstance(id: CircumstanceId, t: FactText, f: FactFigures): CircumstanceEvidence | undefined {
  const rule = CIRCUMSTANCE_BY_ID.get(id)!;
  const ev = (quote: string, start: number, end: number): CircumstanceEvidence => ({ id, label: rule.label, quote, start, end });
  switch (id) {
    case 'dangerousRecidivism': {
      const p = priorRecord(t);
      return p?.dangerous ? ev(t.around(p.hit.start, p.hit.end), p.hit.start, p.hit.end) : undefined;
    }
    case 'under16':
    case 'under13': {
      const limit = id === 'under16' ? 16 : 13;
      const v = f.victimAges.find((a) => a.years < limit);
      return v ? ev(v.text, v.start, v.end) : undefined;
    }
    case 'elderlyVictim': {
      const v = f.victimAges.find((a) => a.years >= 70);
      if (v) return ev(v.text, v.start, v.end);
      break;
    }
    case 'alcohol':
      return f.alcohol ? ev(f.alcohol.text, f.alcohol.start, f.alcohol.end) : undefined;
    case 'priorConviction':
      return undefined;
    default:
      break;
  }
  const hit = rule.fact ? t.first(rule.fact) : undefined;
  return hit ? ev(t.around(hit.start, hit.end), hit.start, hit.end) : undefined;
}
