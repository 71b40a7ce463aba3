import { readFileSync, readdirSync } from 'node:fs';
import { passedYear, type LawEntry } from '../../src/retrieval/law-name-resolver.js';

/** Resolver entries for the real corpus: laws titled by their first line, codes by their sidecar. */
export function loadLawEntries(corpus: URL): LawEntry[] {
  const entries: LawEntry[] = [];
  const laws = new URL('laws/', corpus);
  for (const f of readdirSync(laws).filter((n) => n.endsWith('.txt'))) {
    const text = readFileSync(new URL(f, laws), 'utf8');
    const title = text.split('\n')[0]!.trim();
    const year = passedYear(text);
    entries.push({ id: `laws/${f.replace(/\.txt$/, '')}`, title, docType: title.startsWith('Bộ luật') ? 'Bộ luật' : 'Luật', ...(year ? { year } : {}) });
  }
  const codes = new URL('codes/', corpus);
  for (const f of readdirSync(codes).filter((n) => n.endsWith('.meta.json'))) {
    const meta = JSON.parse(readFileSync(new URL(f, codes), 'utf8')) as { ten_van_ban: string; so_hieu_van_ban?: string };
    entries.push({ id: `codes/${f.replace(/\.meta\.json$/, '')}`, title: meta.ten_van_ban, docType: 'Bộ luật', ...(meta.so_hieu_van_ban ? { number: meta.so_hieu_van_ban } : {}) });
  }
  return entries;
}
