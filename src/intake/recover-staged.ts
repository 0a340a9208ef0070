import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../log/logger.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { moveNoOverwrite, removeFile } from '../vault/files.js';
import { readItem } from '../items/item-fields.js';
import { attachmentOf } from '../items/item-note.js';
import type { VaultLayout } from '../vault/layout.js';
import { listNotes } from '../vault/list-items.js';
import { readNoteData } from '../vault/note-file.js';
import { listStaged, releaseClaim, type Claim } from './staging.js';

export interface RecoveryResult {
  // Claims whose intake must be redone, under the id they were claimed with.
  redo: Claim[];
  finished: number;
}

// After a crash: finish or undo every claim left in staging, using the item's id to tell a
// committed item from one that never reached Needs_Action/.
export async function recoverStaged(layout: VaultLayout, log: Logger): Promise<RecoveryResult> {
  const staged = await listStaged(layout);
  const result: RecoveryResult = { redo: [], finished: 0 };
  if (staged.length === 0) return result;
  const committed = await indexItemsById(layout.needsAction);
  for (const claim of staged) {
    const item = committed.get(claim.id);
    if (!item) {
      result.redo.push(claim);
      continue;
    }
    await finishCommitted(layout, claim, item);
    result.finished++;
  }
  if (result.finished > 0) log.info(`recovered ${result.finished} item(s) left in flight by an earlier run`);
  const stale = await removePlansFor(layout, new Set(result.redo.map((claim) => claim.id)));
  if (stale > 0) log.info(`removed ${stale} plan(s) written for items an earlier run did not finish taking in (they are planned again)`);
  return result;
}

// A plan carrying the id of a claim that never reached Needs_Action/ was written ahead for a name
// the item may not get when its intake is redone: only the agent wrote it, and nothing links to it.
async function removePlansFor(layout: VaultLayout, ids: Set<string>): Promise<number> {
  if (ids.size === 0) return 0;
  let removed = 0;
  await mapWithLimit(await listNotes(layout.plans), 64, async (plan) => {
    const file = path.join(layout.plans, plan);
    const data = await readNoteData(file);
    if (typeof data?.id !== 'string' || !ids.has(data.id)) return;
    await removeFile(file);
    removed++;
  });
  return removed;
}

// The item was written; only the attachment's move (for a file) or the claim's release was left.
async function finishCommitted(layout: VaultLayout, claim: Claim, item: { attachment?: string }) {
  if (!item.attachment) {
    await releaseClaim(claim);
    return;
  }
  const target = path.join(layout.needsAction, path.basename(item.attachment));
  const [a, b] = await Promise.all([fs.stat(claim.staged), fs.stat(target).catch(() => undefined)]);
  if (b && a.ino === b.ino && a.dev === b.dev) await releaseClaim(claim);
  else if (!b && (await moveNoOverwrite(claim.staged, target))) await releaseClaim(claim);
}

async function indexItemsById(dir: string): Promise<Map<string, { name: string; attachment?: string }>> {
  const names = await listNotes(dir);
  const index = new Map<string, { name: string; attachment?: string }>();
  await mapWithLimit(names, 64, async (name) => {
    const data = await readNoteData(path.join(dir, name));
    const item = data && readItem(data);
    if (!item) return;
    index.set(item.id, { name, attachment: attachmentOf(name, item) });
  });
  return index;
}
