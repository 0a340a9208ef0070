import type { Stats } from 'node:fs';
import fsSync from 'node:fs';
import path from 'node:path';

// One lstat per listed name (never following a symlink), shared by the checks that run before a
// claim: a note being written, a file still settling. A name gone since the listing has no entry.
export function statEntries(dir: string, names: string[]): Map<string, Stats> {
  const stats = new Map<string, Stats>();
  for (const name of names) {
    const stat = fsSync.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat) stats.set(name, stat);
  }
  return stats;
}
