import fs from 'node:fs/promises';
import path from 'node:path';
import { packageFile } from '../package-root.js';
import { createFileExclusive } from '../vault/files.js';
import { createVaultFolders } from '../vault/create-folders.js';
import { vaultLayout } from '../vault/layout.js';

// The template shipped with the package: <package>/vault-template.
export const TEMPLATE_DIR = `${packageFile('vault-template')}/`;
const SAMPLES_DIR = path.join(TEMPLATE_DIR, '.samples');

export interface InitResult {
  vault: string;
  created: string[];
  kept: string[];
}

// `ai-employee init [DIR]`: a vault from the template, never overwriting a file that exists.
export async function initVault(options: { dir: string; withSamples: boolean }): Promise<InitResult> {
  const layout = vaultLayout(options.dir);
  await createVaultFolders(layout);
  const result: InitResult = { vault: layout.root, created: [], kept: [] };
  await copyTree(TEMPLATE_DIR, layout.root, '', result);
  if (options.withSamples) await copyTree(SAMPLES_DIR, layout.inbox, 'Inbox/', result);
  return result;
}

async function copyTree(from: string, to: string, label: string, result: InitResult): Promise<void> {
  const entries = await fs.readdir(from, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      await fs.mkdir(target, { recursive: true });
      await copyTree(source, target, `${label}${entry.name}/`, result);
    } else if (entry.isFile()) {
      const created = await createFileExclusive(target, await fs.readFile(source));
      (created ? result.created : result.kept).push(`${label}${entry.name}`);
    }
  }
}
