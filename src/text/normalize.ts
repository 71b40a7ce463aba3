import { repairLegacyEncoding } from './legacy-encoding.js';
import { normalizeToneMarks } from './tone-marks.js';

/**
 * Letters from legacy-font PDF extraction that stand for Vietnamese letters: the `Ư`/`ư` of
 * TCVN/VNI fonts come out as U+01A2/U+01A3 (`Ƣ`/`ƣ`, "OI").
 */
const LEGACY_LETTERS: Record<string, string> = { Ƣ: 'Ư', ƣ: 'ư' };

/** Normalises a Vietnamese text for indexing and display: NFC, one tone placement, repaired letters, tidy spaces. */
export function normalizeVietnamese(text: string): string {
  let t = text.normalize('NFC');
  t = repairLegacyEncoding(t);
  t = t.replace(/[Ƣƣ]/g, (c) => LEGACY_LETTERS[c] ?? c);
  t = t.replace(/\r\n?/g, '\n');
  // NBSP, soft hyphens and zero-width characters come from web pages and PDFs and break tokens.
  t = t.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[\u200b-\u200d\ufeff]/g, '');
  t = t.replace(/[ \t]+/g, ' ').replace(/ +\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  t = normalizeToneMarks(t);
  return t.normalize('NFC');
}

/** Normalises a query exactly like documents, then trims it. */
export function normalizeQuery(query: string): string {
  return normalizeVietnamese(query).replace(/\s+/g, ' ').trim();
}
