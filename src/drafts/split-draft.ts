/** One provision of a pasted draft: an article's clause, a whole article without clauses, or a paragraph. */
export interface DraftProvision {
  text: string;
  /** Offsets into the (normalised) draft text. */
  start: number;
  end: number;
  /** The draft's own numbering, when it has one. */
  article?: string;
  clause?: string;
  /** The article's heading (`Điều 3. Thời hạn giải quyết`), context for reading the provision. */
  heading?: string;
}

/** A sentence (or list item) inside a provision, with offsets into the same text. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

const ARTICLE_RE = /^[ \t]*Điều\s+(\d+[a-zđ]?)\s*[.:]?[^\n]*$/gmu;
const CLAUSE_RE = /^[ \t]*(\d+[a-zđ]?)\.\s+\S/gmu;

function trimSpan(text: string, start: number, end: number): TextSpan | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { text: text.slice(start, end), start, end } : undefined;
}

/** Paragraph-separated blocks of a span (blank lines, or lines when the text has no blank lines). */
function blocks(text: string, start: number, end: number): TextSpan[] {
  const body = text.slice(start, end);
  const sep = /\n\s*\n/.test(body) ? /\n\s*\n/g : /\n/g;
  const out: TextSpan[] = [];
  let at = 0;
  for (const m of body.matchAll(sep)) {
    const s = trimSpan(text, start + at, start + m.index);
    if (s) out.push(s);
    at = m.index + m[0].length;
  }
  const last = trimSpan(text, start + at, end);
  if (last) out.push(last);
  return out;
}

/**
 * Splits a draft into provisions: `Điều N.` articles into their numbered clauses (points stay
 * with their clause), an article without clauses whole, and text without articles into its
 * paragraphs (a single pasted provision stays one).
 */
export function splitDraft(text: string): DraftProvision[] {
  const articles = [...text.matchAll(ARTICLE_RE)];
  if (articles.length === 0) {
    const parts = blocks(text, 0, text.length);
    // A clause list without articles (`1. … 2. …`) splits by clause, like an article body.
    const clauses = [...text.matchAll(CLAUSE_RE)];
    if (clauses.length >= 2) return clauses.flatMap((c, i) => {
      const s = trimSpan(text, c.index, clauses[i + 1]?.index ?? text.length);
      return s ? [{ ...s, clause: c[1]! }] : [];
    });
    return parts;
  }
  const out: DraftProvision[] = [];
  const preamble = trimSpan(text, 0, articles[0]!.index);
  if (preamble && /[.;:]/.test(preamble.text) && preamble.text.length > 40) out.push(...blocks(text, 0, articles[0]!.index));
  articles.forEach((a, i) => {
    const heading = a[0].trim();
    const bodyStart = a.index + a[0].length;
    const end = articles[i + 1]?.index ?? text.length;
    const headingOnly = heading.replace(/^Điều\s+\d+[a-zđ]?\s*[.:]?\s*/u, '');
    const clauses = [...text.slice(bodyStart, end).matchAll(CLAUSE_RE)];
    if (clauses.length === 0) {
      const s = trimSpan(text, bodyStart, end);
      // `Điều 1. Thanh niên là công dân …` on one line: the heading line is the provision.
      const body = s ?? (headingOnly.length > 40 ? trimSpan(text, a.index + a[0].indexOf(headingOnly), bodyStart) : undefined);
      if (body) out.push({ ...body, article: a[1]!, heading });
      return;
    }
    const intro = trimSpan(text, bodyStart, bodyStart + clauses[0]!.index);
    if (intro && intro.text.length > 30) out.push({ ...intro, article: a[1]!, heading });
    clauses.forEach((c, j) => {
      const s = trimSpan(text, bodyStart + c.index, bodyStart + (clauses[j + 1]?.index ?? end - bodyStart));
      if (s) out.push({ ...s, article: a[1]!, clause: c[1]!, heading });
    });
  });
  return out;
}

/** Sentences and list items of a provision; offsets stay in the provision's text. */
export function sentencesOf(text: string, start = 0, end = text.length): TextSpan[] {
  const out: TextSpan[] = [];
  for (const line of blocks(text, start, end).flatMap((b) => splitLines(text, b))) {
    let at = line.start;
    for (const m of line.text.matchAll(/[.!?](?=\s+[\p{Lu}“"])/gu)) {
      const s = trimSpan(text, at, line.start + m.index + 1);
      if (s) out.push(s);
      at = line.start + m.index + 1;
    }
    const last = trimSpan(text, at, line.end);
    if (last) out.push(last);
  }
  return out;
}

function splitLines(text: string, b: TextSpan): TextSpan[] {
  const out: TextSpan[] = [];
  let at = b.start;
  for (const m of b.text.matchAll(/\n/g)) {
    const s = trimSpan(text, at, b.start + m.index);
    if (s) out.push(s);
    at = b.start + m.index + 1;
  }
  const last = trimSpan(text, at, b.end);
  if (last) out.push(last);
  return out;
}
