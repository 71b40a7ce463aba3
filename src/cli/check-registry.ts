import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import { loadConfig } from '../config.js';
import { parseLegalStructure } from '../ingest/parse-structure.js';
import { loadRegistry } from '../registry/load-registry.js';
import { bodyKey, collectEvidence } from '../registry/phapdien-evidence.js';
import { readTextFacts } from '../registry/text-facts.js';
import { foldDiacritics } from '../text/fold.js';
import { normalizeVietnamese } from '../text/normalize.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run check-registry -- [--archive <phapdien tar.gz>]
  Re-reads every registry record's facts from the corpus text and the Pháp điển archive and prints,
  field by field, what agrees (✓), disagrees (✗) or has no evidence (–). Exit code 1 on a disagreement.`;

async function* pages(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* pages(p);
    else if (e.name.endsWith('.md')) yield normalizeVietnamese(await readFile(p, 'utf8'));
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { archive: { type: 'string', default: '../shared/datasets/phapdien-van-ban-md.tar.gz' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const registry = await loadRegistry(config.REGISTRY_FILE);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'registry-check-'));
  let evidence;
  const all: string[] = [];
  try {
    await promisify(execFile)('tar', ['-xzf', path.resolve(values.archive), '-C', dir], { maxBuffer: 16 * 1024 * 1024 });
    for await (const p of pages(dir)) all.push(p);
    evidence = collectEvidence(all);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  let bad = 0;
  const mark = (ok: boolean | undefined) => (ok === undefined ? '–' : ok ? '✓' : (bad++, '✗'));
  const folded = all.map((p) => foldDiacritics(p.toLowerCase()));
  console.log('document'.padEnd(44), 'number(text/dump-articles/dump-name)', 'issued(text/dump)', 'signer(text)', 'effective(text/dump)', 'amendedBy(dump)');
  for (const r of registry.records.values()) {
    const text = normalizeVietnamese(await readFile(path.join(config.CORPUS_DIR, `${r.id}.txt`), 'utf8'));
    const t = readTextFacts(text);
    const keys = new Set(parseLegalStructure(text).map((a) => bodyKey(text.slice(a.bodyStart, a.end).trim())).filter((k) => k.length >= 40));
    // The number the dump quotes most of this text's articles under.
    // A single shared sentence is a restatement, not the same law: a number needs three articles and a tenth of the text.
    const votes = [...evidence].map(([n, e]) => [n, [...keys].filter((k) => e.bodies.has(k)).length] as const).filter(([, v]) => v >= 3 && v >= keys.size / 10).sort((a, b) => b[1] - a[1]);
    // Pages that name it with its number: `Luật Căn cước số 26/2023/QH15`, `Luật 20/2023/QH15 Giao dịch điện tử`, `Luật 28/2023/QH15 Luật Tài nguyên nước`.
    const title = foldDiacritics(r.title.replace(/\s+\d{4}$/u, '').toLowerCase());
    const num = r.number?.toLowerCase();
    const named = num ? folded.filter((p) => p.includes(`${title} so ${foldDiacritics(num)}`) || p.includes(`${title.split(' ')[0]} ${foldDiacritics(num)} ${title.split(' ').slice(1).join(' ')}`) || p.includes(`luat ${foldDiacritics(num)} ${title}`)).length : 0;
    const e = r.number ? evidence.get(r.number) : undefined;
    const dumpEff = e && e.effectiveDates.size > 0 ? e.effectiveDates.has(r.effectiveDate ?? '') || (r.notes ?? '').includes([...e.effectiveDates][0]!) : undefined;
    const dumpAmend = e && e.amendedBy.size > 0 ? [...e.amendedBy.keys()].every((n) => r.amendedBy?.some((a) => a.number === n)) : undefined;
    const textEff = t.effectiveDate ? t.effectiveDate === r.effectiveDate || (r.notes ?? '').includes(t.effectiveDate) : undefined;
    console.log(
      r.id.padEnd(44),
      `${mark(t.number ? t.number === r.number : undefined)}/${mark(votes.length ? votes[0]![0] === r.number : undefined)}/${named > 0 ? `✓${named}` : '–'} ${votes[0] ? `${votes[0][0]}×${votes[0][1]}` : ''}`.padEnd(36),
      `${mark(t.passedDate ? t.passedDate === r.issuedDate : undefined)}/${mark(e && e.issuedDates.size ? e.issuedDates.has(r.issuedDate ?? '') : undefined)}`.padEnd(17),
      mark(t.signer ? foldDiacritics(t.signer) === foldDiacritics(r.signer ?? '') : undefined).padEnd(12),
      `${mark(textEff)}/${mark(dumpEff)}`.padEnd(20),
      `${mark(dumpAmend)} ${e ? [...e.amendedBy.keys()].join(', ') : ''}`,
    );
  }
  console.log(bad === 0 ? '\nNo disagreement.' : `\n${bad} disagreement(s).`);
  return bad === 0 ? 0 : 1;
}

runMain(main);
