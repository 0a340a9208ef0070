import fs from 'node:fs/promises';
import path from 'node:path';
import { VaultError } from '../errors.js';
import { USER_FOLDERS, type VaultLayout } from './layout.js';

// §14: the agent does not follow symlinks. A vault folder it reads or writes (Inbox/, Plans/…, its own
// .ai-employee/) that is a symlink would take files in from, or write plans to, wherever it points.
// Checked before anything in the vault is read or written; a missing folder is fine (it is created).
export async function assertRealVaultFolders(layout: VaultLayout): Promise<void> {
  for (const name of [...USER_FOLDERS, path.basename(layout.agentDir)]) {
    const folder = path.join(layout.root, name);
    const stat = await fs.lstat(folder).catch(() => undefined);
    if (!stat?.isSymbolicLink()) continue;
    const target = await fs.readlink(folder).catch(() => '?');
    throw new VaultError(`vault folder ${name}/ is a symlink (${folder} -> ${target}); ai-employee does not follow symlinks, so it refuses to run on this vault: replace ${name}/ with a real folder (move the files into it)`);
  }
}
