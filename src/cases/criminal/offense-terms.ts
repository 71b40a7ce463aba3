import { readFileSync } from 'node:fs';
import { cue, type Cue, type FactText } from './fact-text.js';

/** One rule of `offense-terms.txt`: lay phrases and the code's words they stand for. */
export interface TermRule {
  phrases: { phrase: string; cue: Cue }[];
  legal: string;
  /** Words one of which the description must also contain for the rule to fire. */
  context?: Cue;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses the Solr-format rules (`a, b => c`); `#` starts a comment. */
export function parseTermRules(text: string): TermRule[] {
  const out: TermRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [rawLeft, right] = line.split('=>').map((s) => s.trim());
    if (!rawLeft || !right) throw new Error(`offense-terms: a rule needs "phrases => words": ${line}`);
    const ctx = /^\[([^\]]+)\]\s*/.exec(rawLeft);
    const left = ctx ? rawLeft.slice(ctx[0].length) : rawLeft;
    const phrases = left.split(',').map((p) => p.trim()).filter(Boolean).map((phrase) => ({ phrase, cue: cue(String.raw`(?<!\p{L})${escape(phrase).replace(/\s+/g, String.raw`\s+`)}(?!\p{L})`) }));
    const context = ctx ? cue(String.raw`(?<!\p{L})(?:${ctx[1]!.split('|').map((w) => escape(w.trim()).replace(/\s+/g, String.raw`\s+`)).join('|')})(?!\p{L})`) : undefined;
    out.push({ phrases, legal: right.normalize('NFC'), ...(context ? { context } : {}) });
  }
  return out;
}

let loaded: TermRule[] | undefined;

/** The rules shipped beside this module, read once. */
export function offenseTermRules(): TermRule[] {
  return (loaded ??= parseTermRules(readFileSync(new URL('./offense-terms.txt', import.meta.url), 'utf8')));
}

/** The code's words for what a description says, with the lay phrase that triggered each. */
export function legalTerms(t: FactText, rules: readonly TermRule[] = offenseTermRules()): { legal: string; phrase: string }[] {
  const out: { legal: string; phrase: string }[] = [];
  for (const r of rules) {
    if (r.context && !t.has(r.context)) continue;
    const hit = r.phrases.find((p) => t.has(p.cue));
    if (hit) out.push({ legal: r.legal, phrase: hit.phrase });
  }
  return out;
}
