import { toIsoDate } from '../ingest/parse-metadata.js';
import { foldDiacritics } from '../text/fold.js';

/** What the Pháp điển pages say about one document number. */
export interface NumberEvidence {
  /** `Viên chức ngày 15/11/2010 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2012` → dates. */
  issuedDates: Set<string>;
  effectiveDates: Set<string>;
  /** Amending documents its provisions cite (`có nội dung được sửa đổi … bởi Điều 2 Luật số 52/2019/QH14 …`), with their effective dates. */
  amendedBy: Map<string, Set<string>>;
  /** Keys (folded first 80 characters) of the provision texts quoted under this number. */
  bodies: Set<string>;
}

const HEADING_RE = /^Điều\s+[\d.]+[A-ZĐ.\d]*\.\s+/u;
const CITATION_RE = /^\((?:Điều|Khoản|Điểm)\s+\S+\s+(?:Bộ luật|Luật|Hiến pháp|Nghị quyết|Pháp lệnh)[^()]*?số\s+(\d+\/\d{4}\/QH\d+)(.*)\)$/u;
const FIRST_RE = /ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})\s+của\s+[^,]+,\s*có hiệu lực thi hành kể từ ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/u;
const AMEND_RE = /((?:Luật|Bộ luật|Nghị quyết)\s+số\s+(\d+\/\d{4}\/QH\d+))\s+có hiệu lực thi hành kể từ ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/gu;

/** The comparable key of a provision's text: folded, letters and digits only, first 80 characters. */
export const bodyKey = (text: string) => foldDiacritics(text.normalize('NFC').toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim().slice(0, 80);

/** Collects, per document number, the dates, amendments and provision texts the Pháp điển pages cite. */
export function collectEvidence(pages: Iterable<string>): Map<string, NumberEvidence> {
  const out = new Map<string, NumberEvidence>();
  const get = (n: string) => {
    let e = out.get(n);
    if (!e) out.set(n, (e = { issuedDates: new Set(), effectiveDates: new Set(), amendedBy: new Map(), bodies: new Set() }));
    return e;
  };
  for (const page of pages) {
    const lines = page.split('\n').map((l) => l.trim());
    for (let i = 0; i < lines.length; i++) {
      if (!HEADING_RE.test(lines[i]!)) continue;
      let j = i + 1;
      while (j < lines.length && !lines[j]) j++;
      const c = CITATION_RE.exec(lines[j] ?? '');
      if (!c) continue;
      const e = get(c[1]!);
      const first = FIRST_RE.exec(c[2]!);
      if (first) {
        e.issuedDates.add(toIsoDate(first[1]!)!);
        e.effectiveDates.add(toIsoDate(first[2]!)!);
      } else {
        const eff = /có hiệu lực thi hành kể từ ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/u.exec(c[2]!);
        if (eff) e.effectiveDates.add(toIsoDate(eff[1]!)!);
      }
      const by = c[2]!.indexOf(' bởi ');
      if (by >= 0) for (const a of c[2]!.slice(by).matchAll(AMEND_RE)) (e.amendedBy.get(a[2]!) ?? e.amendedBy.set(a[2]!, new Set()).get(a[2]!)!).add(toIsoDate(a[3]!)!);
      let k = j + 1;
      while (k < lines.length && !lines[k]) k++;
      if (lines[k] && !HEADING_RE.test(lines[k]!)) e.bodies.add(bodyKey(lines[k]!));
    }
  }
  return out;
}
