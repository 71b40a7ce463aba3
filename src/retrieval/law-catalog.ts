import { readFileSync } from 'node:fs';
import { normalizeQuery } from '../text/normalize.js';
import { findLawMentions, LawNameResolver } from './law-name-resolver.js';

/** A Vietnamese law the corpus does not hold, with the words people use for its subject. */
export interface CatalogLaw {
  name: string;
  aliases: string[];
  topics: string[];
}

/** A law a question names or is about that the corpus lacks. */
export interface MissingLaw {
  /** The law's name as the catalog writes it, or as the question wrote it when it is not listed. */
  name: string;
  /** `named`: the question names it (`theo Luật Doanh nghiệp`); `topic`: it is about its subject. */
  how: 'named' | 'topic';
  /** The words of the question that showed it. */
  evidence: string;
  /** For a topic: whether the corpus talks about it anyway (a candidate passage uses the same words). */
  covered?: boolean;
}

const SUBORDINATE_RE = /\b(?:nghị định|thông tư|nghị quyết|quyết định)\s+(?:số\s+)?\d+(?:\/[\p{L}\d-]+)*/giu;

/** Lower-case words separated by single spaces, padded, for whole-phrase matching. */
const words = (s: string) => ` ${normalizeQuery(s).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/**
 * The catalog of laws the corpus lacks (`corpus/catalog/vietnamese-laws.tsv`): lets the assistant
 * say "Cơ sở dữ liệu chưa có Luật Bảo hiểm xã hội" instead of quoting a nearby article.
 */
export class LawCatalog {
  private readonly resolver: LawNameResolver;
  private readonly topics: { law: CatalogLaw; phrase: string; words: string }[];

  constructor(readonly laws: readonly CatalogLaw[]) {
    const entries = laws.flatMap((l, i) => [l.name, ...l.aliases].map((title) => ({ id: String(i), title, docType: title.split(' ')[0] ?? '' })));
    this.resolver = new LawNameResolver(entries);
    this.topics = laws.flatMap((law) => law.topics.map((phrase) => ({ law, phrase, words: words(phrase) })));
    // Longest phrase first, so `bảo hiểm xã hội một lần` wins over a shorter topic of another law.
    this.topics.sort((a, b) => b.words.length - a.words.length);
  }

  /** Reads a catalog file; a malformed line is an error naming the file and line. */
  static load(file: string): LawCatalog {
    return LawCatalog.parse(readFileSync(file, 'utf8'), file);
  }

  static parse(text: string, file = 'catalog'): LawCatalog {
    const laws: CatalogLaw[] = [];
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || line.startsWith('#') || line.startsWith('name\t')) return;
      const cols = line.split('\t');
      if (cols.length !== 3 || !cols[0]!.trim()) throw new Error(`${file}:${i + 1}: expected 3 tab-separated columns (name, aliases, topics), got ${cols.length}`);
      const list = (s: string) => s.split(';').map((x) => normalizeQuery(x)).filter(Boolean);
      laws.push({ name: normalizeQuery(cols[0]!), aliases: list(cols[1]!), topics: list(cols[2]!) });
    });
    return new LawCatalog(laws);
  }

  /** The catalog law a name means (`luật bhxh` → Luật Bảo hiểm xã hội); `exactOnly` refuses shortened or extended names. */
  resolve(name: string, exactOnly = false): CatalogLaw | undefined {
    const r = this.resolver.resolveDetailed(name);
    return r === undefined || (exactOnly && !r.exact && !r.yearMismatch) ? undefined : this.laws[Number(r.id)];
  }

  /**
   * Laws a question names that `inCorpus` does not resolve, and catalog laws whose subject it is
   * about (topics only when it names no law). The question is matched with its diacritics: give
   * it restored when it was typed without (`thue` is `thuế` or `thuê`).
   */
  missingLaws(question: string, inCorpus: (name: string) => boolean): MissingLaw[] {
    const out: MissingLaw[] = [];
    const mentions = findLawMentions(question);
    for (const m of mentions) {
      if (inCorpus(m.name)) continue;
      const law = this.resolve(m.name);
      out.push({ name: law?.name ?? m.name, how: 'named', evidence: m.name });
    }
    // Decrees and circulars by number (`Nghị định 100`, `Thông tư 58/2020/TT-BCA`) that the name finder leaves out.
    for (const m of question.matchAll(SUBORDINATE_RE)) {
      if (!mentions.some((x) => m.index >= x.start && m.index < x.end) && !inCorpus(m[0])) out.push({ name: m[0], how: 'named', evidence: m[0] });
    }
    if (out.length > 0 || mentions.length > 0) return out;
    const q = words(question);
    const seen = new Set<string>();
    for (const t of this.topics) {
      if (seen.has(t.law.name) || !q.includes(t.words)) continue;
      seen.add(t.law.name);
      out.push({ name: t.law.name, how: 'topic', evidence: t.phrase });
    }
    return out;
  }
}
