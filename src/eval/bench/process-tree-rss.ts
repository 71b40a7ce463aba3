import { readdir, readFile } from 'node:fs/promises';

/** Resident memory (MB) of a process and all its descendants, from /proc (Linux); 0 elsewhere. */
export async function processTreeRssMb(rootPid: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir('/proc');
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const rssKb = new Map<number, number>();
  await Promise.all(
    names.filter((n) => /^\d+$/.test(n)).map(async (n) => {
      try {
        const status = await readFile(`/proc/${n}/status`, 'utf8');
        const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
        parent.set(Number(n), ppid);
        rssKb.set(Number(n), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      } catch {
        // the process ended meanwhile
      }
    }),
  );
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, kb] of rssKb) if (inTree(pid)) total += kb;
  return Math.round(total / 1024);
}
