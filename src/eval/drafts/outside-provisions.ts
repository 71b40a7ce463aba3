import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { normalizeVietnamese } from '../../text/normalize.js';

/** A provision of a law outside the corpus, as the Pháp điển dump quotes it. */
export interface OutsideProvision {
  /** The source law's number (`13/2017/QH14`). */
  number: string;
  title: string;
  text: string;
}

const HEADING_RE = /^Điều\s+[\d.]+[A-ZĐ.\d]*\.\s+(.*)$/u;
const CITATION_RE = /^\((?:Điều|Khoản|Điểm)\s+\S+\s+(?:Luật|Bộ luật)\s+số\s+(\d+\/\d{4}\/QH\d+)/u;

async function* markdownFiles(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* markdownFiles(p);
    else if (e.name.endsWith('.md')) yield p;
  }
}

/**
 * Provisions of laws passed by the Quốc hội that the corpus does not hold, read from the Pháp
 * điển archive: each topic page quotes a provision as `Điều 5.2.LQ.2. Title`, a citation line
 * `(Điều 2 Luật số 58/2010/QH12 …)`, then the text. These are real rules on other subjects.
 */
export async function outsideProvisions(archive: string, corpusNumbers: Set<string>): Promise<OutsideProvision[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'drafts-phapdien-'));
  try {
    await promisify(execFile)('tar', ['-xzf', archive, '-C', dir], { maxBuffer: 16 * 1024 * 1024 });
    const out: OutsideProvision[] = [];
    const seen = new Set<string>();
    for await (const file of markdownFiles(dir)) {
      const lines = normalizeVietnamese(await readFile(file, 'utf8')).split('\n').map((l) => l.trim());
      for (let i = 0; i < lines.length - 2; i++) {
        const h = HEADING_RE.exec(lines[i]!);
        if (!h) continue;
        let j = i + 1;
        while (j < lines.length && !lines[j]) j++;
        const c = CITATION_RE.exec(lines[j] ?? '');
        if (!c || corpusNumbers.has(c[1]!)) continue;
        let k = j + 1;
        while (k < lines.length && !lines[k]) k++;
        const body = lines[k] ?? '';
        if (body.length < 60 || body.length > 400 || HEADING_RE.test(body) || body.startsWith('(') || body.startsWith('#') || !/[.;]$/.test(body)) continue;
        if (seen.has(body)) continue;
        seen.add(body);
        out.push({ number: c[1]!, title: h[1]!, text: body.replace(/^\d+\.\s+/u, '') });
      }
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
