/** The court that gave a judgment, as its header and operative part name it. */
import { TOA } from './judgment-sections.js';

const UNIT_RE = /^(HUYỆN|QUẬN|THỊ[^\S\n]+XÃ|THÀNH[^\S\n]+PHỐ|TỈNH|TP\.?|TX\.?)(?=[^\S\n]|$)/iu;
// At a line start: the header and the operative part, not `tại trụ sở Toà án nhân dân …` in a sentence.
const COURT_LINE_RE = new RegExp(String.raw`(?:^|\n)[^\S\n]*${TOA}[^\S\n]+ÁN[^\S\n]+NHÂN[^\S\n]+DÂN(?!\p{L})[^\S\n]*([^\n]*)`, 'iu');

function titleCase(word: string): string {
  // Anonymised places (`K`, `CP`, `BC`) have no vowel: leave them as written.
  if (!/[aeiouy]/iu.test(word.normalize('NFD'))) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function formatCourt(rest: string): string | undefined {
  let place = rest.replace(/(?<!\p{L})(CỘNG[^\S\n]+HOÀ|CỘNG[^\S\n]+HÒA|Độc[^\S\n]+lập)(?!\p{L}).*$/iu, '').trim();
  const unit = UNIT_RE.exec(place);
  if (!unit) return undefined;
  let unitName = unit[1]!.toLowerCase().replace(/[^\S\n]+/g, ' ');
  if (unitName.startsWith('tp')) unitName = 'thành phố';
  if (unitName.startsWith('tx')) unitName = 'thị xã';
  place = place.slice(unit[0].length);
  // The court's own unit ends where its province starts (`…, TỈNH LÀO CAI`, `- TỈNH`, `TỈNH` after a district).
  place = place.split(/[,;]|[^\S\n][-–][^\S\n]?|[-–][^\S\n]|-(?=T[ỈI]NH)/u)[0]!;
  if (unitName !== 'tỉnh') place = place.split(/[^\S\n](?=(?:TỈNH|THÀNH[^\S\n]+PHỐ|TP\.)[^\S\n])/iu)[0]!;
  // A place name is capitalised words; a lower-case word is the sentence going on (`… xét xử`).
  const words = place.trim().replace(/[.:]+$/, '').split(/[^\S\n]+/).filter(Boolean);
  const firstLower = words.findIndex((w) => !/^\p{Lu}/u.test(w));
  const name = (firstLower === -1 ? words : words.slice(0, firstLower)).map(titleCase).join(' ');
  return name ? `Toà án nhân dân ${unitName} ${name}` : undefined;
}

/** The court as the operative part names it (`NHÂN DANH … TOÀ ÁN NHÂN DÂN X`), else the header's. */
export function findCourt(text: string, bodyStart: number): string | undefined {
  const body = text.slice(bodyStart);
  const nhanDanh = /NHÂN[^\S\n]+DANH/u.exec(body);
  const candidates: number[] = [];
  if (nhanDanh) candidates.push(nhanDanh.index);
  candidates.push(0);
  for (const from of candidates) {
    const slice = body.slice(from, from + 600);
    const m = COURT_LINE_RE.exec(slice);
    if (!m) continue;
    let rest = m[1]!.trim();
    // Two-column headers put the court's unit on the next line (`TOÀ ÁN NHÂN DÂN\nHUYỆN LỘC NINH`).
    if (!UNIT_RE.test(rest.replace(/(?<!\p{L})(CỘNG[^\S\n]+HOÀ|CỘNG[^\S\n]+HÒA)(?!\p{L}).*$/iu, '').trim())) {
      const next = slice.slice(m.index + m[0].length).split('\n').map((l) => l.trim()).filter(Boolean);
      const unitLine = next.slice(0, 4).find((l) => UNIT_RE.test(l));
      rest = unitLine ?? '';
    }
    const court = formatCourt(rest);
    if (court) return court;
  }
  return undefined;
}
