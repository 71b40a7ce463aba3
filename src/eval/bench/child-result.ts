/** Marker of the one stdout line a bench child writes its result on. */
export const RESULT_MARKER = 'BENCH_RESULT ';

/** Writes a child's result line, with the child's own peak RSS (maxRSS is in KiB on Linux). */
export function emitResult(result: object): void {
  const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify({ ...result, peakRssMb })}\n`);
}
