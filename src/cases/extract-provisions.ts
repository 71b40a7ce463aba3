/**
 * Extracts the provisions a judgment cites (`Căn cứ vào các Điều 584, Điều 558 … của Bộ luật Dân
 * sự năm 2015; khoản 1 Điều 157 …`) as (law as written, article, clause, point) with offsets.
 *
 * Courts write references before the law they belong to and chain them with commas, semicolons and
 * `và`, so references accumulate until a law name closes them; qualifiers (`điểm a`, `khoản 1, 2`)
 * apply to the next article (`khoản 1 Điều 157`) or, written after it, to the previous one
 * (`Điều 26 khoản 9`). A group that no law name follows takes the law written just before it
 * (`Bộ luật Dân sự: Điều 357, 468`), else it is dropped: the article alone identifies nothing.
 */
import { findLawMentions, type LawMention } from '../retrieval/law-name-resolver.js';

export interface CitedProvision {
  /** The law as the judgment writes it (`Bộ luật Dân sự năm 2015`, `BLTTDS`). */
  lawName: string;
  article: string;
  clause?: string;
  point?: string;
  /** Offsets of the reference (`khoản 1 Điều 157`), not of the law name. */
  start: number;
  end: number;
}

type TokenType = 'point' | 'clause' | 'article' | 'num' | 'letter' | 'sep' | 'range' | 'filler' | 'law' | 'break';

interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
  law?: LawMention;
}

// One alternative per token type; anything else breaks a citation group.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<point>điểm)(?!\p{L})`,
    String.raw`(?<clause>khoản)(?!\p{L})`,
    String.raw`(?<article>điều|điểu)(?!\p{L})`,
    // Not part of a figure (`326/2016`, `100.000`) or a word; `167,169` is a list written tight.
    String.raw`(?<num>\d{1,4}[a-zđ]?)(?![\d\p{L}]|[/.]\d)`,
    String.raw`(?<letter>[a-zđ])(?![\p{L}\d])`,
    String.raw`(?<range>đến|tới|[-–](?=\s*(?:điều\s+)?\d))(?!\p{L})`,
    String.raw`(?<sep>[,;]|và(?!\p{L})|hoặc(?!\p{L}))`,
    String.raw`(?<filler>(?:các|cùng|từ|của|thuộc|trong|tại|theo|quy\s+định|được|sửa\s+đổi,?\s+bổ\s+sung)(?!\p{L})|[:()\-–])`,
    String.raw`(?<word>[^\s]+)`,
  ].join('|'),
  'giu',
);

function tokenize(text: string, from: number, to: number, laws: LawMention[]): Token[] {
  const out: Token[] = [];
  let pos = from;
  let li = laws.findIndex((l) => l.end > from);
  if (li < 0) li = laws.length;
  while (pos < to) {
    const law = laws[li];
    if (law && law.start <= pos) {
      out.push({ type: 'law', text: law.name, start: law.start, end: law.end, law });
      pos = Math.max(pos, law.end);
      li++;
      continue;
    }
    const ws = /\s*/y;
    ws.lastIndex = pos;
    pos += ws.exec(text)![0].length;
    if (pos >= to) break;
    if (law && law.start <= pos) continue;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(text);
    if (!m || m.index !== pos) break;
    const g = m.groups!;
    const type = (Object.keys(g) as (keyof typeof g)[]).find((k) => g[k] !== undefined) as string;
    const limit = law ? Math.min(pos + m[0].length, law.start) : pos + m[0].length;
    out.push({ type: type === 'word' ? 'break' : (type as TokenType), text: text.slice(pos, limit), start: pos, end: limit });
    pos = limit;
  }
  return out;
}

interface PendingRef {
  article: string;
  clause?: string;
  point?: string;
  start: number;
  end: number;
}

/** Parses `điểm a, b khoản 1, 2 Điều 12, 13 …` starting at token i; returns refs and the next index. */
function parseReference(tokens: Token[], i: number): { refs: PendingRef[]; next: number } | undefined {
  let points: Token[] = [];
  let clauses: Token[] = [];
  let j = i;
  const listOf = (kind: 'letter' | 'num', keyword: TokenType): Token[] => {
    const items: Token[] = [];
    while (tokens[j]?.type === kind) {
      items.push(tokens[j]!);
      j++;
      // `a, b`, `1 và 2`, `khoản 1, khoản 2`: continue only if another item of the same level follows.
      let k = j;
      while (tokens[k]?.type === 'sep' || tokens[k]?.type === 'filler') k++;
      if (tokens[k]?.type === keyword && tokens[k + 1]?.type === kind) k++;
      if (tokens[k]?.type === kind && k > j) j = k;
      else break;
    }
    return items;
  };
  if (tokens[j]?.type === 'point') {
    j++;
    points = listOf('letter', 'point');
    if (points.length === 0) return undefined;
  }
  if (tokens[j]?.type === 'clause') {
    j++;
    clauses = listOf('num', 'clause');
    if (clauses.length === 0) return undefined;
  }
  if (tokens[j]?.type !== 'article') return undefined;
  const startTok = tokens[i]!;
  j++;
  // `các Điều: 292, 342`
  if (tokens[j]?.text === ':') j++;
  const articles: Token[] = [];
  while (tokens[j]?.type === 'num') {
    const a = tokens[j]!;
    articles.push(a);
    j++;
    // A range (`609 đến 618`, `từ Điều 609 đến Điều 618`) lists every article in between.
    if (tokens[j]?.type === 'range') {
      const k = tokens[j + 1]?.type === 'article' ? j + 2 : j + 1;
      const b = tokens[k];
      if (b?.type === 'num' && /^\d+$/.test(a.text) && /^\d+$/.test(b.text)) {
        const from = Number(a.text);
        const to = Number(b.text);
        if (to > from && to - from <= 50) for (let n = from + 1; n <= to; n++) articles.push({ ...b, text: String(n) });
        j = k + 1;
      }
    }
    // Another article follows only through a separator (`584, 585 và 586`, `Điều 26; Điều 35`).
    let k = j;
    while (tokens[k]?.type === 'sep' || tokens[k]?.type === 'filler') k++;
    if (k > j && tokens[k]?.type === 'num' && !(tokens[k + 1]?.type === 'article')) {
      j = k;
      continue;
    }
    // `Điều 26; Điều 35`: the next article with no qualifier belongs to the same list.
    if (k > j && tokens[k]?.type === 'article' && tokens[k + 1]?.type === 'num') {
      j = k + 1;
      continue;
    }
    break;
  }
  if (articles.length === 0) return undefined;
  // Qualifiers written after an article (`Điều 26 khoản 9`, `Điều 12 khoản 1 điểm đ`) belong to
  // the last one; qualifiers written before belong to the first.
  let afterClauses: Token[] = [];
  let afterPoints: Token[] = [];
  if (tokens[j]?.type === 'clause' && tokens[j + 1]?.type === 'num') {
    j++;
    afterClauses = listOf('num', 'clause');
    if (tokens[j]?.type === 'point' && tokens[j + 1]?.type === 'letter') {
      j++;
      afterPoints = listOf('letter', 'point');
    }
  }
  const last = articles[articles.length - 1];
  const refs: PendingRef[] = [];
  for (const a of articles) {
    const qc = a === articles[0] && clauses.length > 0 ? clauses : a === last && afterClauses.length > 0 ? afterClauses : [];
    const qp = a === articles[0] && clauses.length > 0 ? points : a === last && afterClauses.length > 0 ? afterPoints : [];
    const cs = qc.length > 0 ? qc : [undefined];
    for (const c of cs) {
      // Points qualify one clause (`điểm a, b khoản 1`); with several clauses they go with the first.
      const ps = qp.length > 0 && c === cs[0] ? qp : [undefined];
      for (const p of ps) {
        const start = a === articles[0] ? startTok.start : a.start;
        const end = Math.max(a.end, c?.end ?? 0, p?.end ?? 0);
        refs.push({ article: a.text, ...(c ? { clause: c.text } : {}), ...(p ? { point: p.text } : {}), start, end });
      }
    }
  }
  return { refs, next: j };
}

function dedupeKey(p: CitedProvision): string {
  return [p.lawName.toLowerCase().replace(/\s+/g, ' '), p.article, p.clause ?? '', p.point ?? ''].join('|');
}

/** Provisions cited in `text` (or in `[from, to)` of it), each with the law as written; de-duplicated. */
export function extractProvisions(text: string, from = 0, to = text.length): CitedProvision[] {
  // Only names that reach into the span matter; a name starts at most a line or two before it.
  const lookBehind = Math.max(0, from - 300);
  const laws = findLawMentions(text.slice(lookBehind, to))
    .map((l) => ({ ...l, start: l.start + lookBehind, end: l.end + lookBehind }))
    .filter((l) => l.end > from);
  const tokens = tokenize(text, from, to, laws);
  const out: CitedProvision[] = [];
  const seen = new Set<string>();
  let pending: PendingRef[] = [];
  let leadingLaw: LawMention | undefined;
  let lastLaw: LawMention | undefined;
  let brokenSinceLaw = true;

  const flush = (law: LawMention | undefined): void => {
    if (law) {
      for (const r of pending) {
        const p: CitedProvision = { lawName: law.name, ...r };
        const k = dedupeKey(p);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(p);
        }
      }
    }
    pending = [];
    leadingLaw = undefined;
  };

  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    if (t.type === 'law') {
      // References waiting for a law take this one; a law written first is remembered for the next group.
      if (pending.length > 0) flush(t.law);
      lastLaw = t.law;
      brokenSinceLaw = false;
      i++;
      continue;
    }
    if (t.type === 'point' || t.type === 'clause' || t.type === 'article') {
      const parsed = parseReference(tokens, i);
      if (parsed) {
        if (pending.length === 0) leadingLaw = brokenSinceLaw ? undefined : lastLaw;
        pending.push(...parsed.refs);
        i = parsed.next;
        continue;
      }
    }
    if (t.type === 'break') {
      // The group ends without a law after it: it belongs to the law written just before it, if any.
      if (pending.length > 0) flush(leadingLaw);
      brokenSinceLaw = true;
    }
    i++;
  }
  if (pending.length > 0) flush(leadingLaw);
  return out;
}
