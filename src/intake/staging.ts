import fs from 'node:fs/promises';
import path from 'node:path';
import { moveIntoNewFolder, moveToFreeName, removeEmptyFolder, removeFile } from '../vault/files.js';
import type { VaultLayout } from '../vault/layout.js';

// Claim by rename: a file moves from Inbox/ into .ai-employee/staging/<id>/ before it is handled,
// so at every instant it has exactly one home and a restart knows what was in flight.

export interface StagedEntry {
  id: string;
  dir: string;
  name: string | undefined;
}

export async function claimEntry(layout: VaultLayout, name: string, id: string): Promise<string> {
  return moveIntoNewFolder(path.join(layout.inbox, name), path.join(layout.staging, id));
}

// Done with a claim: the staging folder of an item that now lives elsewhere.
export async function releaseClaim(stagedFile: string): Promise<void> {
  await removeFile(stagedFile);
  await removeEmptyFolder(path.dirname(stagedFile));
}

// A file that could not be handled goes back where the user put it.
export async function returnToInbox(layout: VaultLayout, stagedFile: string): Promise<string> {
  const name = await moveToFreeName(stagedFile, layout.inbox, path.basename(stagedFile));
  await removeEmptyFolder(path.dirname(stagedFile));
  return name;
}

export async function listStaged(layout: VaultLayout): Promise<StagedEntry[]> {
  const ids = await fs.readdir(layout.staging).catch(() => [] as string[]);
  const entries: StagedEntry[] = [];
  for (const id of ids) {
    const dir = path.join(layout.staging, id);
    const names = await fs.readdir(dir).catch(() => undefined);
    if (!names) continue;
    entries.push({ id, dir, name: names.find((n) => !n.startsWith('.ai-employee-tmp-')) });
  }
  return entries;
}
