import type { Section } from '../types/legal-document.js';
import { toIsoDate } from './parse-metadata.js';

export interface BriefingInfo {
  title: string;
  meetingDate?: string;
  period?: string;
  sections: Section[];
}

const MAX_SECTION_CHARS = 1200;

function isHeading(p: string): boolean {
  if (p.length > 160) return false;
  const letters = p.replace(/[^\p{L}]/gu, '');
  return (letters.length > 8 && letters === letters.toUpperCase()) || /:\s*$/.test(p) || /^Lĩnh vực\b/i.test(p);
}

/** The period a briefing's figures refer to: `quý III/2023`, `tháng 8/2022`, `năm 2023`. */
export function findPeriod(s: string): string | undefined {
  const q = s.match(/quý\s+([IVX]+|\d)\s*[/-]\s*(\d{4})/i);
  if (q) return `Quý ${q[1]!.toUpperCase()}/${q[2]}`;
  const m = s.match(/tháng\s+(\d{1,2})\s*[/-]\s*(\d{4})/i);
  if (m) return `Tháng ${m[1]}/${m[2]}`;
  const y = s.match(/(?:tổng kết|năm)\s+(?:công tác\s+)?(?:năm\s+)?(\d{4})/i);
  if (y) return `Năm ${y[1]}`;
  return undefined;
}

/**
 * Parses a cleaned briefing page: title (first line), meeting date (file name `YYYY-MM-DD-…` first,
 * then the first date in the text), the period, and paragraph groups of at most ~1200 characters
 * that start at headings.
 */
export function parseBriefing(text: string, fileName: string): BriefingInfo {
  const firstLine = text.split('\n').find((l) => l.trim())?.trim() ?? '';
  const fromName = fileName.match(/(\d{4})-(\d{2})-(\d{2})/);
  const meetingDate = fromName ? `${fromName[1]}-${fromName[2]}-${fromName[3]}` : toIsoDate(text.slice(0, 600));
  const period = findPeriod(firstLine.slice(0, 200)) ?? findPeriod(fileName.replace(/-/g, ' ')) ?? findPeriod(text.slice(0, 800));
  // Some pages open straight into the lead paragraph; name those after their meeting.
  const title = firstLine && firstLine.length <= 150 ? firstLine : `Giao ban quản lý nhà nước${period ? ` ${period.toLowerCase()}` : ''}`;

  const sections: Section[] = [];
  let heading = title;
  let start = -1;
  let end = 0;
  const flush = () => {
    if (start >= 0) sections.push({ heading, start, end });
    start = -1;
  };
  const re = /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    const p = m[0];
    const pStart = m.index;
    const pEnd = pStart + p.length;
    if (isHeading(p.trim())) {
      flush();
      heading = p.trim().replace(/:$/, '');
    }
    if (start >= 0 && pEnd - start > MAX_SECTION_CHARS) flush();
    if (start < 0) start = pStart;
    end = pEnd;
  }
  flush();
  return { title, meetingDate, period, sections };
}
