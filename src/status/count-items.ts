import fs from 'node:fs/promises';
import path from 'node:path';
import type { VaultLayout } from '../vault/layout.js';
import { withoutAttachments } from '../vault/list-items.js';

export interface FolderCounts {
  inbox: number;
  needsAction: number;
  plans: number;
  done: number;
}

// What a user would count: their files, never dot-files or the agent's temporary files; items are notes.
export async function countItems(layout: VaultLayout): Promise<FolderCounts> {
  const [inbox, needsAction, plans, done] = await Promise.all([
    countFiles(layout.inbox, () => true, false),
    countFiles(layout.needsAction, isNote),
    countFiles(layout.plans, isNote),
    countDone(layout.done),
  ]);
  return { inbox, needsAction, plans, done };
}

function isNote(name: string): boolean {
  return /\.md$/i.test(name);
}

// An attachment ("x.pdf", or a "bad.md" whose frontmatter did not parse) is counted through its companion "x.pdf.md".
async function countFiles(dir: string, keep: (name: string) => boolean, pairs = true): Promise<number> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.')).map((entry) => entry.name);
  return (pairs ? withoutAttachments(names) : names).filter(keep).length;
}

// Finished items in every Done/YYYY-MM/ folder (their plans are not counted again).
async function countDone(doneDir: string): Promise<number> {
  const months = await fs.readdir(doneDir, { withFileTypes: true }).catch(() => []);
  const counts = await Promise.all(
    months.filter((m) => m.isDirectory() && !m.name.startsWith('.')).map((m) => countFiles(path.join(doneDir, m.name), (name) => isNote(name) && !name.startsWith('PLAN_'))),
  );
  return counts.reduce((a, b) => a + b, 0);
}
