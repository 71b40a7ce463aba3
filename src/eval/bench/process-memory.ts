import { readdir, readFile } from 'node:fs/promises';

export interface ProcessMemory {
  pid: number;
  parent: number;
  command: string;
  rssMb: number;
  /** Peak resident set (VmHWM). */
  peakRssMb: number;
}

const kb = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);

/** A process and its descendants with their resident memory, from /proc (Linux only; empty elsewhere). */
export async function processTreeMemory(root: number): Promise<ProcessMemory[]> {
  let pids: number[];
  try {
    pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d)).map(Number);
  } catch {
    return [];
  }
  const all: ProcessMemory[] = [];
  for (const pid of pids) {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ').trim();
      all.push({ pid, parent: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0), command, rssMb: Math.round(kb(status, 'VmRSS') / 1024), peakRssMb: Math.round(kb(status, 'VmHWM') / 1024) });
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.parent)) grew = tree.add(p.pid).size > 0;
  }
  return all.filter((p) => tree.has(p.pid));
}
