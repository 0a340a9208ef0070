import fs from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { countRegularFiles, listFolders, listRegularFiles } from '../../src/vault/list-items.js';
import { readFolder } from '../../src/vault/read-folder.js';
import { makeTempDir } from '../helpers/make-vault.js';

// Listings read a folder through one directory handle: what they count must be what a user counts.

async function folderOfEverything(): Promise<string> {
  const dir = await makeTempDir();
  await fs.writeFile(path.join(dir, 'note.md'), 'a');
  await fs.writeFile(path.join(dir, 'scan.pdf'), 'b');
  await fs.writeFile(path.join(dir, '.hidden.md'), 'c');
  await fs.mkdir(path.join(dir, 'Archive'));
  await fs.mkdir(path.join(dir, '.obsidian'));
  await fs.symlink(path.join(dir, 'note.md'), path.join(dir, 'link.md'));
  await fs.symlink(path.join(dir, 'Archive'), path.join(dir, 'Linked folder'));
  return dir;
}

test('regular, non-hidden files are listed and counted; folders, hidden names and symlinks are not', async () => {
  const dir = await folderOfEverything();
  expect((await listRegularFiles(dir)).sort()).toEqual(['note.md', 'scan.pdf']);
  expect(countRegularFiles(dir)).toBe(2);
  expect(await listFolders(dir)).toEqual(['Archive']);
});

test('a folder of 3,000 files (more than one batch of the handle) is read whole', async () => {
  const dir = await makeTempDir();
  for (let start = 0; start < 3000; start += 500) await Promise.all(Array.from({ length: 500 }, (_, i) => fs.writeFile(path.join(dir, `n${start + i}.md`), '')));
  expect(readFolder(dir)).toHaveLength(3000);
  expect(countRegularFiles(dir)).toBe(3000);
  expect(new Set(await listRegularFiles(dir)).size).toBe(3000);
});

test('a missing folder lists nothing, and readFolder says why', async () => {
  const missing = path.join(await makeTempDir(), 'gone');
  expect(await listRegularFiles(missing)).toEqual([]);
  expect(countRegularFiles(missing)).toBe(0);
  expect(() => readFolder(missing)).toThrow(/ENOENT/);
});
