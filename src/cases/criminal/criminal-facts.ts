import { priorRecord, type PriorRecord } from './circumstances.js';
import { readFigures, type FactFigures } from './fact-figures.js';
import { cue, FactText } from './fact-text.js';

// `01 tiền án về tội Trộm cắp tài sản`, `đã bị xử phạt 12 tháng tù về tội …`: an offense of the past,
// not of this case (`Viện kiểm sát đề nghị xử phạt … về tội …` is this case's).
const PAST_OFFENSE = cue(String.raw`(?:tiền\s+án|kết\s+án|(?<!nghị\s)bị\s+xử\s+phạt[^.;]{0,40}?|chấp\s+hành[^.;]{0,30}?)\s+về\s+tội\s+\p{Lu}[\p{L} ,]*?(?=\s*[(,.;]|\s+chưa|\s+năm|$)`);

/** A criminal fact description read once: its text, figures and prior record. */
export interface CriminalFacts {
  text: FactText;
  /** The text with past offenses (`tiền án về tội …`) blanked: what offense detection reads. */
  offenseText: FactText;
  figures: FactFigures;
  prior?: PriorRecord;
}

export function readCriminalFacts(raw: string): CriminalFacts {
  const text = new FactText(raw);
  const prior = priorRecord(text);
  return { text, offenseText: text.without(PAST_OFFENSE), figures: readFigures(text), ...(prior ? { prior } : {}) };
}
