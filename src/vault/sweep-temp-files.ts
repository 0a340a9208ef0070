import fs from 'node:fs/promises';
import path from 'node:path';
import { removeFile, TEMP_PREFIX } from './files.js';
import type { VaultLayout } from './layout.js';

const TEMP_NAME = new RegExp(`^${TEMP_PREFIX.replace(/[.]/g, '\\.')}[0-9a-f]{12}$`);

// Run once, by the lock holder, before anything else writes: a process killed between writing a
// temporary file and renaming it leaves that temp file behind, and nobody else will ever remove it.
export async function removeLeftoverTempFiles(layout: VaultLayout): Promise<number> {
  const months = await fs.readdir(layout.done, { withFileTypes: true }).catch(() => []);
  const dirs = [
    layout.root,
    layout.needsAction,
    layout.plans,
    layout.briefings,
    layout.logs,
    layout.agentDir,
    path.join(layout.agentDir, 'journal'),
    ...months.filter((m) => m.isDirectory()).map((m) => path.join(layout.done, m.name)),
  ];
  let removed = 0;
  for (const dir of dirs) {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !TEMP_NAME.test(entry.name)) continue;
      await removeFile(path.join(dir, entry.name));
      removed++;
    }
  }
  return removed;
}
