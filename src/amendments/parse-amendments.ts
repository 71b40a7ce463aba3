import { findLawMentions } from '../retrieval/law-name-resolver.js';
import type { Article, ParsedDocument } from '../types/legal-document.js';
import type { AmendmentAction, AmendmentEdge } from './amendment-edge.js';
import { parseLocations, type LegalLocation } from './legal-location.js';

/** A law named in an instruction, before it is resolved to a corpus document. */
interface LawRef {
  title: string;
  number?: string;
}

// Titles of amending articles: `Sửa đổi, bổ sung một số điều của Luật …`, `Bãi bỏ một số điều của các luật …`.
const AMENDING_TITLE_RE = /^(?:sửa đổi|bổ sung|bãi bỏ|thay thế)[^]*(?:luật|pháp lệnh|nghị quyết|danh mục|\d+\/\d{4}\/)/iu;
const INSTRUCTION_RE = /^(sửa đổi|bổ sung|bãi bỏ|thay thế|bỏ)(?![\p{L}])(?:\s*,\s*(?:sửa đổi|bổ sung|thay thế|bãi bỏ)(?![\p{L}]))*\s*/iu;
// `Luật Hàng không dân dụng Việt Nam số 66/2006/QH11`: a numbered name, read up to its number.
const NUMBERED_LAW_RE = /(Bộ luật|Luật|Pháp lệnh|Nghị quyết)\s+((?:(?!Bộ luật|Luật|Pháp lệnh|Nghị quyết)[^“”;:()])*?)\s*,?\s+số\s+(\d{1,4}\/\d{4}\/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)/gu;
const NUMBER_AFTER_RE = /^\s*,?\s*(?:số\s+)?(\d{1,4}\/\d{4}\/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)/u;
const PHRASE_RE = /cụm từ\s*“([^”]+)”(?:\s*bằng\s*cụm từ\s*“([^”]+)”)?[^]*?\btại\s+([^]*)$/iu;
const CLAUSE_MARK_RE = /^(\d+[a-z]?)\.\s+/u;
const POINT_MARK_RE = /^([a-zđ])\)\s+/u;

/** The laws a piece of text names, with the number right after each (`Luật Thủ đô số 25/2012/QH13`). */
export function lawRefsIn(text: string): LawRef[] {
  const numbered = [...text.matchAll(NUMBERED_LAW_RE)].map((m) => ({ at: m.index, end: m.index + m[0].length, ref: { title: `${m[1]} ${m[2]!.trim()}`, number: m[3]! } }));
  const named = findLawMentions(text)
    .filter((m) => !numbered.some((n) => m.start < n.end && m.end > n.at))
    .map((m) => {
      const num = NUMBER_AFTER_RE.exec(text.slice(m.end, m.end + 40));
      return { at: m.start, end: m.end, ref: { title: m.name.replace(/\s+số$/u, ''), ...(num ? { number: num[1]! } : {}) } };
    });
  return [...numbered, ...named].sort((a, b) => a.at - b.at).map((x) => x.ref);
}

function actionOf(verb: string, text: string): AmendmentAction {
  const v = verb.toLowerCase();
  if (/cụm từ/iu.test(text)) return v === 'bỏ' ? 'remove_phrase' : 'replace_phrase';
  if (v === 'bãi bỏ') return 'repeal';
  if (v === 'bổ sung') return 'add';
  return 'amend';
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let pos = start;
  for (const raw of text.slice(start, end).split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: pos + lead, end: pos + lead + t.length });
    pos += raw.length + 1;
  }
  return out;
}

const quoteBalance = (s: string) => (s.match(/“/gu)?.length ?? 0) - (s.match(/”/gu)?.length ?? 0);

/**
 * Edges of one document's amending articles (`Sửa đổi, bổ sung một số điều của …`) and of the
 * documents its "Hiệu lực thi hành" article says it replaces. Targets carry the name and number
 * as written; {@link resolveTargets} ties them to corpus documents.
 */
export function parseAmendments(doc: ParsedDocument): AmendmentEdge[] {
  const edges: AmendmentEdge[] = [];
  for (const a of doc.articles) {
    if (AMENDING_TITLE_RE.test(a.title)) edges.push(...parseAmendingArticle(doc, a));
    else if (/hiệu lực thi hành/iu.test(a.title)) edges.push(...parseReplacements(doc, a));
  }
  return edges;
}

function parseAmendingArticle(doc: ParsedDocument, a: Article): AmendmentEdge[] {
  const edges: AmendmentEdge[] = [];
  const titleLaws = lawRefsIn(a.title);
  const titleLaw = titleLaws.length === 1 ? titleLaws[0] : undefined;
  const source = (clause: string | undefined, point: string | undefined, start: number, end: number) => ({
    documentId: doc.meta.id, title: doc.meta.title, ...(doc.meta.number ? { number: doc.meta.number } : {}), article: a.number,
    ...(clause ? { clause } : {}), ...(point ? { point } : {}), start, end,
  });
  const make = (action: AmendmentAction, law: LawRef, loc: LegalLocation | undefined, locationText: string | undefined, src: AmendmentEdge['source'], extra: Partial<AmendmentEdge> = {}): AmendmentEdge => ({
    action, source: src,
    target: { title: law.title, ...(law.number ? { number: law.number } : {}), ...(loc?.article ? { article: loc.article } : {}), ...(loc?.clause ? { clause: loc.clause } : {}), ...(loc?.point ? { point: loc.point } : {}), ...(!loc?.article && locationText ? { locationText } : {}) },
    ...(doc.meta.effectiveDate ? { effectiveDate: doc.meta.effectiveDate } : {}),
    origin: 'text', ...extra,
  });

  let law = titleLaw;
  let articleCtx: string | undefined;
  let clause: string | undefined;
  let point: string | undefined;
  let pending: AmendmentEdge[] = [];
  let quote: { start: number; parts: string[]; balance: number } | undefined;

  const instruction = (text: string, start: number, end: number) => {
    const head = text.split(/\s+như sau\s*:?/u)[0]!;
    const verb = INSTRUCTION_RE.exec(head)![1]!;
    const [newPart, anchorPart] = head.replace(INSTRUCTION_RE, '').split(/\s+vào (?:sau|trước)\s+/u) as [string, string | undefined];
    const action = actionOf(verb, head);
    const phrase = action === 'replace_phrase' || action === 'remove_phrase' ? PHRASE_RE.exec(head) : null;
    // The location is what the instruction names before the law (`khoản 4 Điều 44 của Luật …`).
    const named = lawRefsIn(head);
    const cut = (t: string) => t.split(/\s+(?:của|thuộc|ban hành kèm theo)\s+(?:các\s+)?(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết)/u)[0]!;
    const locText = cut(phrase ? phrase[3]! : newPart);
    const target = named[0] ?? law;
    const container = /một số|các luật|các điều/iu.test(locText) || parseLocations(locText).length === 0;
    if (container && !phrase) {
      // `1. Sửa đổi … một số điều của Luật Hàng không …`: the law (or article) the following points amend.
      if (named[0]) law = named[0];
      const arts = parseLocations(locText).filter((l) => l.article && !l.clause);
      if (arts.length === 1 && /một số (?:khoản|điểm)/iu.test(locText)) articleCtx = arts[0]!.article;
      if (!/Phụ lục|Danh mục|mục\s/u.test(locText)) return;
    }
    if (!target) return;
    // `2. Sửa đổi, bổ sung Điều 32 của Bộ luật … như sau:` followed by `a) …` lines: the law and article the points amend.
    if (named[0]) law = named[0];
    const own = parseLocations(locText);
    if (own.length === 1 && own[0]!.article && !own[0]!.clause) articleCtx = own[0]!.article;
    // `Bổ sung điểm đ vào sau điểm d khoản 1 Điều 16`: the new unit takes its article and clause from the anchor.
    const anchor = anchorPart ? parseLocations(cut(anchorPart), articleCtx)[0] : undefined;
    const locs = parseLocations(locText, articleCtx).map((l) => ({ ...l, ...(!l.article && anchor?.article ? { article: anchor.article } : {}), ...(l.point && !l.clause && anchor?.clause ? { clause: anchor.clause } : {}) }));
    const src = source(clause, point, start, end);
    const extra: Partial<AmendmentEdge> = phrase ? { oldPhrase: phrase[1]!, ...(phrase[2] ? { newPhrase: phrase[2] } : {}) } : {};
    const made = locs.length > 0 ? locs.map((l) => make(action, target, l, undefined, src, extra)) : [make(action, target, undefined, locText.trim(), src, extra)];
    edges.push(...made);
    pending = /như sau\s*:?\s*$/u.test(text) || text.endsWith(':') ? made : [];
  };

  const finishQuote = (end: number) => {
    if (!quote) return;
    const body = quote.parts.join('\n').replace(/^“/u, '').replace(/”\s*[.;,]*\s*$/u, '').trim();
    const byClause = splitByClause(body, pending);
    for (const e of pending) {
      e.newText = byClause?.get((e.target.point ?? e.target.clause) ?? '') ?? body;
      e.source.end = end;
    }
    pending = [];
    quote = undefined;
  };

  // An article whose title is itself the instruction (`Điều 244. Sửa đổi, bổ sung khoản 4 Điều 44 của Luật Thủy sản …`).
  const lines = linesOf(doc.text, a.bodyStart, a.end);
  if (lines[0]?.text.startsWith('“') && parseLocations(a.title.split(/\s+của\s+/u)[0]!).some((l) => l.article) && INSTRUCTION_RE.test(a.title)) instruction(`${a.title} như sau:`, a.start, a.bodyStart);

  for (const line of lines) {
    if (quote) {
      quote.parts.push(line.text);
      quote.balance += quoteBalance(line.text);
      if (quote.balance <= 0) finishQuote(line.end);
      continue;
    }
    let t = line.text;
    if (t.startsWith('“')) {
      quote = { start: line.start, parts: [t], balance: quoteBalance(t) };
      if (quote.balance <= 0) finishQuote(line.end);
      continue;
    }
    const cm = CLAUSE_MARK_RE.exec(t);
    const pm = cm ? null : POINT_MARK_RE.exec(t);
    if (cm) {
      clause = cm[1]!;
      point = undefined;
      law = titleLaw;
      articleCtx = undefined;
      t = t.slice(cm[0].length);
    } else if (pm) {
      point = pm[1]!;
      t = t.slice(pm[0].length);
    }
    pending = [];
    if (INSTRUCTION_RE.test(t)) instruction(t, line.start, line.end);
  }
  finishQuote(a.end);
  return edges;
}

/** Splits `3. … 4. …` (or `a) … b) …`) new text between the units an instruction names, when each starts its own line. */
function splitByClause(body: string, edges: AmendmentEdge[]): Map<string, string> | undefined {
  const byPoint = edges.some((e) => e.target.point);
  const units = edges.map((e) => (byPoint ? e.target.point : e.target.clause)).filter((c): c is string => !!c);
  if (new Set(units).size < 2) return undefined;
  const out = new Map<string, string>();
  const re = byPoint ? /(?:^|\n)“?([a-zđ])\)\s/gu : /(?:^|\n)“?(\d+[a-z]?)\.\s/gu;
  const marks = [...body.matchAll(re)].filter((m) => units.includes(m[1]!));
  if (marks.length < 2) return undefined;
  marks.forEach((m, i) => out.set(m[1]!, body.slice(m.index, marks[i + 1]?.index ?? body.length).replace(/^\n/u, '').replace(/^“/u, '').replace(/”[.;,]*\s*$/u, '').trim()));
  return out;
}

/** `Luật Đất đai số 45/2013/QH13 … hết hiệu lực kể từ ngày Luật này có hiệu lực`: the document this one replaces. */
function parseReplacements(doc: ParsedDocument, a: Article): AmendmentEdge[] {
  const edges: AmendmentEdge[] = [];
  for (const line of linesOf(doc.text, a.bodyStart, a.end)) {
    const at = line.text.search(/hết hiệu lực/u);
    if (at < 0) continue;
    const law = lawRefsIn(line.text.slice(0, at)).find((l) => l.number);
    if (!law) continue;
    const clause = CLAUSE_MARK_RE.exec(line.text)?.[1];
    edges.push({
      action: 'replace_document',
      source: { documentId: doc.meta.id, title: doc.meta.title, ...(doc.meta.number ? { number: doc.meta.number } : {}), article: a.number, ...(clause ? { clause } : {}), start: line.start, end: line.end },
      target: { title: law.title, ...(law.number ? { number: law.number } : {}) },
      ...(doc.meta.effectiveDate ? { effectiveDate: doc.meta.effectiveDate } : {}),
      origin: 'text',
    });
  }
  return edges;
}
