import type { CorpusIndex } from '../../index/corpus-index.js';
import { foldDiacritics } from '../../text/fold.js';
import type { Article, ParsedDocument } from '../../types/legal-document.js';
import { maxPenaltyYears, requirementsOf, type Requirement } from './clause-conditions.js';

/** A stem or point of an offense clause with what it requires. */
export interface OffenseUnit {
  clause: string;
  point?: string;
  /** The text as the code writes it (a stem without its points). */
  text: string;
  start: number;
  end: number;
  requirements: Requirement[];
}

export interface OffenseClause {
  number: string;
  stem: OffenseUnit;
  points: OffenseUnit[];
  /** Longest prison term of the clause in years (life 30, death 40; below 1 for fines and non-custodial sentences). */
  maxYears: number;
  /** What the clause does: sets a penalty bracket, punishes preparation, adds penalties, or punishes a company. */
  role: 'bracket' | 'preparation' | 'additional' | 'corporate';
  /** Applies without any condition: the basic offense, or `không thuộc các trường hợp quy định tại khoản 1`. */
  basic: boolean;
}

/** An offense article of Phần thứ hai (`Điều 173. Tội trộm cắp tài sản`). */
export interface Offense {
  documentId: string;
  article: string;
  /** `Tội trộm cắp tài sản`. */
  title: string;
  /** `trộm cắp tài sản`. */
  name: string;
  chapterTitle: string;
  clauses: OffenseClause[];
}

const OFFENSE_PART_RE = /phần thứ hai/iu;
const ROLE_PATTERNS: [RegExp, OffenseClause['role']][] = [
  [/^\s*\d+\.\s*người chuẩn bị phạm tội/iu, 'preparation'],
  [/^\s*\d+\.\s*người phạm tội (?:còn )?(?:có thể )?(?:còn )?bị/iu, 'additional'],
  [/^\s*\d+\.\s*pháp nhân thương mại/iu, 'corporate'],
];

function parseClauses(doc: ParsedDocument, art: Article): OffenseClause[] {
  const out: OffenseClause[] = [];
  // An article without numbered clauses is one clause with no number (`Điều 120`).
  const clauses = art.clauses.length > 0 ? art.clauses : [{ number: '', start: art.bodyStart, end: art.end, points: [] }];
  for (const c of clauses) {
    const stemEnd = c.points[0]?.start ?? c.end;
    const stemText = doc.text.slice(c.start, stemEnd).trim();
    const role = ROLE_PATTERNS.find(([re]) => re.test(stemText))?.[1] ?? 'bracket';
    const body = stemText.replace(/^\d+[a-zđ]?\.\s*/u, '');
    const points: OffenseUnit[] = c.points.map((p) => {
      const text = doc.text.slice(p.start, p.end).trim().replace(/^[a-zđ]\)\s*/u, '');
      return { clause: c.number, point: p.letter, text, start: p.start, end: p.end, requirements: requirementsOf(text, false) };
    });
    const stem: OffenseUnit = { clause: c.number, text: body, start: c.start, end: stemEnd, requirements: requirementsOf(body, true) };
    const firstBracket = !out.some((x) => x.role === 'bracket');
    const basic =
      role === 'bracket' &&
      (/không thuộc (?:các|một trong các) trường hợp quy định tại khoản/iu.test(body) ||
        (firstBracket && stem.requirements.length === 0 && points.length === 0 && !/thuộc một trong (?:các|những) trường hợp sau/iu.test(body)));
    out.push({ number: c.number, stem, points, maxYears: maxPenaltyYears(body), role, basic });
  }
  return out;
}

/**
 * The criminal code of the corpus (Bộ luật hình sự) read as offenses: each article of Phần thứ hai
 * with its clauses, their penalty brackets and the conditions of each stem and point.
 */
export class CriminalCode {
  readonly offenses: Offense[];
  private readonly byArticle: Map<string, Offense>;
  private readonly byName: Map<string, Offense>;

  constructor(readonly doc: ParsedDocument) {
    this.offenses = doc.articles
      .filter((a) => OFFENSE_PART_RE.test(a.path.part ?? '') && /^tội\s/iu.test(a.title))
      .map((a) => ({
        documentId: doc.meta.id,
        article: a.number.toLowerCase(),
        title: a.title,
        name: a.title.replace(/^tội\s+/iu, ''),
        chapterTitle: a.path.chapterTitle ?? '',
        clauses: parseClauses(doc, a),
      }));
    this.byArticle = new Map(this.offenses.map((o) => [o.article, o]));
    this.byName = new Map(this.offenses.map((o) => [nameKey(o.name), o]));
  }

  get documentId(): string {
    return this.doc.meta.id;
  }

  offense(article: string): Offense | undefined {
    return this.byArticle.get(article.toLowerCase());
  }

  /** The offense a description names (`tội Trộm cắp tài sản`), matched on its whole name. */
  offenseNamed(name: string): Offense | undefined {
    return this.byName.get(nameKey(name));
  }

  /** Any article of the code (the general part included). */
  article(n: string): Article | undefined {
    const a = n.toLowerCase();
    return this.doc.articles.find((x) => x.number.toLowerCase() === a);
  }
}

function nameKey(name: string): string {
  return foldDiacritics(name.normalize('NFC')).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const cache = new WeakMap<CorpusIndex, CriminalCode | null>();

/** The corpus' criminal code (a code or law titled `Bộ luật hình sự`), parsed once per index; undefined when the corpus has none. */
export function criminalCodeOf(index: CorpusIndex): CriminalCode | undefined {
  let c = cache.get(index);
  if (c === undefined) {
    const doc = [...index.documents.values()].find((d) => (d.meta.kind === 'code' || d.meta.kind === 'law') && /^bo luat hinh su/.test(nameKey(d.meta.title)));
    c = doc ? new CriminalCode(doc) : null;
    cache.set(index, c);
  }
  return c ?? undefined;
}
