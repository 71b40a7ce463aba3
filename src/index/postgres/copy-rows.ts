import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value in COPY's text format. */
export type CopyValue = string | number | null | undefined | CopyArray | Uint8Array | { json: unknown };
type CopyArray = ArrayLike<number>;

const escapeText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

function arrayLiteral(a: CopyArray): string {
  let s = '{';
  for (let i = 0; i < a.length; i++) s += (i ? ',' : '') + a[i]!;
  return `${s}}`;
}

/** One field of a COPY text row: tabs, newlines and backslashes escaped; arrays as `{…}`, bytes as hex. */
export function copyField(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeText(v);
  if (typeof v === 'number') return String(v);
  if (v instanceof Uint8Array) return `\\\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if ('json' in v) return escapeText(JSON.stringify(v.json));
  return arrayLiteral(v);
}

/**
 * Streams rows into a table with `COPY … FROM STDIN` (pg-copy-streams): rows are batched into
 * ~256 KB writes and the stream's backpressure is honoured, so millions of postings rows cost
 * little memory.
 */
export async function copyRows(client: pg.PoolClient | pg.Client, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  let buf = '';
  let n = 0;
  const failed = once(stream, 'error').then(([e]: unknown[]) => Promise.reject(e as Error));
  failed.catch(() => undefined);
  const write = async (s: string) => {
    if (!stream.write(s)) await Promise.race([once(stream, 'drain'), failed]);
  };
  for (const row of rows) {
    buf += `${row.map(copyField).join('\t')}\n`;
    n++;
    if (buf.length > 262_144) {
      await write(buf);
      buf = '';
    }
  }
  if (buf) await write(buf);
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  return n;
}
