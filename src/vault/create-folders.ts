import path from 'node:path';
import { ensureDir } from './files.js';
import { USER_FOLDERS, type VaultLayout } from './layout.js';

// Every command that runs on a vault creates the folders it expects (§3).
export async function createVaultFolders(layout: VaultLayout): Promise<void> {
  await Promise.all([...USER_FOLDERS.map((name) => ensureDir(path.join(layout.root, name))), ensureDir(layout.staging)]);
}
