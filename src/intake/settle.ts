import fsSync from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { EntryTimes } from './inbox-stats.js';

// Files still being written are left for a later run: any file modified within `settleMs` of its
// stat in `stats` is stat'ed again after one shared wait, and taken only if it did not change.
export async function settledNames(dir: string, names: string[], stats: ReadonlyMap<string, EntryTimes>, settleMs: number, now: Date, signal: AbortSignal): Promise<{ settled: string[]; busy: string[] }> {
  const settled: string[] = [];
  const recent: { name: string; stat: EntryTimes }[] = [];
  for (const name of names) {
    const stat = stats.get(name);
    if (!stat) continue;
    if (settleMs > 0 && now.getTime() - stat.mtimeMs < settleMs) recent.push({ name, stat });
    else settled.push(name);
  }
  if (recent.length === 0) return { settled, busy: [] };
  await delay(settleMs, undefined, { signal }).catch(() => {});
  const busy: string[] = [];
  await Promise.all(
    recent.map(async ({ name, stat }) => {
      const again = fsSync.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
      if (again && again.size === stat.size && again.mtimeMs === stat.mtimeMs) settled.push(name);
      else if (again) busy.push(name);
    }),
  );
  return { settled: settled.sort(), busy };
}
