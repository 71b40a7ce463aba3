import { randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Who holds an index folder's ingest lock. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

/** Another ingest (a server worker or the CLI) is writing this index folder. */
export class IngestLockedError extends Error {
  override readonly name = 'IngestLockedError';
  constructor(readonly holder: LockHolder | undefined) {
    super(`another ingest is running on this index${holder ? ` (pid ${holder.pid} on ${holder.host} since ${holder.since})` : ''}`);
  }
}

const LOCK_FILE = 'ingest.lock';
// A lock file is written right after it is created; an empty one younger than this is being written.
const WRITE_GRACE_MS = 10_000;

function isAlive(h: LockHolder): boolean {
  // A holder on another machine (a shared folder) cannot be checked from here: assume it is alive.
  if (h.host !== os.hostname()) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | 'missing' | 'unreadable'> {
  try {
    const raw = await readFile(file, 'utf8');
    const h = JSON.parse(raw) as Partial<LockHolder>;
    return typeof h.pid === 'number' && typeof h.token === 'string' ? (h as LockHolder) : 'unreadable';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
}

/**
 * Removes a dead holder's lock. It is renamed aside first, so of two processes that both found it
 * stale only one removes it; one that moved a fresh lock instead puts it back and reports it.
 */
async function removeStale(file: string, stale: LockHolder | undefined): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomUUID()}`;
  try {
    await rename(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await readHolder(aside);
  if (typeof moved === 'object' && stale && moved.token !== stale.token) {
    await link(aside, file).catch(() => undefined);
    await unlink(aside).catch(() => undefined);
    throw new IngestLockedError(moved);
  }
  await unlink(aside).catch(() => undefined);
}

async function acquire(indexDir: string): Promise<{ file: string; holder: LockHolder }> {
  await mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const fh = await open(file, 'wx');
      try {
        await fh.writeFile(JSON.stringify(holder));
      } finally {
        await fh.close();
      }
      return { file, holder };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = await readHolder(file);
    if (current === 'missing') continue;
    if (current === 'unreadable') {
      const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age < WRITE_GRACE_MS) throw new IngestLockedError(undefined);
      await removeStale(file, undefined);
      continue;
    }
    if (isAlive(current)) throw new IngestLockedError(current);
    await removeStale(file, current);
  }
  throw new IngestLockedError(undefined);
}

/**
 * Runs `fn` holding the index folder's ingest lock (`ingest.lock`, created with O_EXCL), so one
 * ingest at a time writes a folder whichever process started it: server workers, the CLI, tests.
 * A lock left by a killed process (its pid is gone) is taken over; a live one throws
 * {@link IngestLockedError} at once rather than waiting.
 */
export async function withIngestLock<T>(indexDir: string, fn: () => Promise<T>): Promise<T> {
  const { file, holder } = await acquire(indexDir);
  try {
    return await fn();
  } finally {
    const current = await readHolder(file);
    if (typeof current === 'object' && current.token === holder.token) await unlink(file).catch(() => undefined);
  }
}
