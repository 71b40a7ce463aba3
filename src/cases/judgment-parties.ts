/** The parties of a judgment (listed under the header) or of a precedent (named inline). */

export type PartyRole =
  | 'nguyên đơn'
  | 'bị đơn'
  | 'người có quyền lợi, nghĩa vụ liên quan'
  | 'người khởi kiện'
  | 'người bị kiện'
  | 'người yêu cầu'
  | 'người kháng cáo'
  | 'người đại diện'
  | 'người bảo vệ quyền và lợi ích hợp pháp'
  | 'người làm chứng';

export interface Party {
  role: PartyRole;
  name: string;
}

const ROLE_PATTERNS: [RegExp, PartyRole][] = [
  [/^nguyên[^\S\n]+đơn/iu, 'nguyên đơn'],
  [/^bị[^\S\n]+đơn/iu, 'bị đơn'],
  [/^người[^\S\n]+(?:có[^\S\n]+quyền[^\S\n]+lợi(?:,|[^\S\n]+và)?[^\S\n]+nghĩa[^\S\n]+vụ[^\S\n]+(?:liên|L)[^\S\n]+quan|liên[^\S\n]+quan)/iu, 'người có quyền lợi, nghĩa vụ liên quan'],
  [/^người[^\S\n]+khởi[^\S\n]+kiện/iu, 'người khởi kiện'],
  [/^người[^\S\n]+bị[^\S\n]+kiện/iu, 'người bị kiện'],
  [/^người[^\S\n]+yêu[^\S\n]+cầu/iu, 'người yêu cầu'],
  [/^người[^\S\n]+kháng[^\S\n]+cáo/iu, 'người kháng cáo'],
  [/^người[^\S\n]+bảo[^\S\n]+vệ[^\S\n]+quyền[^\S\n]+và[^\S\n]+lợi[^\S\n]+ích/iu, 'người bảo vệ quyền và lợi ích hợp pháp'],
  [/^(?:người[^\S\n]+)?đại[^\S\n]+diện[^\S\n]+(?:hợp[^\S\n]+pháp|theo)/iu, 'người đại diện'],
  [/^người[^\S\n]+làm[^\S\n]+chứng/iu, 'người làm chứng'],
];

const HONORIFIC_RE = /^(?:ông|bà|anh|chị|cụ|em|cháu|cô|chú|bác)[^\S\n]+/iu;
const LIST_ITEM_RE = /^(?:\d{1,2}[.)/]|[-–+*•]|[a-zđ]\))[^\S\n]*/u;
const NOT_A_NAME_RE = /^(?:địa[^\S\n]+chỉ|cùng|trú|hktt|nơi|hộ[^\S\n]+khẩu|chỗ|có[^\S\n]+mặt|vắng|\(|ngày|theo|là|gồm|do|tại|trụ[^\S\n]+sở)/iu;

function namesFrom(segment: string): string[] {
  const s = segment.replace(LIST_ITEM_RE, '').trim();
  if (!s || NOT_A_NAME_RE.test(s)) return [];
  const cut = s.split(/[,;(]|[^\S\n][-–][^\S\n]|[-–][^\S\n]|[^\S\n]+(?:sinh[^\S\n]+năm|SN|năm[^\S\n]+sinh|địa[^\S\n]+chỉ|trú[^\S\n]+tại|là[^\S\n]+|có[^\S\n]+mặt|vắng[^\S\n]+mặt)(?!\p{L})/iu)[0]!;
  return cut
    .split(/[^\S\n]+và[^\S\n]+(?=(?:ông|bà|anh|chị|cụ|em|cháu)[^\S\n])/iu)
    .map((n) => n.replace(HONORIFIC_RE, '').replace(/[\s.:–-]+$/u, '').trim())
    .filter((n) => n.length > 0 && n.length <= 80 && /^\p{Lu}/u.test(n));
}

// Representatives and advocates act for a party listed before them; list items that follow them
// still belong to the party role above.
const AGENT_ROLES = new Set<PartyRole>(['người đại diện', 'người bảo vệ quyền và lợi ích hợp pháp']);

/** Parties listed between the header and the facts (`1. Nguyên đơn: Chị Lê Thị T – sinh năm 1987`). */
export function findParties(text: string, from: number, to: number): Party[] {
  const out: Party[] = [];
  let current: PartyRole | undefined;
  for (const raw of text.slice(from, to).split('\n')) {
    const line = raw.trim().replace(LIST_ITEM_RE, '');
    const role = ROLE_PATTERNS.find(([re]) => re.test(line));
    if (role) {
      const colon = line.indexOf(':');
      // `Người đại diện hợp pháp của bà H là ông X`: the name follows the last `là`.
      const isIdx = line.search(/[^\S\n]là[^\S\n](?!.*[^\S\n]là[^\S\n])/u);
      const rest = colon >= 0 ? line.slice(colon + 1) : isIdx >= 0 ? line.slice(isIdx + 4) : line.replace(role[0], '').replace(/^[^\S\n]*(?:là|gồm)[^\S\n]+/iu, '');
      for (const name of namesFrom(rest)) out.push({ role: role[1], name });
      if (!AGENT_ROLES.has(role[1])) current = role[1];
      continue;
    }
    if (!current) continue;
    // Follow-on list items under a role (`1. Bà Nguyễn Thị B, sinh năm 1971`); other lines are details.
    if (LIST_ITEM_RE.test(raw.trim()) || HONORIFIC_RE.test(line)) {
      for (const name of namesFrom(line)) if (HONORIFIC_RE.test(line) || /^(?:Công|Ngân|Uỷ|Ủy|UBND|Hợp)/u.test(line)) out.push({ role: current, name });
    }
  }
  const seen = new Set<string>();
  return out.filter((p) => {
    const k = `${p.role}|${p.name}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Precedents name the parties inline: `giữa nguyên đơn là bà Phạm Thị H với bị đơn là ông Vũ Văn H`. */
export function inlineParties(text: string): Party[] {
  const out: Party[] = [];
  const re = /(nguyên[^\S\n]+đơn|bị[^\S\n]+đơn|người[^\S\n]+khởi[^\S\n]+kiện|người[^\S\n]+bị[^\S\n]+kiện)[^\S\n]+(?:là[^\S\n]+)?((?:ông|bà|anh|chị|cụ)[^\S\n]+[^;,\n]+?|(?:Công|Ngân)[^;,\n]+?)(?=[^\S\n]+(?:với|và|;)|[;,.\n]|$)/giu;
  for (const m of text.matchAll(re)) {
    const role = ROLE_PATTERNS.find(([r]) => r.test(m[1]!))?.[1];
    const name = m[2]!.replace(HONORIFIC_RE, '').trim();
    if (role && name) out.push({ role, name });
  }
  return out;
}
