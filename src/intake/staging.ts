import fs from 'node:fs/promises';
import path from 'node:path';
import { readFolderIfPresent } from '../vault/read-folder.js';
import { moveIntoNewFolder, moveToFreeName, removeEmptyFolder, removeFile, renameToFreshName } from '../vault/files.js';
import type { VaultLayout } from '../vault/layout.js';

// Claim by rename: a file moves from Inbox/ into .ai-employee/staging/ under "<id>--<name>" before
// it is handled, so at every instant it has exactly one home and a restart knows what was in
// flight. A name too long to prefix goes into a folder of its own, staging/<id>/<name>.

export interface Claim {
  staged: string;
  // The name the user gave the file in Inbox/.
  name: string;
  id: string;
}

const SEPARATOR = '--';
const FLAT_NAME = /^(\d{8}-\d{6}-[0-9a-f]{8})--(.+)$/s;
const NAME_MAX_BYTES = 255;

export async function claimEntry(layout: VaultLayout, name: string, id: string): Promise<Claim> {
  const from = path.join(layout.inbox, name);
  const flat = `${id}${SEPARATOR}${name}`;
  if (Buffer.byteLength(flat) > NAME_MAX_BYTES) return { staged: await moveIntoNewFolder(from, path.join(layout.staging, id)), name, id };
  const staged = path.join(layout.staging, flat);
  try {
    await renameToFreshName(from, staged);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !(await exists(from))) throw error;
    await fs.mkdir(layout.staging, { recursive: true });
    await renameToFreshName(from, staged);
  }
  return { staged, name, id };
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(() => true, () => false);
}

// Done with a claim: the item now lives in Needs_Action/.
export async function releaseClaim(claim: Claim): Promise<void> {
  await removeFile(claim.staged);
  await removeOwnFolder(claim);
}

// A file that could not be handled goes back where the user put it, under its own name if free.
export async function returnToInbox(layout: VaultLayout, claim: Claim): Promise<string> {
  const name = await moveToFreeName(claim.staged, layout.inbox, claim.name);
  await removeOwnFolder(claim);
  return name;
}

async function removeOwnFolder(claim: Claim): Promise<void> {
  const dir = path.dirname(claim.staged);
  if (path.basename(dir) === claim.id) await removeEmptyFolder(dir);
}

// Every claim left in staging (by a run that was interrupted), in both forms.
export async function listStaged(layout: VaultLayout): Promise<Claim[]> {
  const entries = readFolderIfPresent(layout.staging);
  const claims: Claim[] = [];
  for (const entry of entries) {
    const flat = FLAT_NAME.exec(entry.name);
    if (entry.isFile() && flat) claims.push({ staged: path.join(layout.staging, entry.name), id: flat[1]!, name: flat[2]! });
    if (!entry.isDirectory()) continue;
    const dir = path.join(layout.staging, entry.name);
    const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => !n.startsWith('.ai-employee-tmp-'));
    if (names[0]) claims.push({ staged: path.join(dir, names[0]), id: entry.name, name: names[0] });
    else await removeEmptyFolder(dir);
  }
  return claims;
}
