/** A number as written: `58.900`, `9,3%`, `05`, `29/12/2023`, `8/2022`; not part of a code like `QH12` or `10a`. */
const FIGURE = /(?<![\p{L}\p{N}])\d+(?:[.,/]\d+)*(?:\s?%)?(?![\p{L}\p{N}])/gu;

/** Figures (amounts, percentages, durations, dates) in `answer` that appear in none of `sources`, as written. */
export function unsupportedFigures(answer: string, sources: readonly string[]): string[] {
  const known = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(FIGURE)) {
      for (const key of readings(match[0])) {
        known.add(key);
        // `9,3%` in a source also supports a bare `9,3` in the answer, but not the reverse.
        if (key.endsWith('%')) known.add(key.slice(0, -1));
      }
      // Components let `29/12/2023` match `ngày 29 tháng 12 năm 2023` and the reverse.
      if (match[0].includes('/')) for (const part of match[0].split('/')) known.add(numberKey(part));
    }
  }
  const unsupported: string[] = [];
  for (const match of answer.matchAll(FIGURE)) {
    const figure = match[0];
    const index = match.index;
    if (isListMarker(answer, index, index + figure.length)) continue;
    const supported =
      readings(figure).some((key) => known.has(key)) ||
      (figure.includes('/') && figure.split('/').every((part) => known.has(numberKey(part))));
    if (!supported && !unsupported.includes(figure)) unsupported.push(figure);
  }
  return unsupported;
}

/** Numeric values a figure may stand for: Vietnamese `58.900` / `9,3` and, leniently, English `58,900` / `9.3`. */
function readings(figure: string): string[] {
  const percent = /%$/.test(figure) ? '%' : '';
  const raw = figure.replace(/\s?%$/, '');
  if (raw.includes('/')) return [raw.split('/').map(numberKey).join('/')];
  const keys = new Set<string>();
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(raw)) keys.add(numberKey(raw.replace(/\./g, '').replace(',', '.')));
  else if (/^\d+(,\d+)?$/.test(raw)) keys.add(numberKey(raw.replace(',', '.')));
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) keys.add(numberKey(raw.replace(/,/g, '')));
  else if (/^\d+(\.\d+)?$/.test(raw)) keys.add(numberKey(raw));
  if (keys.size === 0) keys.add(raw);
  return [...keys].map((key) => key + percent);
}

/** Canonical decimal form, so `05` and `5` are the same figure. */
function numberKey(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) ? String(n) : value;
}

/** `1.` or `2)` opening a line of the answer enumerates points; it is not a figure. */
function isListMarker(text: string, start: number, end: number): boolean {
  const next = text[end];
  if (next !== '.' && next !== ')') return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return /^[\s\-*•]*$/.test(text.slice(lineStart, start));
}
