/** An article reference typed in a question: `điểm a khoản 2 Điều 123`. */
export interface ArticleReference {
  article: string;
  clause?: string;
  point?: string;
  start: number;
  end: number;
}

const REF_RE = /(?:điểm\s+([a-zđ])\s*,?\s*)?(?:khoản\s+(\d+[a-zđ]?)\s*,?\s*)?điều\s+(\d+[a-zđ]?)\b/giu;

/** Finds article references (`Điều 95`, `khoản 2 Điều 123`, `điểm a khoản 1 Điều 12`) in a query. */
export function findArticleReferences(text: string): ArticleReference[] {
  const out: ArticleReference[] = [];
  for (const m of text.matchAll(REF_RE)) {
    out.push({ article: m[3]!.toLowerCase(), ...(m[2] ? { clause: m[2].toLowerCase() } : {}), ...(m[1] ? { point: m[1].toLowerCase() } : {}), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// 48/2022/NĐ-CP, 964/QĐ-TTg, 100/2015/QH13, 13/2017/DS-ST
const NUMBER_RE = /\b\d{1,4}\/(?:\d{4}\/)?[A-ZĐ][A-ZĐa-zđ0-9]*(?:-[A-ZĐa-zđ0-9]+)*\b/gu;

/** Official document numbers in a query. */
export function findDocumentNumbers(text: string): string[] {
  return [...text.matchAll(NUMBER_RE)].map((m) => m[0]);
}
