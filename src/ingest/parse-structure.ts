import type { Article, Clause, Point, StructurePath } from '../types/legal-document.js';

const PART_RE = /^Phần\s+(thứ\s+[\p{L}]+|[IVXLC]+|\d+)\s*[:.–-]?\s*(.*)$/iu;
const CHAPTER_RE = /^Chương\s+([IVXLC]+|\d+)\s*[:.–-]?\s*(.*)$/iu;
const SECTION_RE = /^Mục\s+(\d+|[IVXLC]+)\s*[:.–-]\s*(.*)$/iu;
const ARTICLE_RE = /^Điều\s+(\d+[a-zđ]?)\s*[.:]\s*(.*)$/u;
const CLAUSE_RE = /^(\d+[a-zđ]?)\.\s+\S/u;
const POINT_RE = /^([a-zđ])\)\s*\S/u;

interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start, end: start + part.length });
    start += part.length + 1;
  }
  return lines;
}

/** Trims trailing blank space from an offset range so spans end on the last character of content. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** Text after `Điều N.` that is a body, not a title: a clause number, a full sentence, or a lead-in ending in `:`. */
function isBodyText(rest: string): boolean {
  return CLAUSE_RE.test(rest) || /\.\s+\p{Lu}/u.test(rest) || /[.:]$/.test(rest);
}

/** A heading's title may sit on the line after `Chương II` when the source breaks it there. */
function titleOrNext(rest: string, lines: Line[], i: number): string {
  if (rest.trim()) return rest.trim();
  const next = lines[i + 1]?.text.trim() ?? '';
  return next && !ARTICLE_RE.test(next) && !CHAPTER_RE.test(next) && !SECTION_RE.test(next) ? next : '';
}

/**
 * Parses Phần › Chương › Mục › Điều › Khoản › Điểm from a normalised legal text.
 * Offsets point into `text`; an article runs until the next article or higher heading.
 */
export function parseLegalStructure(text: string): Article[] {
  const lines = splitLines(text);
  const articles: Article[] = [];
  const path: StructurePath = {};
  let current: Article | undefined;
  let clause: Clause | undefined;

  const closeArticle = (end: number) => {
    if (!current) return;
    current.end = trimEnd(text, current.start, end);
    closeClause(end);
    articles.push(current);
    current = undefined;
  };
  const closeClause = (end: number) => {
    if (!clause) return;
    clause.end = trimEnd(text, clause.start, end);
    const last = clause.points[clause.points.length - 1];
    if (last) last.end = trimEnd(text, last.start, Math.min(end, clause.end));
    clause = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (!t) continue;
    let m: RegExpMatchArray | null;
    if ((m = t.match(PART_RE)) && t.length < 200) {
      closeArticle(line.start);
      path.part = `Phần ${m[1]}`;
      delete path.chapter;
      delete path.chapterTitle;
      delete path.section;
      continue;
    }
    if ((m = t.match(CHAPTER_RE)) && t.length < 200) {
      closeArticle(line.start);
      path.chapter = `Chương ${m[1]!.toUpperCase()}`;
      path.chapterTitle = titleOrNext(m[2] ?? '', lines, i);
      delete path.section;
      continue;
    }
    if ((m = t.match(SECTION_RE)) && t.length < 200) {
      closeArticle(line.start);
      path.section = `Mục ${m[1]}`;
      continue;
    }
    if ((m = t.match(ARTICLE_RE))) {
      closeArticle(line.start);
      const lead = line.text.length - line.text.trimStart().length;
      const rest = (m[2] ?? '').trim();
      const restStart = line.start + line.text.indexOf(rest, line.text.indexOf(m[1]!) + m[1]!.length);
      // Untitled articles (the Constitution) put their body on the heading line: `Điều 18. 1. Người…`.
      const untitled = rest !== '' && isBodyText(rest);
      current = {
        number: m[1]!,
        title: untitled ? '' : rest,
        start: line.start + lead,
        end: line.end,
        bodyStart: untitled ? restStart : Math.min(line.end + 1, text.length),
        path: { ...path },
        clauses: [],
      };
      if (untitled && CLAUSE_RE.test(rest)) {
        clause = { number: rest.match(CLAUSE_RE)![1]!, start: restStart, end: line.end, points: [] };
        current.clauses.push(clause);
      }
      continue;
    }
    if (!current) continue;
    const lead = line.start + (line.text.length - line.text.trimStart().length);
    if ((m = t.match(CLAUSE_RE))) {
      closeClause(line.start);
      clause = { number: m[1]!, start: lead, end: line.end, points: [] };
      current.clauses.push(clause);
      continue;
    }
    if (clause && (m = t.match(POINT_RE))) {
      const prev = clause.points[clause.points.length - 1];
      if (prev) prev.end = trimEnd(text, prev.start, line.start);
      const point: Point = { letter: m[1]!, start: lead, end: line.end };
      clause.points.push(point);
    }
  }
  closeArticle(text.length);
  return articles;
}
