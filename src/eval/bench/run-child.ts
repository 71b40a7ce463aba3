import { spawn } from 'node:child_process';
import path from 'node:path';
import { RESULT_MARKER } from './child-result.js';

const TSX = path.resolve('node_modules/.bin/tsx');

/**
 * Runs a TypeScript bench script in its own process, so that its peak RSS is its own and not the
 * harness's, and returns the result line it printed; its stderr lines go to `onStderr` as they come.
 * Killed (its whole process group) after `timeoutMs`.
 */
export function runChild<T>(script: string, args: string[], timeoutMs: number, onStderr: (line: string) => void = () => undefined, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      err = (err + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) onStderr(line);
    });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${path.basename(script)} ran past ${Math.round(timeoutMs / 1000)} s and was stopped`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code === 0 && line) resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as T);
      else reject(new Error(`${path.basename(script)} exited with ${code}: ${err.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}
