import type { Chunk } from '../types/chunk.js';
import type { Article, ParsedDocument, Section } from '../types/legal-document.js';

export interface ChunkOptions {
  /** Articles up to this many characters stay whole. */
  maxArticleChars: number;
  /** Target size of clause groups and free-text chunks. */
  targetChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxArticleChars: 2400, targetChars: 1400 };

interface Span {
  start: number;
  end: number;
}

/** Ends of sentences: a full stop, semicolon or colon before whitespace, not inside `58.900`. */
function sentenceEnds(text: string, start: number, end: number): number[] {
  const ends: number[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(/[.;:!?…](?=\s)|\n/g)) ends.push(start + m.index + 1);
  ends.push(end);
  return ends;
}

/**
 * Splits a span into pieces of about `target` characters, cutting at sentence ends; a piece still
 * over twice the target (a run-on text without sentence ends) is cut at spaces.
 */
function splitAtSentences(text: string, span: Span, target: number): Span[] {
  if (span.end - span.start <= target * 1.3) return [span];
  const out: Span[] = [];
  let s = span.start;
  let lastEnd = s;
  for (const e of sentenceEnds(text, span.start, span.end)) {
    if (e - s > target && lastEnd > s) {
      out.push({ start: s, end: lastEnd });
      s = skipSpace(text, lastEnd, span.end);
    }
    lastEnd = e;
  }
  if (span.end > s) out.push({ start: s, end: span.end });
  return out.filter((p) => p.end > p.start).flatMap((p) => (p.end - p.start > target * 2 ? splitAtSpaces(text, p, target) : [p]));
}

/** Cuts a span into pieces of at most `target` characters at the last space (or anywhere, in a text without spaces). */
function splitAtSpaces(text: string, span: Span, target: number): Span[] {
  const out: Span[] = [];
  let s = span.start;
  while (span.end - s > target) {
    let cut = text.lastIndexOf(' ', s + target);
    if (cut <= s + target / 2) cut = s + target;
    // Never cut a surrogate pair in two.
    if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--;
    out.push({ start: s, end: cut });
    s = skipSpace(text, cut, span.end);
  }
  if (span.end > s) out.push({ start: s, end: span.end });
  return out;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && /\s/.test(text[i]!)) i++;
  return i;
}

/** Groups consecutive clause spans into chunks of about `target` characters. */
function clauseGroups(text: string, article: Article, target: number): { span: Span; first?: string; last?: string }[] {
  const groups: { span: Span; first?: string; last?: string }[] = [];
  const clauses = article.clauses;
  if (clauses.length === 0) {
    return splitAtSentences(text, { start: article.start, end: article.end }, target).map((span) => ({ span }));
  }
  let cur: { span: Span; first?: string; last?: string } | undefined;
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i]!;
    // The article's lead-in text (before clause 1) belongs with the first group.
    const start = i === 0 ? article.start : c.start;
    if (c.end - start > target * 1.3) {
      if (cur) groups.push(cur);
      cur = undefined;
      for (const span of splitAtSentences(text, { start, end: c.end }, target)) groups.push({ span, first: c.number, last: c.number });
      continue;
    }
    if (cur && c.end - cur.span.start > target) {
      groups.push(cur);
      cur = undefined;
    }
    if (!cur) cur = { span: { start, end: c.end }, first: c.number, last: c.number };
    else {
      cur.span.end = c.end;
      cur.last = c.number;
    }
  }
  if (cur) groups.push(cur);
  return groups;
}

function articlePath(doc: ParsedDocument, a: Article): string[] {
  return [doc.meta.title, a.path.part, a.path.chapter, a.path.section, `Điều ${a.number}`].filter((x): x is string => !!x);
}

/** Chunks a parsed document along its legal structure (articles, clause groups) or its sections. */
export function chunkDocument(doc: ParsedDocument, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const { meta, text } = doc;
  const base = { documentId: meta.id, kind: meta.kind, title: meta.title, ...(meta.number ? { number: meta.number } : {}), ...(meta.meetingDate ? { date: meta.meetingDate } : meta.issuedDate ? { date: meta.issuedDate } : {}) };
  const chunks: Chunk[] = [];
  const seen = new Map<string, number>();
  const uniqueId = (id: string) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}.${n}`;
  };

  for (const a of doc.articles) {
    const heading = `${meta.title} › Điều ${a.number}. ${a.title}`.trim();
    const path = articlePath(doc, a);
    if (a.end - a.start <= options.maxArticleChars) {
      chunks.push({ ...base, id: uniqueId(`${meta.id}#d${a.number}`), article: a.number, articleTitle: a.title, path, start: a.start, end: a.end, text: text.slice(a.start, a.end), heading });
      continue;
    }
    for (const g of clauseGroups(text, a, options.targetChars)) {
      const clauseLabel = g.first ? (g.first === g.last ? `Khoản ${g.first}` : `Khoản ${g.first}–${g.last}`) : undefined;
      chunks.push({
        ...base,
        id: uniqueId(`${meta.id}#d${a.number}${g.first ? `k${g.first}` : ''}`),
        article: a.number,
        articleTitle: a.title,
        ...(g.first ? { clause: g.first } : {}),
        ...(g.last && g.last !== g.first ? { clauseEnd: g.last } : {}),
        path: clauseLabel ? [...path, clauseLabel] : path,
        start: g.span.start,
        end: g.span.end,
        text: text.slice(g.span.start, g.span.end),
        heading,
      });
    }
  }

  if (doc.articles.length === 0) {
    const sections: Section[] = doc.sections.length > 0 ? doc.sections : [{ heading: meta.title, start: 0, end: text.length }];
    sections.forEach((s, si) => {
      splitAtSentences(text, { start: s.start, end: s.end }, options.targetChars).forEach((span, pi) => {
        const heading = s.heading && s.heading !== meta.title ? `${meta.title} › ${s.heading}` : meta.title;
        chunks.push({ ...base, id: uniqueId(`${meta.id}#s${si}${pi > 0 ? `p${pi}` : ''}`), path: s.heading && s.heading !== meta.title ? [meta.title, s.heading] : [meta.title], start: span.start, end: span.end, text: text.slice(span.start, span.end), heading });
      });
    });
  }
  return chunks;
}
