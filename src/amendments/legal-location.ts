/** A unit of a legal text named in an amending instruction. */
export interface LegalLocation {
  article?: string;
  clause?: string;
  point?: string;
}

// `các khoản 1, 2 và 3`, `điểm a, b`, `khoản 4a`, `Điều 10a`, `điểm 1.4`.
const TOKEN_RE = /(?<![\p{L}\p{N}])(điểm|khoản|điều)\s+((?:[0-9]+[a-zđ]?|[a-zđ])(?:\.[0-9]+)?(?![\p{L}\p{N}])(?:\s*(?:,|và)\s*(?:\1\s+)?(?:[0-9]+[a-zđ]?|[a-zđ])(?:\.[0-9]+)?(?![\p{L}\p{N}]))*)/giu;

/**
 * The units an instruction names, in order: `điểm b khoản 3 Điều 191` → one location;
 * `khoản 3 và khoản 4 Điều 11` → two; `Điều 37 và điểm đ khoản 1 Điều 38` → two. Points and
 * clauses wait for the article that follows them; ones left without an article get `article`.
 */
export function parseLocations(text: string, contextArticle?: string): LegalLocation[] {
  const out: LegalLocation[] = [];
  let points: string[] = [];
  let pending: LegalLocation[] = [];
  const flush = (article: string | undefined) => {
    for (const p of points) pending.push({ point: p });
    for (const l of pending) out.push({ ...(article ? { article } : {}), ...(l.clause ? { clause: l.clause } : {}), ...(l.point ? { point: l.point } : {}) });
    points = [];
    pending = [];
  };
  for (const m of text.matchAll(TOKEN_RE)) {
    const kind = m[1]!.toLowerCase();
    const values = m[2]!.split(/\s*(?:,|và)\s*/u).map((v) => v.replace(/^(?:điểm|khoản|điều)\s+/iu, '').trim().toLowerCase()).filter(Boolean);
    if (kind === 'điểm') points.push(...values);
    else if (kind === 'khoản') {
      for (const c of values) {
        if (points.length > 0) for (const p of points) pending.push({ clause: c, point: p });
        else pending.push({ clause: c });
        points = [];
      }
    } else {
      if (pending.length === 0 && points.length === 0) for (const a of values) out.push({ article: a });
      else {
        const [first, ...rest] = values;
        flush(first);
        for (const a of rest) out.push({ article: a });
      }
    }
  }
  if (pending.length > 0 || points.length > 0) flush(contextArticle);
  return out;
}
