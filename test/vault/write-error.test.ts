import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeError } from '../../src/pipeline/item-failures.js';
import { createFileExclusive, ensureDir, moveNoOverwrite, writeFileAtomic } from '../../src/vault/files.js';
import { FileWriteError } from '../../src/vault/write-error.js';
import { tempVaults } from '../helpers/make-vault.js';

// Every failed write or move names its path and what was being done (the system's own message,
// "ENOSPC: no space left on device, write", names neither); relative to the vault when it is inside.

const tempVault = tempVaults();

describe('FileWriteError', () => {
  test.each([
    ['ENOSPC', 'no space left on device (ENOSPC)'],
    ['EACCES', 'permission denied (EACCES)'],
    ['EPERM', 'operation not permitted (EPERM)'],
    ['EROFS', 'read-only file system (EROFS)'],
    ['EDQUOT', 'disk quota exceeded (EDQUOT)'],
  ])('%s reads as "%s", with the path relative to the vault, and keeps its code', (code, words) => {
    const cause = Object.assign(new Error(`${code}: something, write`), { code });
    const error = new FileWriteError('write', '/v/Plans/PLAN_x.md', cause);
    expect(error.message).toBe(`could not write /v/Plans/PLAN_x.md: ${words}`);
    expect(error.code).toBe(code);
    expect(describeError(error, '/v')).toBe(`could not write Plans/PLAN_x.md: ${words}`);
    expect(describeError(error, '/elsewhere')).toBe(`could not write /v/Plans/PLAN_x.md: ${words}`);
  });

  test('real failures from files.ts: a missing folder, a name in the way, a move onto a missing folder', async () => {
    const root = await tempVault();
    const missing = path.join(root, 'Plans', 'gone', 'PLAN_x.md');
    const write = await writeFileAtomic(missing, 'x').catch((error: unknown) => error);
    expect(write).toBeInstanceOf(FileWriteError);
    expect(describeError(write, root)).toBe('could not write Plans/gone/PLAN_x.md: no such file or folder (ENOENT)');
    expect((write as FileWriteError).code).toBe('ENOENT');

    await fs.writeFile(path.join(root, 'Done', '2026-12'), 'squatter\n');
    const folder = await ensureDir(path.join(root, 'Done', '2026-12')).catch((error: unknown) => error);
    expect(describeError(folder, root)).toMatch(/^could not create the folder Done\/2026-12: (a file of that name is in the way \(EEXIST\)|a part of the path is not a folder \(ENOTDIR\))$/);

    await fs.writeFile(path.join(root, 'Inbox', 'a.md'), 'a\n');
    const move = await moveNoOverwrite(path.join(root, 'Inbox', 'a.md'), path.join(root, 'Nowhere', 'a.md')).catch((error: unknown) => error);
    expect(describeError(move, root)).toMatch(/^could not move a\.md to Nowhere\/a\.md: /);
    expect(await createFileExclusive(path.join(root, 'Inbox', 'a.md'), 'b\n')).toBe(false);
  });
});
