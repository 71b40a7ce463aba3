import { findAuthorities, type Authority } from './authorities.js';
import { findExceptions, type Exception } from './exceptions.js';
import { findModals, type Modal } from './modality.js';
import { findQuantities, type Quantity } from './quantities.js';

/** A syllable of a provision with its offsets (lower case; figures as written). */
export interface Syllable {
  w: string;
  start: number;
  end: number;
}

/** What a provision says, split into what it is about (terms) and what it lays down (the rest). */
export interface NormativeContent {
  text: string;
  syllables: Syllable[];
  quantities: Quantity[];
  modals: Modal[];
  authorities: Authority[];
  exceptions: Exception[];
  /**
   * The subject's terms: syllables and adjacent pairs, with figures, modal markers, authorities
   * and exceptions left out, so that a changed deadline, a flipped `phải`, a swapped authority or
   * a dropped exception does not make a provision look like it is about something else.
   */
  terms: Set<string>;
}

const SYLLABLE_RE = /\d+(?:[.,]\d+)*|[\p{L}\p{M}]+/gu;

export function syllablesOf(text: string): Syllable[] {
  return [...text.toLowerCase().matchAll(SYLLABLE_RE)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Reads a provision's figures, modality, authorities and exceptions, and the terms of its subject. */
export function analyzeProvision(text: string): NormativeContent {
  const syllables = syllablesOf(text);
  const quantities = findQuantities(text);
  const modals = findModals(text);
  const authorities = findAuthorities(text);
  const exceptions = findExceptions(text);
  // Exceptions are masked too: a rule with its exception dropped is still about the same thing.
  const masked = [...quantities.map((q) => [q.start, q.start + q.text.split(/\s/u)[0]!.length]), ...modals.map((m) => [m.start, m.end]), ...authorities.map((a) => [a.start, a.end]), ...exceptions.map((e) => [e.start, e.end])];
  const inMask = (s: Syllable) => /^\d/.test(s.w) || masked.some(([a, b]) => s.start >= a! && s.end <= b!);
  const terms = new Set<string>();
  // Pairs do not cross a masked syllable or punctuation, so `quyết_định` survives only where it is said.
  let prev: Syllable | undefined;
  for (const s of syllables) {
    if (inMask(s)) {
      prev = undefined;
      continue;
    }
    terms.add(s.w);
    if (prev && !/[.,;:()“”"]/.test(text.slice(prev.end, s.start))) terms.add(`${prev.w}_${s.w}`);
    prev = s;
  }
  return { text, syllables, quantities, modals, authorities, exceptions, terms };
}
