import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Parser, type ReadEntry } from 'tar';
import { provisionsOfPage, type PhapdienProvision } from './phapdien-page.js';

export interface PhapdienReadReport {
  pages: number;
  /** Provisions handed to the callback: full texts, then digest entries of provisions with none. */
  provisions: number;
  /** Of which digest entries. */
  digests: number;
  /** Repeats of a provision already read (the same Pháp điển number on another page). */
  duplicates: number;
}

export interface PhapdienReadOptions {
  onProvision: (p: PhapdienProvision, page: string) => void;
  /** Compressed bytes read so far and in all, for a progress bar. */
  onBytes?: (read: number, total: number) => void;
  /** Stop after this many provisions (quick runs and tests). */
  maxProvisions?: number;
}

/**
 * Streams the Pháp điển archive (`.tar.gz` of Markdown pages) through node-tar page by page,
 * without unpacking it anywhere. Entries are visited in archive order, so a run over the same
 * archive always yields the same sequence; neighbouring provisions share a topic.
 */
export async function readPhapdien(archive: string, o: PhapdienReadOptions): Promise<PhapdienReadReport> {
  const total = (
    await stat(archive).catch((cause: unknown) => {
      throw new Error(`Pháp điển archive not found: ${archive} (set PHAPDIEN_ARCHIVE or pass --archive)`, { cause });
    })
  ).size;
  const report: PhapdienReadReport = { pages: 0, provisions: 0, digests: 0, duplicates: 0 };
  const seen = new Set<string>();
  const digests = new Map<string, { p: PhapdienProvision; page: string }>();
  const max = o.maxProvisions ?? Infinity;
  const input = createReadStream(archive);
  let stop: () => void = () => undefined;
  const parser = new Parser({
    onReadEntry: (entry: ReadEntry) => {
      if (report.provisions >= max || entry.type !== 'File' || !entry.path.toLowerCase().endsWith('.md')) {
        entry.resume();
        return;
      }
      const parts: Buffer[] = [];
      entry.on('data', (b: Buffer) => parts.push(b));
      entry.on('end', () => {
        if (report.provisions >= max) return;
        report.pages++;
        for (const p of provisionsOfPage(Buffer.concat(parts).toString('utf8'))) {
          if (p.digest) {
            if (p.id && !digests.has(p.id)) digests.set(p.id, { p, page: entry.path });
            continue;
          }
          if (p.id && seen.has(p.id)) {
            report.duplicates++;
            continue;
          }
          if (report.provisions >= max) break;
          if (p.id) seen.add(p.id);
          report.provisions++;
          o.onProvision(p, entry.path);
        }
        if (report.provisions >= max) stop();
      });
    },
  });
  let read = 0;
  await new Promise<void>((resolve, reject) => {
    stop = () => {
      input.unpipe(parser);
      input.destroy();
      resolve();
    };
    input.on('data', (b) => {
      read += b.length;
      o.onBytes?.(read, total);
    });
    input.on('error', reject);
    parser.on('error', reject);
    parser.on('end', resolve);
    input.pipe(parser);
  });
  // Digest entries stand in for provisions whose page was truncated before their full text.
  for (const [id, d] of digests) {
    if (report.provisions >= max) break;
    if (seen.has(id)) continue;
    report.provisions++;
    report.digests++;
    o.onProvision(d.p, d.page);
  }
  return report;
}
