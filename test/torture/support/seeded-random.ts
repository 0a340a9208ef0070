// A seeded PRNG (mulberry32) for torture runs: the seed is printed, and TORTURE_SEED replays a run.
export interface Random {
  seed: number;
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(label: string, env: NodeJS.ProcessEnv = process.env): Random {
  const seed = env.TORTURE_SEED ? Number(env.TORTURE_SEED) >>> 0 : (Date.now() ^ (process.pid << 8)) >>> 0;
  console.log(`[torture] ${label}: seed ${seed} (replay with TORTURE_SEED=${seed})`);
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
