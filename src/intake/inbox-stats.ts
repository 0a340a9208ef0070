import type { Stats } from 'node:fs';
import fsSync from 'node:fs';
import path from 'node:path';

// What the checks before a claim need of a file: a note being written, a file still settling.
export type EntryTimes = Pick<Stats, 'size' | 'mtimeMs' | 'birthtimeMs'>;

// One lstat per listed name (never following a symlink), shared by those checks. Only the three
// numbers are kept: 100,000 whole Stats objects were ~30 MB of a big first import's peak.
// A name gone since the listing has no entry.
export function statEntries(dir: string, names: string[]): Map<string, EntryTimes> {
  const times = new Map<string, EntryTimes>();
  for (const name of names) {
    const stat = fsSync.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat) times.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, birthtimeMs: stat.birthtimeMs });
  }
  return times;
}
