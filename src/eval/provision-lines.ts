import type { GoldLabel } from './eval-question.js';

/**
 * Parses a judgment's `related_law_provisions` (`Bộ luật Dân sự năm 2015 | Điều 584, Điều 585`,
 * `Bộ luật Tố tụng dân sự 2015 | Điểm a khoản 1 Điều 35`, `… | Điều 91 khoản 2, 4`) into one
 * label per article. A bare number list continues the last keyword (`Điều 357, 468` are articles,
 * `khoản 2, 4` are clauses). A line with no `|` or no article is kept with an empty article so
 * that the mapper reports it instead of it vanishing.
 */
export function parseProvisionLines(text: string): GoldLabel[] {
  const out: GoldLabel[] = [];
  for (const rawLine of text.normalize('NFC').split(/\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    const bar = line.indexOf('|');
    if (bar < 0) {
      out.push({ law: line, article: '' });
      continue;
    }
    const law = line.slice(0, bar).trim();
    const articles = articleNumbers(line.slice(bar + 1));
    if (articles.length === 0) out.push({ law, article: '' });
    for (const a of articles) out.push({ law, article: a });
  }
  return out;
}

// `điểu` is a frequent typo for `điều` in the dataset.
const TOKEN = /(đi[eềểệ]u|khoản|điểm)|(\d+[a-zđ]?)(?![\d/])/giu;

function articleNumbers(spec: string): string[] {
  const out: string[] = [];
  let keyword = '';
  for (const m of spec.toLowerCase().matchAll(TOKEN)) {
    if (m[1]) keyword = m[1].startsWith('đi') && m[1] !== 'điểm' ? 'article' : m[1];
    else if (m[2] && keyword === 'article' && !out.includes(m[2])) out.push(m[2]);
  }
  return out;
}
