import { foldDiacritics, hasDiacritics } from '../../text/fold.js';
import { normalizeQuery } from '../../text/normalize.js';
import { normalizeToneMarks } from '../../text/tone-marks.js';

/** A phrase pattern compiled twice: for accented text (one tone placement) and for text typed without accents. */
export interface Cue {
  accented: RegExp;
  folded: RegExp;
}

/** Compiles a pattern written in ordinary Vietnamese (`ma túy`) for both forms of a fact description. */
export function cue(source: string): Cue {
  const accented = normalizeToneMarks(source.normalize('NFC'));
  return { accented: new RegExp(accented, 'giu'), folded: new RegExp(foldDiacritics(accented), 'giu') };
}

/** A match of a cue: where it is and what it says. */
export interface CueHit {
  text: string;
  start: number;
  end: number;
  groups: (string | undefined)[];
}

// Negated purposes (`không nhằm mục đích mua bán`) and means (`không sử dụng hung khí`) state what did not happen.
const NEGATED = cue(String.raw`không\s+(?:nhằm|sử\s+dụng|dùng|phải)(?:\s+mục\s+đích)?[^.,;\n]*`);

/**
 * A fact description as the criminal reader sees it: normalised (NFC, one tone placement), with
 * negated phrases blanked out (same length, so offsets stay valid). A description typed without
 * accents is matched with the folded form of every cue.
 */
export class FactText {
  readonly text: string;
  readonly folded: boolean;

  constructor(raw: string, prepared?: { text: string; folded: boolean }) {
    if (prepared) {
      this.text = prepared.text;
      this.folded = prepared.folded;
      return;
    }
    const normalized = normalizeQuery(raw);
    this.folded = !hasDiacritics(normalized);
    this.text = normalized.replace(this.folded ? NEGATED.folded : NEGATED.accented, (m) => ' '.repeat(m.length));
  }

  /** The same text with every match of `c` blanked out (offsets kept). */
  without(c: Cue): FactText {
    return new FactText('', { text: this.text.replace(this.re(c), (m) => ' '.repeat(m.length)), folded: this.folded });
  }

  private re(c: Cue): RegExp {
    const r = this.folded ? c.folded : c.accented;
    r.lastIndex = 0;
    return r;
  }

  /** Every match of the cue, in text order. */
  all(c: Cue): CueHit[] {
    return [...this.text.matchAll(this.re(c))].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length, groups: m.slice(1) }));
  }

  /** The first match of the cue, if any. */
  first(c: Cue): CueHit | undefined {
    const m = this.re(c).exec(this.text);
    return m ? { text: m[0], start: m.index, end: m.index + m[0].length, groups: m.slice(1) } : undefined;
  }

  has(c: Cue): boolean {
    return this.re(c).test(this.text);
  }

  /** The sentence around [start, end), trimmed to at most `max` characters: the evidence shown with a reason. */
  around(start: number, end: number, max = 160): string {
    let s = start;
    let e = end;
    while (s > 0 && !/[.;\n]/.test(this.text[s - 1]!) && end - s < max / 2) s--;
    while (e < this.text.length && !/[.;\n]/.test(this.text[e]!) && e - start < max) e++;
    return this.text.slice(s, e).trim();
  }
}
