/** A reporting period named in a question, as a closed ISO date range. */
export interface Period {
  label: string;
  from: string;
  to: string;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Finds `quý III/2023`, `quý 3 năm 2023`, `tháng 8/2022`, `năm 2023` in a question. */
export function findPeriod(text: string): Period | undefined {
  const t = text.toLowerCase();
  let m = t.match(/quý\s+(iv|iii|ii|i|[1-4])\s*(?:\/|-|năm)\s*(\d{4})/u);
  if (m) {
    const q = ROMAN[m[1]!] ?? Number(m[1]);
    const y = m[2]!;
    const startMonth = (q - 1) * 3 + 1;
    return { label: `quý ${q}/${y}`, from: `${y}-${String(startMonth).padStart(2, '0')}-01`, to: `${y}-${String(startMonth + 2).padStart(2, '0')}-31` };
  }
  m = t.match(/tháng\s+(\d{1,2})\s*(?:\/|-|năm)\s*(\d{4})/u);
  if (m) {
    const mo = String(Number(m[1])).padStart(2, '0');
    return { label: `tháng ${Number(m[1])}/${m[2]}`, from: `${m[2]}-${mo}-01`, to: `${m[2]}-${mo}-31` };
  }
  m = t.match(/năm\s+(\d{4})/u);
  if (m) return { label: `năm ${m[1]}`, from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  return undefined;
}
