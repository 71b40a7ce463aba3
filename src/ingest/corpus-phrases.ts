import { normalizeQuery } from '../text/normalize.js';
import type { ThesaurusRelation } from '../text/thesaurus.js';
import { BREAK_RE, syllables } from '../text/tokenize.js';
import type { ParsedDocument } from '../types/legal-document.js';

const SEGMENT_END = '\n';

/**
 * The corpus as one syllable sequence (segments split at sentence punctuation) with the positions
 * of each syllable, to ask whether a phrase occurs in it without scanning the text per phrase.
 */
export class CorpusPhrases {
  private readonly tokens: string[] = [];
  private readonly positions = new Map<string, number[]>();
  private readonly docOf: number[] = [];
  private readonly docIds: string[] = [];

  constructor(docs: Iterable<ParsedDocument>) {
    for (const doc of docs) {
      const d = this.docIds.push(doc.meta.id) - 1;
      for (const piece of doc.text.split(BREAK_RE)) {
        for (const syl of syllables(piece)) {
          let list = this.positions.get(syl);
          if (!list) this.positions.set(syl, (list = []));
          list.push(this.tokens.length);
          this.tokens.push(syl);
          this.docOf.push(d);
        }
        this.tokens.push(SEGMENT_END);
        this.docOf.push(d);
      }
    }
  }

  /** Ids of the documents in which the phrase occurs (lower-cased, syllable by syllable, within a sentence). */
  documentsWith(phrase: string): Set<string> {
    return new Set(this.starts(phrase).map((p) => this.docIds[this.docOf[p]!]!));
  }

  /** How many times the phrase occurs. */
  count(phrase: string): number {
    return this.starts(phrase).length;
  }

  occurs(phrase: string): boolean {
    return this.starts(phrase).length > 0;
  }

  private starts(phrase: string): number[] {
    const key = syllables(normalizeQuery(phrase));
    if (key.length === 0) return [];
    return (this.positions.get(key[0]!) ?? []).filter((p) => {
      let k = 1;
      while (k < key.length && this.tokens[p + k] === key[k]) k++;
      return k === key.length;
    });
  }
}

/** Relations whose `to` never occurs in the corpus: each is a curation error. */
export function missingTargets(relations: Iterable<ThesaurusRelation>, corpus: CorpusPhrases): ThesaurusRelation[] {
  const cache = new Map<string, boolean>();
  const missing: ThesaurusRelation[] = [];
  for (const r of relations) {
    const key = r.to.toLowerCase();
    let ok = cache.get(key);
    if (ok === undefined) cache.set(key, (ok = corpus.occurs(r.to)));
    if (!ok) missing.push(r);
  }
  return missing;
}
