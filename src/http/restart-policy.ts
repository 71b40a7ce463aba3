/** Delays before restarting a dead worker: 1 s doubling to a minute while workers keep dying young. */
export interface RestartPolicy {
  /** The delay before the next restart, given how long the dead worker lived. */
  next(livedMs: number): number;
}

export function restartPolicy(o: { firstMs?: number; maxMs?: number; healthyAfterMs?: number } = {}): RestartPolicy {
  const first = o.firstMs ?? 1_000;
  const max = o.maxMs ?? 60_000;
  const healthy = o.healthyAfterMs ?? 60_000;
  let streak = 0;
  return {
    next(livedMs: number): number {
      // A worker that served for a while died of something new: start the backoff again.
      streak = livedMs >= healthy ? 1 : streak + 1;
      return Math.min(max, first * 2 ** (streak - 1));
    },
  };
}
