/**
 * Resolves law names as courts and people write them (`Bộ luật Dân sự năm 2015`, `BLDS 2015`,
 * `Luật HN&GĐ`, `100/2015/QH13`) to corpus documents, and finds such names in free text.
 *
 * Names are compared through a key: NFC, one tone placement, lower case, no diacritics, no year,
 * no `năm`/`số`/`Việt Nam`, abbreviations expanded. Each document is also reachable by the
 * initials of its title's syllables (`Bộ luật tố tụng dân sự` → `BLTTDS`, `Luật Đất đai` → `LĐĐ`),
 * with or without its type word spelt out (`Luật HNGĐ`).
 *
 * Years: the corpus holds one version of each law (Luật Đất đai 2024, not 2013). A name with a
 * different year still resolves to that document, because the caller would otherwise find nothing,
 * but {@link LawNameResolver.resolveDetailed} reports `exact: false, yearMismatch: true` so that an
 * answer can warn that the cited version is not the one in the corpus.
 */
import { normalizeSyllableTone } from '../text/tone-marks.js';

export interface LawEntry {
  /** Corpus document id (`laws/bo-luat-dan-su`). */
  id: string;
  title: string;
  /** Official number (`92/2015/QH13`). */
  number?: string;
  docType: string;
  /** Year of the version in the corpus, when the title and number do not tell it. */
  year?: number;
}

export interface LawResolution {
  id: string;
  /** True when the name matched a title (not a shortened or type-swapped form) and any year named matches the document's. */
  exact: boolean;
  /** True when the name gives a year and the document's known year differs. */
  yearMismatch: boolean;
  requestedYear?: number;
  documentYear?: number;
}

export interface LawMention {
  /** The name as written, line breaks turned into spaces. */
  name: string;
  start: number;
  end: number;
}

// Codes and the abbreviations courts use for them; the expansions are matched like any name.
const ABBREVIATIONS: Record<string, string> = {
  blds: 'bo luat dan su',
  blhs: 'bo luat hinh su',
  blttds: 'bo luat to tung dan su',
  bltths: 'bo luat to tung hinh su',
  blld: 'bo luat lao dong',
  blhh: 'bo luat hang hai',
  hngd: 'hon nhan va gia dinh',
  ttds: 'to tung dan su',
  tths: 'to tung hinh su',
  tthc: 'to tung hanh chinh',
};

const TYPE_WORDS = ['bo luat', 'luat', 'hien phap', 'phap lenh', 'nghi quyet', 'nghi dinh', 'thong tu lien tich', 'thong tu'];
// Function words that initials skip (`Luật Hôn nhân và gia đình` → `LHNGĐ`).
const SKIPPED_IN_INITIALS = new Set(['va', 'cua', 'cac']);

/** Lower-case, diacritic-free form of one character; keeps offsets aligned with the input. */
function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().charAt(0) || ch;
}

function fold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += ch.length === 1 ? foldChar(ch) : ch;
  return out;
}

function canonicalNumber(n: string): string {
  return fold(n).replace(/\s+/g, '').replace(/–/g, '-');
}

/** A law name reduced for comparison. */
export interface NameParts {
  key: string;
  year?: number;
  number?: string;
}

const NUMBER_RE = /\d{1,4}\s*\/\s*(?:\d{4}\s*\/\s*)?[A-Za-zĐđ0-9]+(?:\s*[-–]\s*[A-Za-zĐđ0-9]+)*/u;

/** The comparable key of a law name, with the year and number it gives. */
export function lawNameKey(name: string): NameParts {
  let t = name.normalize('NFC').replace(/[\p{L}]+/gu, (w) => normalizeSyllableTone(w));
  const numberMatch = NUMBER_RE.exec(t);
  const number = numberMatch && /\/\s*\d{4}\s*\//.test(numberMatch[0]) ? canonicalNumber(numberMatch[0]) : undefined;
  if (numberMatch) t = t.replace(numberMatch[0], ' ');
  let f = fold(t);
  // Amendments are cited with the law they amend: the base law is the document.
  f = f.replace(/\b(?:da\s+)?(?:duoc\s+)?sua\s+doi,?\s*(?:bo\s+sung)?.*$/u, ' ');
  // Before the year: `… Việt Nam 2015` must not lend its `Nam` to `năm 2015`.
  f = f.replace(/\b(?:nuoc\s+)?(?:cong\s+hoa\s+xa\s+hoi\s+chu\s+nghia\s+)?viet\s+nam\b/g, ' ');
  const yearMatch = /(?:^|\s)(?:nam\s+)?((?:19|20)\d{2})(?=\s|$|[^\d])/u.exec(f);
  const year = yearMatch ? Number(yearMatch[1]) : undefined;
  if (yearMatch) f = f.replace(yearMatch[0], ' ');
  f = f
    .replace(/&/g, '')
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\b(?:so|nam|cua quoc hoi|nuoc cong hoa xa hoi chu nghia viet nam|viet nam|hien hanh|nay)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
  return { key: f.trim(), ...(year !== undefined ? { year } : {}), ...(number ? { number } : {}) };
}

function splitType(key: string): { type: string; rest: string } {
  const type = TYPE_WORDS.find((t) => key === t || key.startsWith(`${t} `));
  return type ? { type, rest: key.slice(type.length).trim() } : { type: '', rest: key };
}

function initials(words: string[]): string {
  return words.filter((w) => !SKIPPED_IN_INITIALS.has(w)).map((w) => w.charAt(0)).join('');
}

/** Keys by which a title can be written: in full, as initials, as type word plus initials. */
function aliases(key: string): string[] {
  const { type, rest } = splitType(key);
  const out = new Set([key]);
  const restWords = rest.split(' ').filter(Boolean);
  // `Luật Hôn nhân gia đình` for `Luật Hôn nhân và gia đình`.
  const content = restWords.filter((w) => !SKIPPED_IN_INITIALS.has(w));
  if (content.length < restWords.length && content.length > 0) out.add([type, ...content].filter(Boolean).join(' '));
  if (restWords.length >= 2) {
    out.add(initials([...type.split(' ').filter(Boolean), ...restWords]));
    if (type) out.add(`${type} ${initials(restWords)}`);
  }
  return [...out];
}

function withoutFunctionWords(key: string): string {
  return key.split(' ').filter((w) => !SKIPPED_IN_INITIALS.has(w)).join(' ');
}

function yearOf(entry: LawEntry, parts: NameParts): number | undefined {
  if (entry.year !== undefined) return entry.year;
  if (parts.year !== undefined) return parts.year;
  const m = entry.number ? /\/(\d{4})\//.exec(entry.number) : null;
  return m ? Number(m[1]) : undefined;
}

interface Indexed {
  id: string;
  year?: number;
}

export class LawNameResolver {
  private readonly byKey = new Map<string, Indexed[]>();
  private readonly byAlias = new Map<string, Indexed[]>();
  private readonly byNumber = new Map<string, Indexed>();
  private readonly keys: { key: string; doc: Indexed }[] = [];

  constructor(entries: LawEntry[]) {
    for (const e of entries) {
      const parts = lawNameKey(e.title);
      const year = yearOf(e, parts);
      const doc: Indexed = { id: e.id, ...(year !== undefined ? { year } : {}) };
      if (e.number) this.byNumber.set(canonicalNumber(e.number), doc);
      if (parts.number && !e.number) this.byNumber.set(parts.number, doc);
      if (!parts.key) continue;
      push(this.byKey, parts.key, doc);
      this.keys.push({ key: parts.key, doc });
      // Judgments and briefings are found by number only; short forms are for legal texts.
      if (splitType(parts.key).type) for (const a of aliases(parts.key)) if (a !== parts.key) push(this.byAlias, a, doc);
    }
  }

  /** Document id for a law name, number or abbreviation; a different year still resolves (see resolveDetailed). */
  resolve(name: string): string | undefined {
    return this.resolveDetailed(name)?.id;
  }

  /** Like {@link resolve}, saying whether the match is exact and whether the named year differs. */
  resolveDetailed(name: string): LawResolution | undefined {
    const parts = lawNameKey(name);
    if (parts.number) {
      const doc = this.byNumber.get(parts.number);
      if (doc) return result(doc, parts, true);
    }
    if (!parts.key) return undefined;
    const exact = this.byKey.get(parts.key) ?? this.byAlias.get(parts.key) ?? this.byAlias.get(parts.key.replace(/ /g, '')) ?? this.byAlias.get(withoutFunctionWords(parts.key));
    if (exact) return result(pickByYear(exact, parts.year), parts, true);
    // `Luật Dân sự` for `Bộ luật dân sự` and back: a common slip, not an exact match.
    const { type, rest } = splitType(parts.key);
    const swapped = type === 'luat' ? `bo luat ${rest}` : type === 'bo luat' ? `luat ${rest}` : undefined;
    const swap = swapped ? this.byKey.get(swapped) ?? this.byAlias.get(swapped) : undefined;
    if (swap) return result(pickByYear(swap, parts.year), parts, false);
    // A shortened name (`Bộ luật tố tụng dân`) or one with trailing words: a unique title that
    // starts with it, else the longest title it starts with.
    if (!type || !rest) return undefined;
    const extended = this.keys.filter((k) => k.key.startsWith(`${parts.key} `));
    const ids = new Set(extended.map((k) => k.doc.id));
    if (ids.size === 1) return result(extended[0]!.doc, parts, false);
    const prefixes = this.keys.filter((k) => parts.key.startsWith(`${k.key} `) && splitType(k.key).type && splitType(k.key).rest);
    prefixes.sort((a, b) => b.key.length - a.key.length);
    const best = prefixes[0];
    return best ? result(best.doc, parts, false) : undefined;
  }
}

function push(map: Map<string, Indexed[]>, key: string, doc: Indexed): void {
  const list = map.get(key) ?? [];
  if (!list.some((d) => d.id === doc.id)) list.push(doc);
  map.set(key, list);
}

function pickByYear(docs: Indexed[], year: number | undefined): Indexed {
  return docs.find((d) => year !== undefined && d.year === year) ?? docs.find((d) => d.year === undefined) ?? [...docs].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]!;
}

function result(doc: Indexed, parts: NameParts, keyMatched: boolean): LawResolution {
  const yearMismatch = parts.year !== undefined && doc.year !== undefined && parts.year !== doc.year;
  const yearOk = parts.year === undefined || parts.year === doc.year;
  return {
    id: doc.id,
    exact: keyMatched && yearOk,
    yearMismatch,
    ...(parts.year !== undefined ? { requestedYear: parts.year } : {}),
    ...(doc.year !== undefined ? { documentYear: doc.year } : {}),
  };
}

/** The year a law was passed, from its closing formula (`… thông qua ngày 24 tháng 11 năm 2015`). */
export function passedYear(lawText: string): number | undefined {
  const tail = lawText.slice(-3000);
  const m = /thông\s+qua\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d{4})/iu.exec(tail);
  return m ? Number(m[1]) : undefined;
}

// ---- mentions in free text -----------------------------------------------------------------

// Type words that open a law name, on the folded text; `luật` alone must not be part of `pháp luật`.
const OPENER_RE = /(?<![a-z])(bo\s+luat|hien\s+phap|phap\s+lenh|nghi\s+quyet|nghi\s+dinh|thong\s+tu\s+lien\s+tich|thong\s+tu|luat|bl(?:ttds|tths|ds|hs|ld|hh))(?![a-z])/g;
const NOT_A_LAW_BEFORE = /(?:phap|quy|hien|dieu)\s$/;
const NOT_A_LAW_AFTER = /^\s*(?:su|phap|dinh|nay|do|khac|gia|le|chung)(?![a-z])/;
// Words that end a name: references, dates, and the verbs and connectors of the sentence around
// it. Compared with their diacritics, because folded they collide with words of titles (`tại` /
// `Tài nguyên`, `về` / `Bảo vệ`, `mà` / `ma tuý`, `chưa` / `chữa bệnh`, `từ` / `Đầu tư`).
const STOP_WORDS = new Set(
  'điều khoản điểm ngày tháng số năm quy thì được để đối này đó đã có là theo tại về sửa hiện như trong trên dưới với khi nếu vì nên mà cho bởi từ đến hoặc cùng cần chưa bị đang sẽ phải gồm do'.split(' '),
);
// The same, for text typed without diacritics: only words that no title contains.
const FOLDED_STOP_WORDS = new Set('dieu khoan diem ngay thang theo quy'.split(' '));
const WORD_RE = /[a-z0-9&]+/y;

/** Law names in free text (`Điều 95 Luật Hôn nhân và gia đình`, `khoản 2 Điều 123 Bộ luật hình sự`, `BLDS 2015`). */
export function findLawMentions(text: string): LawMention[] {
  const folded = fold(text);
  const out: LawMention[] = [];
  OPENER_RE.lastIndex = 0;
  for (const m of folded.matchAll(OPENER_RE)) {
    const start = m.index;
    // A name may wrap between its words (`Bộ\nluật`).
    const opener = m[1]!.replace(/\s+/g, ' ');
    if (opener === 'luat' && !isLawWord(text, folded, start)) continue;
    if (out.length > 0 && start < out[out.length - 1]!.end) continue;
    const end = nameEnd(text, folded, start + m[1]!.length, opener);
    // A bare type word (`Bộ luật này`, `Luật`) names nothing; `Hiến pháp` and `BLDS` do.
    if (end === start + m[1]!.length && opener !== 'hien phap' && !opener.startsWith('bl')) continue;
    out.push({ name: text.slice(start, end).replace(/\s+/g, ' ').trim(), start, end });
  }
  return out;
}

/** `luật` opens a name unless it is part of `pháp luật`, `quy luật`, `luật sư`, `luật định`… */
function isLawWord(text: string, folded: string, start: number): boolean {
  if (NOT_A_LAW_BEFORE.test(folded.slice(Math.max(0, start - 6), start))) return text[start] === 'L';
  const after = NOT_A_LAW_AFTER.exec(folded.slice(start + 4, start + 12));
  if (!after) return true;
  // `Luật Giá` is a law, `luật giá`/`Luật sư` are not.
  const nextAt = start + 4 + after[0].length - after[0].trimStart().length;
  return text[start] === 'L' && /\p{Lu}/u.test(text[nextAt] ?? '');
}

// Where the sentence resumes after a name (`… Bộ luật Tố tụng dân sự xét xử vắng mặt`,
// `… Luật đất đai buộc ông V`): words and word pairs that no title contains.
const RESUMING_WORDS = new Set('buộc thửa vẫn không những ông bà anh chị cụ đây nên chấp tiến tạm xét thuộc'.split(' '));
const RESUMING_PAIRS = new Set(['đình chỉ', 'xác định', 'đề nghị', 'thời hiệu', 'vụ án', 'giải quyết', 'yêu cầu', 'thẩm quyền', 'tương ứng', 'hội đồng', 'nước cộng']);
const OPENER_AHEAD_RE = /^(?:bo\s+luat|luat|hien\s+phap|phap\s+lenh|nghi\s+quyet|nghi\s+dinh|thong\s+tu|an\s+le|bl(?:ttds|tths|ds|hs|ld|hh)(?![a-z]))/;
// Between two words of a name: spaces, one line break (PDF wrapping), maybe a page-number line.
const GAP_RE = /^[^\S\n]*(?:\n(?:[^\S\n]*\d{1,3}[^\S\n]*\n)?[^\S\n]*)?/;

/** Where a law name that starts with `opener` ends: after its number or year, or before the sentence resumes. */
function nameEnd(text: string, folded: string, from: number, opener: string): number {
  const numbered = opener !== 'luat' && opener !== 'bo luat' && !opener.startsWith('bl');
  let pos = from;
  let end = from;
  let words = 0;
  // Words since the type word or the last comma: a comma joins short parts only (`Phòng, chống`,
  // `án phí, lệ phí`, `khiếu nại, tố cáo`), not a clause after a long name.
  let segment = 0;
  for (;;) {
    let p = pos + GAP_RE.exec(folded.slice(pos))![0].length;
    const punct = /^[,;:.()–-]/.exec(folded.slice(p))?.[0];
    if (punct && punct !== ',') break;
    if (punct === ',') {
      if (segment > 2) break;
      p += 1 + /^\s*/.exec(folded.slice(p + 1))![0].length;
    }
    const rest = folded.slice(p);
    // `số 326/2016/UBTVQH14` closes a numbered name; a year closes any name.
    const num = /^(?:so\s+)?\d{1,4}\s*\/\s*\d{4}\s*\/\s*[a-z0-9]+(?:\s*[-–]\s*[a-z0-9]+)*/.exec(rest);
    if (num && numbered && !punct) return p + num[0].length;
    const year = /^(?:nam\s+)?(?:19|20)\d{2}(?!\d)/.exec(rest);
    if (year && !punct) return p + year[0].length;
    const w = /^[a-z0-9&]+/.exec(rest);
    if (!w || /^\d/.test(w[0]) || OPENER_AHEAD_RE.test(rest)) break;
    const word = w[0];
    const original = text.slice(p, p + word.length).toLowerCase();
    const nextWord = /^[a-z0-9&]+\s+([a-z0-9&]+)/.exec(rest)?.[1];
    const nextAt = nextWord ? p + rest.indexOf(nextWord, word.length) : -1;
    const nextOriginal = nextWord ? text.slice(nextAt, nextAt + nextWord.length) : '';
    // `Pháp lệnh về án phí…`, `Nghị quyết về…`: `về` right after the type word belongs to the name.
    const leadingVe = original === 'về' && words === 0 && numbered;
    if ((STOP_WORDS.has(original) && !leadingVe) || (original === word && FOLDED_STOP_WORDS.has(word))) break;
    if (RESUMING_WORDS.has(original) || RESUMING_PAIRS.has(`${original} ${nextOriginal.toLowerCase()}`)) break;
    // `Toà án` is part of `… lệ phí Toà án` and `Luật Tổ chức Toà án…`; elsewhere the sentence resumes.
    if (word === 'toa' && nextWord === 'an' && !/(?:phi|chuc)\s*$/.test(folded.slice(Math.max(from, pos - 6), pos))) break;
    if (punct === ',' && (/\p{Lu}/u.test(text[p] ?? '') || STOP_WORDS.has(original))) break;
    // `và`, `của`, `các` continue a name only into a word of it (`Hôn nhân và gia đình`, `tác hại
    // của rượu`), not into another name, a reference or a capitalised body (`của Quốc hội`).
    if (word === 'va' || word === 'cua' || word === 'cac') {
      const nextRest = nextWord ? folded.slice(nextAt) : '';
      if (!nextWord || STOP_WORDS.has(nextOriginal.toLowerCase()) || OPENER_AHEAD_RE.test(nextRest) || (word !== 'va' && /\p{Lu}/u.test(nextOriginal)) || (word === 'cac' && words > 0)) break;
    }
    if (++words > 10) break;
    pos = p + word.length;
    segment = punct === ',' || word === 'va' || word === 'cua' ? 0 : leadingVe ? segment : segment + 1;
    if (!(word === 'va' || word === 'cua' || word === 'cac')) end = pos;
  }
  return end;
}
