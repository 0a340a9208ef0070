// At most `limit` tasks at once; the rest wait their turn in the order they asked.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

// Used by the command planner (planner.concurrency programs at once) and the content readers (one
// reader process at a time), however many items a stage hands them together.
export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a whole number ≥ 1, got ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < limit) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  };
}
