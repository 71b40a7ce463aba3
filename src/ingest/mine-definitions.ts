import { domainOfDocument } from '../text/thesaurus-domains.js';
import type { ThesaurusRelation } from '../text/thesaurus.js';
import type { Article, ParsedDocument } from '../types/legal-document.js';
import { CorpusPhrases } from './corpus-phrases.js';

const DEFINITION_ARTICLE_RE = /giải thích từ ngữ/iu;
/** `X là Y`, `X được hiểu là Y`, `X bao gồm Y`, `X gồm Y`: the copula splitting a term from its definition. */
const COPULA_RE = /\s(được hiểu là|là|bao gồm|gồm có|gồm)(?=[\s:])/u;
/** `(sau đây gọi là SIM)`, `sau đây gọi là Cơ quan điều tra cấp huyện`: a short name the law gives the term. */
const ALIAS_RE = /\(\s*(?:sau đây gọi (?:tắt )?là|sau đây viết tắt là|viết tắt là|gọi tắt là)\s+([^()]+?)\s*\)/u;
/** `Cơ quan điều tra Công an tỉnh … sau đây gọi là Cơ quan điều tra cấp tỉnh.`: a clause that only names. */
const NAMING_RE = /^(.+?),?\s+sau đây gọi (?:tắt )?là\s+(.+?)\.?$/u;
/** Words that open a purpose, manner or condition clause: a head ends before them once it says something. */
const HEAD_STOP = new Set(['để', 'nhằm', 'theo', 'mà', 'khi', 'nhưng', 'trong', 'do', 'được', 'đã', 'có', 'từ', 'cho', 'với', 'trên', 'tại', 'thuộc', 'của', 'qua', 'thông qua', 'bằng', 'gồm', 'bao gồm', 'dưới', 'ở', 'về', 'đối với']);
/** Two-syllable words whose second syllable would otherwise end a head (`tồn tại`). */
const COMPOUNDS = new Set(['tồn tại', 'hiện có', 'sẵn có', 'thuộc về', 'bao quanh', 'thông tin', 'có thể', 'có hại', 'tự do']);
/** Leading words with no meaning of their own (`là việc dùng vũ lực` → `dùng vũ lực`). */
const HEAD_SKIP = new Set(['việc', 'sự', 'các', 'những', 'một', 'toàn bộ', 'là']);
/** Genus words that say nothing alone: `Người sử dụng lao động là doanh nghiệp` teaches no term. */
const GENERIC_HEADS = new Set([
  'người', 'những người', 'tổ chức', 'cơ quan', 'cá nhân', 'hành vi', 'hệ thống', 'hoạt động', 'văn bản', 'tập hợp', 'quá trình',
  'mô hình', 'doanh nghiệp', 'công trình', 'thiết bị', 'nơi', 'khu vực', 'vùng', 'phần', 'giấy tờ', 'thông tin', 'dữ liệu', 'loại',
  'hình thức', 'phương thức', 'chính sách', 'sản phẩm', 'biện pháp', 'tình trạng', 'hiện tượng', 'khả năng', 'giới hạn', 'quy định',
  'đơn vị', 'ngành', 'cơ sở', 'quan hệ', 'tài sản', 'giá trị', 'số tiền', 'bản', 'chất', 'vật', 'sự kiện', 'trường hợp', 'nhóm',
  'cộng đồng', 'dải đất', 'bộ phận', 'hỗn hợp', 'nguyên liệu', 'khoảng thời gian', 'thời gian', 'kết cấu', 'cấu trúc', 'phương tiện',
  'địa điểm', 'lớp', 'yếu tố', 'quy tắc', 'chuẩn mực', 'giải pháp', 'công cụ', 'tài liệu', 'hồ sơ', 'giấy phép', 'chứng thư',
  'quyết định', 'phương án', 'chương trình', 'dịch vụ', 'hàng hoá', 'loại hình', 'vật liệu', 'mạng', 'cây', 'đàn', 'động vật',
  'chi phí', 'diện tích', 'khu', 'điểm', 'trạng thái', 'mức', 'phương pháp', 'ký hiệu', 'nguồn', 'tin', 'lượng', 'tính',
]);
const MAX_TERM_SYLLABLES = 14;
/** Terms the law gives a short name may be long (`Toà án nhân dân huyện, quận, … `). */
const MAX_NAMED_SYLLABLES = 30;
const MAX_HEAD_SYLLABLES = 10;
const MAX_LIST_ITEMS = 8;
/** A head of at least this many syllables, seen at most this often in the corpus, is specific enough to point back at the term. */
const MIN_REVERSE_SYLLABLES = 3;
const MAX_REVERSE_OCCURRENCES = 30;
/** A head or list member seen more often than this (`cơ quan nhà nước`) says nothing about the term. */
const MAX_TARGET_OCCURRENCES = 300;

/** One definition as written: the term, the copula and what follows it. */
export interface DefinitionUnit {
  term: string;
  alias?: string;
  copula: string;
  body: string;
  /** `codes/bo-luat-lao-dong-2019 Điều 3 khoản 2`. */
  source: string;
}

/**
 * Mines `definition` relations from every "Giải thích từ ngữ" article: the defined term → the head
 * of its definition (`cưỡng bức lao động` → `dùng vũ lực`), the term → each member of a `gồm` list,
 * the head → the term when the head is specific (three syllables or more and rare in the corpus), and
 * a law's own short name ↔ the term (`SIM` ↔ `bộ xác định thuê bao`). Every `to` is a span of the
 * corpus text. Frequencies are counted in `corpus` (by default the documents given).
 */
export function mineDefinitions(docs: readonly ParsedDocument[], corpus: CorpusPhrases = new CorpusPhrases(docs)): ThesaurusRelation[] {
  const out: ThesaurusRelation[] = [];
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  const frequency = (phrase: string): number => {
    const key = phrase.toLowerCase();
    let n = counts.get(key);
    if (n === undefined) counts.set(key, (n = corpus.count(phrase)));
    return n;
  };
  for (const doc of docs) {
    const domain = domainOfDocument(doc.meta.id, doc.meta.kind, doc.meta.title);
    for (const unit of definitionUnits(doc)) {
      for (const [from, to, note] of relationsOf(unit, frequency)) {
        const key = `${from.toLowerCase()}\u0000${to.toLowerCase()}`;
        if (from.toLowerCase() === to.toLowerCase() || seen.has(key)) continue;
        seen.add(key);
        out.push({ from, to, kind: 'definition', domain, note, source: unit.source });
      }
    }
  }
  return out;
}

/** The definitions of a document's "Giải thích từ ngữ" articles: each clause's first line and each point. */
export function definitionUnits(doc: ParsedDocument): DefinitionUnit[] {
  const units: DefinitionUnit[] = [];
  for (const article of doc.articles.filter((a) => DEFINITION_ARTICLE_RE.test(a.title))) {
    for (const { text, where } of pieces(doc.text, article)) {
      const unit = splitDefinition(text);
      if (unit) units.push({ ...unit, source: `${doc.meta.id} Điều ${article.number} ${where}` });
    }
  }
  return units;
}

function pieces(text: string, article: Article): { text: string; where: string }[] {
  const out: { text: string; where: string }[] = [];
  for (const clause of article.clauses) {
    const firstLine = text.slice(clause.start, clause.end).split('\n')[0]!;
    out.push({ text: firstLine.replace(/^\d+[a-zđ]?\.\s*/u, ''), where: `khoản ${clause.number}` });
    for (const point of clause.points) {
      const line = text.slice(point.start, point.end).split('\n')[0]!;
      out.push({ text: line.replace(/^[a-zđ]\)\s*/u, ''), where: `khoản ${clause.number} điểm ${point.letter}` });
    }
  }
  return out;
}

/** Splits `Term (sau đây gọi là Alias) là body` into its parts; undefined when it is not a definition. */
export function splitDefinition(sentence: string): Omit<DefinitionUnit, 'source'> | undefined {
  let text = sentence.trim();
  let alias: string | undefined;
  const paren = ALIAS_RE.exec(text);
  // Only a name given to the term itself counts, not one given to something its definition cites.
  const copulaAt = COPULA_RE.exec(text.replace(/\([^()]*\)/gu, (p) => ' '.repeat(p.length)))?.index ?? text.length;
  if (paren && paren.index < copulaAt) {
    alias = paren[1]!.trim();
    text = `${text.slice(0, paren.index).trimEnd()} ${text.slice(paren.index + paren[0].length).trimStart()}`;
  }
  const naming = NAMING_RE.exec(text);
  if (!alias && naming) return accept(naming[1]!, naming[2]!, 'gọi là', '', MAX_NAMED_SYLLABLES);
  const m = COPULA_RE.exec(text);
  if (!m) return undefined;
  const body = text.slice(m.index + m[0].length).replace(/^[\s:]+/u, '');
  return accept(text.slice(0, m.index), alias, m[1]!, body, alias ? MAX_NAMED_SYLLABLES : MAX_TERM_SYLLABLES);
}

function accept(rawTerm: string, alias: string | undefined, copula: string, body: string, maxSyllables: number): Omit<DefinitionUnit, 'source'> | undefined {
  const term = rawTerm.trim().replace(/,$/u, '');
  const n = words(term).length;
  if (n === 0 || n > maxSyllables || /[;:]/u.test(term) || !/^\p{Lu}/u.test(term)) return undefined;
  return { term: lowerFirst(term), ...(alias ? { alias: alias.replace(/\.$/u, '') } : {}), copula, body };
}

function relationsOf(unit: DefinitionUnit, frequency: (phrase: string) => number): [string, string, string][] {
  const out: [string, string, string][] = [];
  if (unit.alias) {
    out.push([unit.alias, unit.term, 'tên gọi tắt trong luật']);
    out.push([unit.term, unit.alias, 'tên gọi tắt trong luật']);
  }
  if (!unit.body) return out;
  if (unit.copula !== 'là' && unit.copula !== 'được hiểu là') {
    for (const item of listItems(unit.body)) if (frequency(item) <= MAX_TARGET_OCCURRENCES) out.push([unit.term, item, 'thành phần liệt kê']);
    return out;
  }
  const head = headOf(unit.body);
  if (!head) return out;
  const n = frequency(head);
  if (n <= MAX_TARGET_OCCURRENCES) out.push([unit.term, head, 'đầu định nghĩa']);
  if (words(head).length >= MIN_REVERSE_SYLLABLES && n <= MAX_REVERSE_OCCURRENCES) out.push([head, unit.term, 'đầu định nghĩa → thuật ngữ']);
  return out;
}

/**
 * The head of a definition: its first phrase without empty leading words, ended by the first
 * clause word once it says more than a genus (`hành vi có tính chất tình dục`). Undefined when it
 * is only a genus or runs past ten syllables without a natural end (it would end mid-word).
 */
export function headOf(body: string): string | undefined {
  const ws = words(body.split(/[,;.:()]/u)[0] ?? '');
  let i = 0;
  for (;;) {
    const two = `${ws[i] ?? ''} ${ws[i + 1] ?? ''}`.toLowerCase();
    if (HEAD_SKIP.has(two)) i += 2;
    else if (i < ws.length && HEAD_SKIP.has(ws[i]!.toLowerCase())) i++;
    else break;
  }
  const head: string[] = [];
  let ended = false;
  for (let j = i; j < ws.length; j++) {
    const w = ws[j]!.toLowerCase();
    const pair = `${w} ${ws[j + 1]?.toLowerCase() ?? ''}`;
    // Two syllables that form one word (`tồn tại`, `bao gồm`) are taken or stopped at together.
    const width = COMPOUNDS.has(pair) || HEAD_STOP.has(pair) ? 2 : 1;
    if (head.length > 0 && !isGeneric(head) && !COMPOUNDS.has(pair) && (HEAD_STOP.has(w) || HEAD_STOP.has(pair))) {
      ended = true;
      break;
    }
    if (head.length + width > MAX_HEAD_SYLLABLES) return undefined;
    head.push(...ws.slice(j, j + width));
    j += width - 1;
  }
  if (!ended && head.length === 0) return undefined;
  while (head.length > 0 && /^(và|hoặc|của|về|các|những)$/iu.test(head[head.length - 1]!)) head.pop();
  return head.length >= 2 && !isGeneric(head) ? head.join(' ') : undefined;
}

function isGeneric(head: string[]): boolean {
  return GENERIC_HEADS.has(head.join(' ').toLowerCase());
}

/** Members of a `gồm` list: comma/semicolon/`và`-separated phrases of at most six syllables. */
function listItems(body: string): string[] {
  const text = body.split(/[.:(]/u)[0] ?? '';
  const items: string[] = [];
  for (const part of text.split(/[,;]|\svà\s|\shoặc\s/u)) {
    const ws = words(part);
    if (ws.length < 2 || ws.length > 6 || isGeneric(ws)) continue;
    items.push(ws.join(' '));
    if (items.length >= MAX_LIST_ITEMS) break;
  }
  return items;
}

function words(text: string): string[] {
  return text.split(/\s+/u).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter(Boolean);
}

/** `Người lao động` → `người lao động`; an acronym (`SIM`, `GT`) keeps its capitals. */
function lowerFirst(term: string): string {
  if (/^\p{Lu}{2,}/u.test(term)) return term;
  return term.charAt(0).toLowerCase() + term.slice(1);
}
