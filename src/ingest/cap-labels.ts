import type { ParsedDocument } from '../types/legal-document.js';

/** Longest title or heading kept; every chunk repeats its document's title in its heading and path. */
export const MAX_LABEL_CHARS = 200;

/** Cuts a label to `max` characters at a word boundary, marking the cut with `…`. */
export function capLabel(label: string, max = MAX_LABEL_CHARS): string {
  if (label.length <= max) return label;
  const head = label.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * Caps the document title, article titles and section headings. A file without line breaks would
 * otherwise make its whole text the title, copied into every chunk (quadratic time and size).
 */
export function capLabels(doc: ParsedDocument): ParsedDocument {
  doc.meta.title = capLabel(doc.meta.title);
  for (const a of doc.articles) a.title = capLabel(a.title);
  for (const s of doc.sections) s.heading = capLabel(s.heading);
  return doc;
}
