import { toIsoDate } from '../ingest/parse-metadata.js';

/** What a law's own text says about its identity: read to check the registry, never to fill it. */
export interface TextFacts {
  /** `Số: 100/2015/QH13` in the header (the codes; the laws in `laws/` have no header). */
  number?: string;
  /** The closing formula's date: `… thông qua ngày 24 tháng 11 năm 2015`. */
  passedDate?: string;
  /** The name under `CHỦ TỊCH QUỐC HỘI` at the end. */
  signer?: string;
  /** Clause 1 of the `Hiệu lực thi hành` article: `… có hiệu lực thi hành từ ngày 01 tháng 01 năm 2017`. */
  effectiveDate?: string;
}

/** Reads the number, passing date, signer and effective date a law's text states. */
export function readTextFacts(text: string): TextFacts {
  const facts: TextFacts = {};
  const num = /(?:^|\n)[^\n]{0,20}số\s*:\s*(\d{1,4}\/\d{4}\/[A-ZĐ0-9-]+)/iu.exec(text.slice(0, 1500));
  if (num) facts.number = num[1]!;
  // The closing formula and signature end the law, before any appendix table.
  const closing = text.lastIndexOf('thông qua ngày');
  const tail = closing >= 0 ? text.slice(Math.max(0, closing - 200), closing + 600) : text.slice(-4000);
  const passed = [...tail.matchAll(/thông qua ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/giu)].at(-1);
  if (passed) facts.passedDate = toIsoDate(`ngày ${passed[1]} tháng ${passed[2]} năm ${passed[3]}`);
  const sig = /CH(?:Ủ|Ủ) TỊCH(?: QUỐC HỘI)?|CHAIRMAN/u.exec(tail);
  if (sig) {
    const after = tail.slice(sig.index + sig[0].length).split('\n').map((l) => l.replace(/\(Đã ký\)|Đã ký:?|E-?pas{1,2}:?\s*\d+/giu, '').trim()).filter((l) => l && !/^CH(?:Ủ|Ủ) TỊCH/u.test(l));
    const name = after.find((l) => /^[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){1,4}$/u.test(l));
    if (name) facts.signer = name;
  }
  const eff = /có hiệu lực thi hành (?:kể )?từ ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text.slice(Math.max(0, text.search(/Điều\s+\d+\.\s*(?:Hiệu lực thi hành|Điều khoản thi hành)/u))));
  if (eff) facts.effectiveDate = toIsoDate(`ngày ${eff[1]} tháng ${eff[2]} năm ${eff[3]}`);
  return facts;
}
