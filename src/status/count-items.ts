import path from 'node:path';
import type { VaultLayout } from '../vault/layout.js';
import { countRegularFiles, isNoteName, isPlanName, listFolders, listRegularFiles, withoutAttachments } from '../vault/list-items.js';

export interface FolderCounts {
  inbox: number;
  needsAction: number;
  plans: number;
  done: number;
}

// What a user would count, by listing only: every file they dropped in Inbox/; elsewhere the items,
// which are notes (an attachment counts through its companion, a finished plan not at all).
export async function countItems(layout: VaultLayout): Promise<FolderCounts> {
  const [inbox, needsAction, plans, done] = await Promise.all([
    countRegularFiles(layout.inbox),
    countNotes(layout.needsAction),
    countNotes(layout.plans),
    countDone(layout.done),
  ]);
  return { inbox, needsAction, plans, done };
}

async function countNotes(dir: string, keep: (name: string) => boolean = () => true): Promise<number> {
  return withoutAttachments(await listRegularFiles(dir)).filter((name) => isNoteName(name) && keep(name)).length;
}

async function countDone(doneDir: string): Promise<number> {
  const months = await listFolders(doneDir);
  const counts = await Promise.all(months.map((month) => countNotes(path.join(doneDir, month), (name) => !isPlanName(name))));
  return counts.reduce((a, b) => a + b, 0);
}
