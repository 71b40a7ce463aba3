import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizePhrase, PhraseMatcher } from './phrase-matcher.js';
import { THESAURUS_DOMAINS } from './thesaurus-domains.js';

/**
 * Kinds of relation: `everyday` lay words → the law's term; `abbreviation` → its expansion;
 * `old-term` an older official term ↔ the one the corpus uses; `synonym` two legal phrasings of
 * one concept; `definition` a term → the head of its legal definition (mined, never curated).
 */
export const RELATION_KINDS = ['everyday', 'abbreviation', 'old-term', 'synonym', 'definition'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Kinds a reviewed `.tsv` line may have; `definition` comes only from mining the corpus. */
export const CURATED_KINDS: readonly RelationKind[] = ['everyday', 'abbreviation', 'old-term', 'synonym'];

/** One relation: a user typing `from` means the corpus term `to`. */
export interface ThesaurusRelation {
  /** What a user may type (NFC, one tone placement). */
  from: string;
  /** The legal or corpus term it stands for (NFC, one tone placement). */
  to: string;
  kind: RelationKind;
  /** Field of law (`lao động`, `đất đai`, …; see THESAURUS_DOMAINS). */
  domain: string;
  note: string;
  /** Where it came from: `lao-dong.tsv:12` or `codes/bo-luat-lao-dong-2019 Điều 3 khoản 2`. */
  source: string;
}

/** A phrase found in a text with everything the thesaurus knows about it. */
export interface ThesaurusMatch {
  /** Offsets into the text given to `find`/`findLegal`. */
  start: number;
  end: number;
  /** The text as typed between `start` and `end`. */
  text: string;
  relations: ThesaurusRelation[];
  /** The other side of each relation, deduplicated in file order: legal terms for `find`, user phrases for `findLegal`. */
  terms: string[];
  kinds: RelationKind[];
}

/** A `.tsv` line that cannot be read, with the file and line it is on. */
export class ThesaurusFormatError extends Error {
  constructor(readonly file: string, readonly line: number, readonly reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'ThesaurusFormatError';
  }
}

export const TSV_HEADER = ['from', 'to', 'kind', 'domain', 'note'] as const;
const DOMAINS = new Set<string>(THESAURUS_DOMAINS.map((d) => normalizePhrase(d)));

/** Parses one thesaurus file: `from<TAB>to<TAB>kind<TAB>domain[<TAB>note]`, a header line and `#` comments allowed. */
export function parseThesaurusTsv(content: string, file: string): ThesaurusRelation[] {
  const out: ThesaurusRelation[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const cols = raw.split('\t').map((c) => c.trim());
    if (cols[0] === TSV_HEADER[0] && cols[1] === TSV_HEADER[1]) continue;
    const fail = (reason: string): never => {
      throw new ThesaurusFormatError(file, lineNo, reason);
    };
    if (cols.length < 4 || cols.length > 5) fail(`expected 4 or 5 tab-separated columns (from, to, kind, domain, note), found ${cols.length}`);
    const [fromRaw, toRaw, kindRaw, domainRaw, noteRaw = ''] = cols as [string, string, string, string, string?];
    if (!fromRaw) fail('empty "from"');
    if (!toRaw) fail('empty "to"');
    if (!(CURATED_KINDS as readonly string[]).includes(kindRaw)) fail(`unknown kind "${kindRaw}" (expected one of ${CURATED_KINDS.join(', ')})`);
    const domain = normalizePhrase(domainRaw);
    if (!DOMAINS.has(domain)) fail(`unknown domain "${domainRaw}"`);
    const from = normalizePhrase(fromRaw);
    const to = normalizePhrase(toRaw);
    if (!/[\p{L}\d]/u.test(from) || !/[\p{L}\d]/u.test(to)) fail('"from" and "to" must contain letters');
    if (from.toLowerCase() === to.toLowerCase()) fail(`"from" and "to" are the same phrase ("${from}")`);
    out.push({ from, to, kind: kindRaw as RelationKind, domain, note: normalizePhrase(noteRaw), source: `${file}:${lineNo}` });
  }
  return out;
}

/** Reads every `.tsv` file of a folder (sorted by name); throws {@link ThesaurusFormatError} on the first bad line. */
export function readThesaurusDir(dir: string): ThesaurusRelation[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  return files.flatMap((f) => parseThesaurusTsv(readFileSync(path.join(dir, f), 'utf8'), f));
}

/** Loads the curated thesaurus of a folder; duplicate relations are rejected with both locations. */
export function loadThesaurus(dir: string): Thesaurus {
  const t = new Thesaurus();
  t.addAll(readThesaurusDir(dir), { rejectDuplicates: true });
  return t;
}

const shared = new Map<string, Thesaurus>();

/** {@link loadThesaurus}, read once per process and folder (loading takes seconds). */
export function sharedThesaurus(dir: string): Thesaurus {
  let t = shared.get(dir);
  if (!t) shared.set(dir, (t = loadThesaurus(dir)));
  return t;
}

function relationKey(r: Pick<ThesaurusRelation, 'from' | 'to' | 'kind'>): string {
  return `${r.from.toLowerCase()}\u0000${r.to.toLowerCase()}\u0000${r.kind}`;
}

/**
 * Lay, abbreviated and older phrasings mapped to the corpus' legal terms. `find` reads a user's
 * text (accented or not) and returns the legal terms it stands for; `findLegal` reads a legal
 * text and returns the user phrasings of the terms in it (document expansion).
 */
export class Thesaurus {
  private readonly relations: ThesaurusRelation[] = [];
  private readonly keys = new Map<string, ThesaurusRelation>();
  private readonly forward = new PhraseMatcher<ThesaurusRelation>();
  private readonly reverse = new PhraseMatcher<ThesaurusRelation>();

  constructor(relations: Iterable<ThesaurusRelation> = []) {
    this.addAll(relations);
  }

  /** Number of distinct relations. */
  get size(): number {
    return this.relations.length;
  }

  /** Adds one relation (normalising its phrases); returns false when the same from/to/kind is already there. */
  add(relation: ThesaurusRelation, options: { rejectDuplicates?: boolean } = {}): boolean {
    const r: ThesaurusRelation = { ...relation, from: normalizePhrase(relation.from), to: normalizePhrase(relation.to), domain: normalizePhrase(relation.domain) };
    const key = relationKey(r);
    const seen = this.keys.get(key);
    if (seen) {
      if (options.rejectDuplicates) {
        const [file, line] = splitSource(r.source);
        throw new ThesaurusFormatError(file, line, `duplicate of ${seen.source} ("${r.from}" → "${r.to}", ${r.kind})`);
      }
      return false;
    }
    if (!this.forward.add(r.from, r) || !this.reverse.add(r.to, r)) return false;
    this.keys.set(key, r);
    this.relations.push(r);
    return true;
  }

  /** Adds many relations (e.g. mined definitions); returns how many were new. */
  addAll(relations: Iterable<ThesaurusRelation>, options: { rejectDuplicates?: boolean } = {}): number {
    let added = 0;
    for (const r of relations) if (this.add(r, options)) added++;
    return added;
  }

  /** Every relation, in the order added. */
  all(): readonly ThesaurusRelation[] {
    return this.relations;
  }

  /** Relation counts by kind (every kind present, zero when none). */
  countsByKind(): Record<RelationKind, number> {
    const counts = Object.fromEntries(RELATION_KINDS.map((k) => [k, 0])) as Record<RelationKind, number>;
    for (const r of this.relations) counts[r.kind]++;
    return counts;
  }

  /** Relation counts by domain. */
  countsByDomain(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.relations) counts[r.domain] = (counts[r.domain] ?? 0) + 1;
    return counts;
  }

  /** User phrasings in a text (longest match over syllables, accented or not) with the legal terms they stand for. */
  find(text: string): ThesaurusMatch[] {
    return this.forward.find(text).map((h) => toMatch(text, h.start, h.end, h.values, (r) => r.to));
  }

  /** Legal terms in a text with the user phrasings that mean them: for expanding documents at index time. */
  findLegal(text: string): ThesaurusMatch[] {
    return this.reverse.find(text).map((h) => toMatch(text, h.start, h.end, h.values, (r) => r.from));
  }
}

function toMatch(text: string, start: number, end: number, relations: ThesaurusRelation[], other: (r: ThesaurusRelation) => string): ThesaurusMatch {
  return {
    start, end, text: text.slice(start, end), relations,
    terms: [...new Set(relations.map(other))],
    kinds: [...new Set(relations.map((r) => r.kind))],
  };
}

function splitSource(source: string): [string, number] {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? [m[1]!, Number(m[2])] : [source, 0];
}
