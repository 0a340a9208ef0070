import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makeTempDir } from '../helpers/make-vault.js';
import { forgetUnusedNoteHeads, readNoteSummary } from '../../src/vault/read-note-heads.js';

// The head cache every run shares: a note read again is the same answer until the file itself changes.

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

const titleOf = (file: string) => {
  const result = readNoteSummary(file);
  return result.ok ? result.head.data.title : result.reason;
};

describe('readNoteSummary and its cache', () => {
  test('an edit, even to the same size, a replacement and a removal are all seen', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'a.md');
    await fs.writeFile(file, '---\ntitle: one\n---\n# One\n');
    expect(titleOf(file)).toBe('one');
    expect(readNoteSummary(file)).toBe(readNoteSummary(file));

    await fs.writeFile(file, '---\ntitle: two\n---\n# One\n');
    expect(titleOf(file)).toBe('two');

    const other = path.join(dir, 'b.md');
    await fs.writeFile(other, '---\ntitle: replaced\n---\n');
    await fs.rename(other, file);
    expect(titleOf(file)).toBe('replaced');

    await fs.rm(file);
    expect(titleOf(file)).toBe('vanished');
  });

  test('a symlink is still refused, not cached as the file it points to', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    await fs.writeFile(path.join(dir, 'real.md'), '---\ntitle: real\n---\n');
    await fs.symlink(path.join(dir, 'real.md'), path.join(dir, 'link.md'));
    expect(titleOf(path.join(dir, 'real.md'))).toBe('real');
    expect(readNoteSummary(path.join(dir, 'link.md')).ok).toBe(false);
  });

  test('a note not looked at between two forgets is read again from disk; one looked at is kept', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const kept = path.join(dir, 'kept.md');
    const dropped = path.join(dir, 'dropped.md');
    await fs.writeFile(kept, '---\ntitle: kept\n---\n');
    await fs.writeFile(dropped, '---\ntitle: dropped\n---\n');
    const keptFirst = readNoteSummary(kept);
    const droppedFirst = readNoteSummary(dropped);
    forgetUnusedNoteHeads();
    expect(readNoteSummary(kept)).toBe(keptFirst);
    forgetUnusedNoteHeads();
    forgetUnusedNoteHeads();
    // Same answer, but a new read: the cached one was dropped after two forgets without a look.
    expect(readNoteSummary(dropped)).not.toBe(droppedFirst);
    expect(titleOf(dropped)).toBe('dropped');
  });

  test('past its bound it still reads every note right, and keeps the ones it already held', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const first = path.join(dir, 'first.md');
    await fs.writeFile(first, '---\ntitle: first\n---\n');
    const firstResult = readNoteSummary(first);
    for (let i = 0; i < 4200; i++) {
      const file = path.join(dir, `n${i}.md`);
      await fs.writeFile(file, `---\ntitle: t${i}\n---\n`);
      expect(titleOf(file)).toBe(`t${i}`);
    }
    expect(readNoteSummary(first)).toBe(firstResult);
  });
});
