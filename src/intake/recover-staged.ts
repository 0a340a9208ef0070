import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/logger.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { moveNoOverwrite } from '../vault/files.js';
import { attachmentOf } from '../vault/companion.js';
import type { VaultLayout } from '../vault/layout.js';
import { listNotes, readNoteFrontmatter } from '../vault/read-note-head.js';
import { listStaged, releaseClaim, type StagedEntry } from './staging.js';

export interface RecoveryResult {
  // Staged files whose intake must be redone, with the id they were claimed under.
  redo: { id: string; stagedFile: string; name: string }[];
  finished: number;
}

// After a crash: finish or undo every claim left in staging, using the item's id to tell a
// committed item from one that never reached Needs_Action/.
export async function recoverStaged(layout: VaultLayout, log: Logger): Promise<RecoveryResult> {
  const staged = await listStaged(layout);
  const result: RecoveryResult = { redo: [], finished: 0 };
  if (staged.length === 0) return result;
  const committed = await indexItemsById(layout.needsAction);
  for (const entry of staged) {
    if (!entry.name) {
      await fs.rmdir(entry.dir).catch(() => {});
      continue;
    }
    const stagedFile = path.join(entry.dir, entry.name);
    const item = committed.get(entry.id);
    if (!item) {
      result.redo.push({ id: entry.id, stagedFile, name: entry.name });
      continue;
    }
    await finishCommitted(layout, entry, stagedFile, item);
    result.finished++;
  }
  if (result.finished > 0) log.info(`recovered ${result.finished} item(s) left in flight by an earlier run`);
  return result;
}

async function finishCommitted(layout: VaultLayout, entry: StagedEntry, stagedFile: string, item: { attachment?: string }) {
  if (!item.attachment) {
    await releaseClaim(stagedFile);
    return;
  }
  const target = path.join(layout.needsAction, path.basename(item.attachment));
  const [a, b] = await Promise.all([fs.stat(stagedFile), fs.stat(target).catch(() => undefined)]);
  if (b && a.ino === b.ino && a.dev === b.dev) await releaseClaim(stagedFile);
  else if (!b && (await moveNoOverwrite(stagedFile, target))) await fs.rmdir(entry.dir).catch(() => {});
}

async function indexItemsById(dir: string): Promise<Map<string, { name: string; attachment?: string }>> {
  const names = await listNotes(dir);
  const index = new Map<string, { name: string; attachment?: string }>();
  await mapWithLimit(names, 64, async (name) => {
    const data = await readNoteFrontmatter(path.join(dir, name));
    if (typeof data?.id !== 'string') return;
    index.set(data.id, { name, attachment: attachmentOf(name, data) });
  });
  return index;
}
