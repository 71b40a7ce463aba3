import { citationLabel } from '../answer/llm-citations.js';
import type { Article, DocumentMeta, ParsedDocument } from '../types/legal-document.js';

/** `Điều 584 Bộ luật dân sự`, `Khoản 1 Điều 157 Bộ luật tố tụng dân sự 2015`. */
export function articleLabel(meta: DocumentMeta | undefined, article: string, clause?: string): string {
  return citationLabel({ title: meta?.title ?? '', number: meta?.number, article, clause, point: undefined, date: undefined, briefing: false }).trim();
}

/** The article's text as the corpus holds it, heading included. */
export function articleText(doc: ParsedDocument, article: Article): string {
  return doc.text.slice(article.start, article.end).trim();
}

/** The article of a corpus document with this number (case-insensitive). */
export function findArticle(doc: ParsedDocument | undefined, article: string): Article | undefined {
  const a = article.toLowerCase();
  return doc?.articles.find((x) => x.number.toLowerCase() === a);
}

/** The opening of an article's body (its first clause, or sentences up to `maxChars`), as an exact span. */
export function articleQuote(doc: ParsedDocument, article: Article, maxChars = 400): { quote: string; start: number; end: number } {
  const text = doc.text;
  let start = article.bodyStart;
  while (start < article.end && /\s/.test(text[start]!)) start++;
  const limit = Math.min(article.end, start + maxChars);
  const firstClause = article.clauses[0];
  let end = firstClause && firstClause.end <= limit && firstClause.end > start ? firstClause.end : limit;
  if (end === limit && limit < article.end) {
    const window = text.slice(start, limit);
    const cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('.\n'), window.lastIndexOf(';\n'), window.lastIndexOf(':\n'));
    if (cut > maxChars / 3) end = start + cut + 1;
  }
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { quote: text.slice(start, end), start, end };
}
