import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DASHBOARD_END as END, DASHBOARD_START as START, spliceDashboard, updateDashboard } from '../../../src/views/dashboard/update-dashboard.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { vaultLayout } from '../../../src/vault/layout.js';
import { makeTempDir } from './vault-tree.js';

const BLOCK = 'NEW BLOCK';
const FENCED = `${START}\n${BLOCK}\n${END}`;
// Bytes a text round-trip would change: CRLF line ends and a byte that is not UTF-8.
const ABOVE = Buffer.concat([Buffer.from('# My board\r\nmine above '), Buffer.from([0xff]), Buffer.from('\r\n\r\n')]);
const BELOW = Buffer.from('\n\nmine below\r\n- [ ] my task\n');

describe('spliceDashboard', () => {
  test.each([
    {
      name: 'markers: replaces only the block, user bytes above and below kept',
      before: Buffer.concat([ABOVE, Buffer.from(`${START}\nold stuff\n${END}`), BELOW]),
      after: Buffer.concat([ABOVE, Buffer.from(FENCED), BELOW]),
      change: 'replaced',
      warns: false,
    },
    {
      name: 'no markers, text ends with a newline: appended after a blank line',
      before: Buffer.from('hello\n'),
      after: Buffer.from(`hello\n\n${FENCED}\n`),
      change: 'appended',
      warns: false,
    },
    {
      name: 'no markers, no final newline: the text is kept and the block appended',
      before: Buffer.from('hello'),
      after: Buffer.from(`hello\n\n${FENCED}\n`),
      change: 'appended',
      warns: false,
    },
    { name: 'empty file: just the block', before: Buffer.alloc(0), after: Buffer.from(`${FENCED}\n`), change: 'appended', warns: false },
    {
      name: 'only a start marker: everything kept, a fresh block appended, a warning',
      before: Buffer.from(`top\n${START}\nmy text after a stray marker\n`),
      after: Buffer.from(`top\n${START}\nmy text after a stray marker\n\n${FENCED}\n`),
      change: 'appended',
      warns: true,
    },
    {
      name: 'only an end marker: everything kept, a fresh block appended, a warning',
      before: Buffer.from(`top\n${END}\nmore`),
      after: Buffer.from(`top\n${END}\nmore\n\n${FENCED}\n`),
      change: 'appended',
      warns: true,
    },
    {
      name: 'a stray start before the block: the text between them is kept',
      before: Buffer.from(`${START}\nkeep me\n${START}\nold\n${END}\ntail`),
      after: Buffer.from(`${START}\nkeep me\n${FENCED}\ntail`),
      change: 'replaced',
      warns: true,
    },
    {
      name: 'two blocks: the first is replaced, the second left as it was',
      before: Buffer.from(`${START}\none\n${END}\nmiddle\n${START}\ntwo\n${END}\n`),
      after: Buffer.from(`${FENCED}\nmiddle\n${START}\ntwo\n${END}\n`),
      change: 'replaced',
      warns: true,
    },
    {
      name: 'an end before the start: the stray end is kept, the pair replaced',
      before: Buffer.from(`${END}\nx\n${START}\nold\n${END}`),
      after: Buffer.from(`${END}\nx\n${FENCED}`),
      change: 'replaced',
      warns: true,
    },
  ])('$name', ({ before, after, change, warns }) => {
    const spliced = spliceDashboard(before, BLOCK);
    expect(spliced.content.equals(after)).toBe(true);
    expect(spliced.change).toBe(change);
    expect(spliced.warning !== undefined).toBe(warns);
  });

  test('no file: a heading and the block', () => {
    const spliced = spliceDashboard(null, BLOCK);
    expect(spliced.content.toString()).toBe(`# Dashboard\n\n${FENCED}\n`);
    expect(spliced.change).toBe('created');
  });

  test('replacing twice gives the same file as replacing once', () => {
    const once = spliceDashboard(Buffer.from(`a\n${START}\nx\n${END}\nb`), BLOCK).content;
    expect(spliceDashboard(once, BLOCK).content.equals(once)).toBe(true);
  });
});

describe('updateDashboard', () => {
  let root: string;
  beforeEach(async () => {
    root = await makeTempDir();
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  test('creates Dashboard.md when it is missing', async () => {
    expect(await updateDashboard(vaultLayout(root), BLOCK)).toBe('created');
    expect(await fs.readFile(path.join(root, 'Dashboard.md'), 'utf8')).toBe(`# Dashboard\n\n${FENCED}\n`);
  });

  test('rewrites the block, keeps the user text, leaves no temporary file', async () => {
    const file = path.join(root, 'Dashboard.md');
    await fs.writeFile(file, Buffer.concat([ABOVE, Buffer.from(`${START}\nold\n${END}`), BELOW]));
    await updateDashboard(vaultLayout(root), BLOCK);
    expect((await fs.readFile(file)).equals(Buffer.concat([ABOVE, Buffer.from(FENCED), BELOW]))).toBe(true);
    expect(await fs.readdir(root)).toEqual(['Dashboard.md']);
  });

  test('a lone marker logs a warning', async () => {
    await fs.writeFile(path.join(root, 'Dashboard.md'), `${START}\nmine`);
    const log = memoryLogger();
    await updateDashboard(vaultLayout(root), BLOCK, { log });
    expect(log.lines.join('\n')).toMatch(/WARNING - Dashboard.md has a start or end marker without its pair/);
  });

  test('a dry run reports the write and changes nothing', async () => {
    const lines: string[] = [];
    await updateDashboard(vaultLayout(root), BLOCK, { dryRun: (line) => lines.push(line) });
    expect(lines).toEqual(['write Dashboard.md']);
    expect(await fs.readdir(root)).toEqual([]);
  });

  test('a symlinked Dashboard.md is refused and its target left alone', async () => {
    const target = path.join(root, 'elsewhere.md');
    await fs.writeFile(target, 'not yours');
    await fs.symlink(target, path.join(root, 'Dashboard.md'));
    await expect(updateDashboard(vaultLayout(root), BLOCK)).rejects.toThrow(/Dashboard.md cannot be read \(it is a symlink\)/);
    expect(await fs.readFile(target, 'utf8')).toBe('not yours');
    expect((await fs.lstat(path.join(root, 'Dashboard.md'))).isSymbolicLink()).toBe(true);
  });
});
