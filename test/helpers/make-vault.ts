import { afterEach } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// A tree object → real files in a fresh temporary folder: { 'Inbox/a.md': 'text', 'Plans': {} }.
export type Tree = { [relativePath: string]: string | Buffer | Tree };

export async function makeTempDir(prefix = 'ai-employee-test-'): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), prefix)));
}

export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [name, value] of Object.entries(tree)) {
    const target = path.join(root, name);
    if (typeof value === 'string' || Buffer.isBuffer(value)) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, value);
    } else {
      await fs.mkdir(target, { recursive: true });
      await writeTree(target, value);
    }
  }
}

// A vault with the standard folders (empty) plus `tree`; remove it with removeVault.
export async function makeVault(tree: Tree = {}): Promise<string> {
  const root = await makeTempDir('ai-employee-vault-');
  await writeTree(root, { Inbox: {}, Needs_Action: {}, Plans: {}, Done: {}, Briefings: {}, Logs: {}, ...tree });
  return root;
}

export async function removeVault(root: string): Promise<void> {
  await fs.rm(root, { recursive: true, force: true });
}

// Vaults for one test file: call at the top of the file; each vault is removed after the test that
// made it (after-hooks run last-registered first: register hooks that must run before it after it).
export function tempVaults(): (tree?: Tree) => Promise<string> {
  const roots: string[] = [];
  afterEach(async () => {
    await Promise.all(roots.splice(0).map(removeVault));
  });
  return async (tree = {}) => {
    const root = await makeVault(tree);
    roots.push(root);
    return root;
  };
}
