/**
 * Parses a court judgment (bản án) or a precedent (án lệ) from its normalised text (after
 * `normalizeVietnamese`): header facts, parties, sections with offsets, and the outcome.
 * Pure: no I/O. The judgments are PDF extractions, so every pattern tolerates broken lines, page
 * numbers between lines, two-column headers merged into one line, and `TÒA`/`TOÀ`.
 */
import type { Section } from '../types/legal-document.js';
import { findCourt } from './judgment-court.js';
import { DATE_RE, findCaseType, findDate, findLevel, findNumber, findSubject, isoDate, type JudgmentLevel } from './judgment-header.js';
import { type JudgmentOutcome, findOutcome } from './judgment-outcome.js';
import { findParties, inlineParties, type Party } from './judgment-parties.js';
import { hasPrecedentSource, judgmentSections, precedentSections, SECTION } from './judgment-sections.js';

export { SECTION };
export type { JudgmentLevel } from './judgment-header.js';
export type { JudgmentOutcome } from './judgment-outcome.js';
export type { Party, PartyRole } from './judgment-parties.js';

export interface ParsedJudgment {
  kind: 'judgment' | 'precedent';
  docType: 'Bản án' | 'Án lệ';
  /** `Bản án số 13/2017/DS-ST ngày 22/9/2017 của Toà án nhân dân thành phố Lào Cai`. */
  title: string;
  /** As written, spaces removed and dashes unified: `13/2017/DS-ST`, `04/2016/AL`. */
  number?: string;
  court?: string;
  /** ISO date of the judgment (precedents: the day the Council of Judges adopted it). */
  date?: string;
  /** Precedents: the level of the source decision. */
  level?: JudgmentLevel;
  /** `dân sự`, `hôn nhân và gia đình`, `kinh doanh thương mại`, `lao động`, `hành chính`, `hình sự`. */
  caseType?: string;
  /** The dispute's name: the database `case_name:` when present, else the `V/v` subject. */
  caseName?: string;
  /** The `V/v` line under the number (`Tranh chấp về bồi thường thiệt hại ngoài hợp đồng`). */
  subject?: string;
  parties: Party[];
  /** In text order; offsets into the text given to the parser. */
  sections: Section[];
  outcome: JudgmentOutcome;
}

const DUMP_HEADER_RE = /^\s*\*+\s*\d+\.\s*row\s*\*+\s*\n/u;
const CASE_NAME_RE = /^[^\S\n]*case_name:[^\S\n]*([^\n]*)/mu;
const BODY_MARK_RE = /^[^\S\n]*judgment_text:[^\S\n]*/mu;
const PRECEDENT_NUMBER_RE = /Án[^\S\n]+lệ[^\S\n]+số[^\S\n]*:?[^\S\n]*(\d{1,3})[^\S\n]*\/[^\S\n]*(\d{4})[^\S\n]*\/[^\S\n]*AL/iu;

function isPrecedent(text: string, bodyStart: number): boolean {
  const head = text.slice(bodyStart, bodyStart + 400);
  return /^\s*ÁN[^\S\n]+LỆ[^\S\n]+SỐ/iu.test(head) || hasPrecedentSource(text, bodyStart);
}

function displayDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function parsePrecedent(text: string, bodyStart: number, caseName: string | undefined): ParsedJudgment {
  const sections = precedentSections(text, bodyStart);
  const numberMatch = PRECEDENT_NUMBER_RE.exec(text.slice(bodyStart));
  const number = numberMatch ? `${numberMatch[1]}/${numberMatch[2]}/AL` : undefined;
  const adopted = /thông[^\S\n]+qua[^\S\n]+ngày[^\S\n]+([^\n]{0,40})/iu.exec(text);
  const dateMatch = adopted ? DATE_RE.exec(adopted[1]!) : null;
  const date = dateMatch ? isoDate(dateMatch) : undefined;
  const about = /^[^\S\n]*Về[^\S\n]+([^\n]+)/mu.exec(text.slice(bodyStart, bodyStart + 600));
  const subject = about ? about[1]!.trim().replace(/^vụ[^\S\n]+án[^\S\n]+/iu, '').replace(/^[“"]|[”"]$/g, '') : undefined;
  const sourceSection = sections.find((s) => s.heading === SECTION.source);
  const sourceText = sourceSection ? text.slice(sourceSection.start, sourceSection.end) : text.slice(bodyStart, bodyStart + 2000);
  const decision = sections.find((s) => s.heading === SECTION.decision);
  const name = caseName ?? subject;
  const title = [`Án lệ${number ? ` số ${number}` : ''}`, about ? `về ${about[1]!.trim().replace(/^Về[^\S\n]+/iu, '')}` : undefined].filter(Boolean).join(' ');
  const caseType = findCaseType(undefined, sourceText);
  const level = findLevel(undefined, sourceText);
  return {
    kind: 'precedent',
    docType: 'Án lệ',
    title,
    ...(number ? { number } : {}),
    court: 'Hội đồng Thẩm phán Toà án nhân dân tối cao',
    ...(date ? { date } : {}),
    ...(level ? { level } : {}),
    ...(caseType ? { caseType } : {}),
    ...(name ? { caseName: name } : {}),
    ...(subject ? { subject } : {}),
    parties: inlineParties(sourceText),
    sections,
    outcome: decision ? findOutcome(text.slice(decision.start, decision.end)) : 'unknown',
  };
}

/** Parses a normalised judgment or precedent text into its header facts, parties, sections and outcome. */
export function parseJudgment(text: string): ParsedJudgment {
  // Database dumps open with `*** 4101. row ***`, `case_name: …`, `judgment_text: …`.
  const dump = DUMP_HEADER_RE.exec(text);
  const caseName = CASE_NAME_RE.exec(text.slice(0, 2000))?.[1]?.trim() || undefined;
  const bodyMark = BODY_MARK_RE.exec(text.slice(0, 3000));
  const bodyStart = bodyMark ? bodyMark.index + bodyMark[0].length : dump ? dump[0].length : 0;

  if (isPrecedent(text, bodyStart)) return parsePrecedent(text, bodyStart, caseName);

  const sections = judgmentSections(text, bodyStart);
  const numberHit = findNumber(text, bodyStart);
  const number = numberHit?.number;
  const date = findDate(text, bodyStart, numberHit?.end);
  const court = findCourt(text, bodyStart);
  const subject = findSubject(text, bodyStart);
  const facts = sections.find((s) => s.heading === SECTION.facts);
  const decision = sections.find((s) => s.heading === SECTION.decision);
  const headerText = text.slice(bodyStart, facts?.start ?? Math.min(text.length, bodyStart + 6000));
  const caseType = findCaseType(number, headerText);
  const level = findLevel(number, headerText);
  const name = caseName ?? subject;
  const title = [
    `Bản án${number ? ` số ${number}` : ''}`,
    date ? `ngày ${displayDate(date)}` : undefined,
    court ? `của ${lowerFirst(court).replace(/^toà/u, 'Toà')}` : undefined,
    !number && name ? `về ${lowerFirst(name)}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    kind: 'judgment',
    docType: 'Bản án',
    title,
    ...(number ? { number } : {}),
    ...(court ? { court } : {}),
    ...(date ? { date } : {}),
    ...(level ? { level } : {}),
    ...(caseType ? { caseType } : {}),
    ...(name ? { caseName: name } : {}),
    ...(subject ? { subject } : {}),
    parties: findParties(text, bodyStart, facts?.start ?? Math.min(text.length, bodyStart + 6000)),
    sections,
    outcome: decision ? findOutcome(text.slice(decision.start, decision.end)) : 'unknown',
  };
}

