import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeTempDir, removeVault, tempVaults } from '../helpers/make-vault.js';
import { listDir, readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait-for.js';
import { daemonVaults, exitWithin, startDaemon, waitForLog, waitUntilWatching } from '../daemon/daemon-process.js';

// §14: a vault folder that is a symlink is refused (exit 2, naming it) before anything is read or
// written; ai-employee.yaml larger than 1 MiB is a configuration error, refused without being read whole.

const tempVault = tempVaults();
const outsides: string[] = [];
afterEach(async () => {
  await Promise.all(outsides.splice(0).map(removeVault));
});

const FOLDERS = ['Inbox', 'Needs_Action', 'Plans', 'Done', 'Briefings', 'Logs', '.ai-employee'];

describe('vault folders that are symlinks', () => {
  test.each(FOLDERS)('%s/ pointing outside the vault: --once, --daemon and briefing exit 2 naming it; nothing is read, written or moved', async (folder) => {
    const root = await tempVault({ 'Inbox/a.md': 'Call Bob.\n', 'Plans/PLAN_old.md': 'mine\n' });
    const outside = await makeTempDir('ai-employee-outside-');
    outsides.push(outside);
    const target = path.join(outside, folder);
    await fs.rm(path.join(root, folder), { recursive: true, force: true });
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'secret.md'), 'Outside the vault.\n');
    await fs.symlink(target, path.join(root, folder));
    const outsideBefore = await readTree(outside);
    const vaultBefore = await listDir(root);

    for (const mode of [['--once', '--ignore-constraints'], ['--daemon', '--ignore-constraints'], ['briefing']]) {
      const run = await runCli([...mode, '--vault', root]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`vault folder ${folder}/ is a symlink`);
      expect(run.stderr).toContain(target);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await readTree(outside)).toEqual(outsideBefore);
    expect(await listDir(root)).toEqual(vaultBefore);
    if (folder !== 'Inbox') expect(await listDir(path.join(root, 'Inbox'))).toEqual(['a.md']);
    if (folder !== 'Logs') expect(await listDir(path.join(root, 'Logs'))).toEqual([]);
  });

  test('the vault folder itself may be a symlink (a vault kept elsewhere and linked from home)', async () => {
    const root = await tempVault({ 'Inbox/a.md': 'Call Bob.\n' });
    const parent = await makeTempDir('ai-employee-link-');
    outsides.push(parent);
    await fs.symlink(root, path.join(parent, 'Vault'));
    const run = await runCli(['--once', '--vault', path.join(parent, 'Vault'), '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a.md']);
  });
});

describe('ai-employee.yaml size limit', () => {
  test('a file over 1 MiB is a configuration error naming the file and the limit; nothing is taken in', async () => {
    const root = await tempVault({ 'Inbox/a.md': 'Call Bob.\n' });
    const config = path.join(root, 'ai-employee.yaml');
    await fs.writeFile(config, `# padding\n${'#'.repeat(80)}\n`.repeat(20_000));
    const size = (await fs.stat(config)).size;
    const run = await runCli(['--once', '--vault', root, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ai-employee: ${config}: the file is too large (${size} bytes; the limit is 1048576 bytes, 1 MiB): a configuration is a few kilobytes, so this is probably not the file you meant\n`);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['a.md']);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
  });

  test('a file of exactly 1 MiB of comments loads (the limit is inclusive)', async () => {
    const root = await tempVault({ 'Inbox/a.md': 'Call Bob.\n' });
    const line = `#${'x'.repeat(1022)}\n`;
    await fs.writeFile(path.join(root, 'ai-employee.yaml'), line.repeat(1024));
    const run = await runCli(['--once', '--vault', root, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('a vault folder swapped for a symlink while the daemon runs', () => {
  const daemonVault = daemonVaults();

  test('each iteration refuses (logged, counted, nothing outside read or written); restored, the daemon goes on', async () => {
    const root = await daemonVault({ 'ai-employee.yaml': 'daemon:\n  debounce: 100ms\n' });
    const daemon = startDaemon(root);
    await waitUntilWatching(root);
    const outside = await makeTempDir('ai-employee-outside-');
    outsides.push(outside);
    await fs.rename(path.join(root, 'Plans'), path.join(root, 'Plans.real'));
    await fs.symlink(outside, path.join(root, 'Plans'));
    await fs.writeFile(path.join(root, 'Inbox', 'while-linked.md'), 'Call Bob.\n');
    await waitForLog(root, /ERROR - iteration failed: vault folder Plans\/ is a symlink .*\(the daemon goes on\)/);
    // The next iteration meets the same refusal: counted, but not another ERROR line.
    await fs.writeFile(path.join(root, 'Inbox', 'while-linked-2.md'), 'Call Ann.\n');
    const log = await waitForLog(root, /DEBUG - iteration failed: vault folder Plans\/ is a symlink .*\(again; the daemon goes on\)/);
    expect(log.match(/ERROR - iteration failed: vault folder Plans\//g)).toHaveLength(1);
    expect(await readTree(outside)).toEqual({});
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['while-linked-2.md', 'while-linked.md']);

    await fs.rm(path.join(root, 'Plans'));
    await fs.rename(path.join(root, 'Plans.real'), path.join(root, 'Plans'));
    await fs.writeFile(path.join(root, 'Inbox', 'after.md'), 'Sign the lease.\n');
    await waitFor(() => fs.stat(path.join(root, 'Plans', 'PLAN_while-linked.md')).catch(() => false), 'the drop planned once Plans/ is a real folder again');
    await waitFor(() => fs.stat(path.join(root, 'Plans', 'PLAN_while-linked-2.md')).catch(() => false), 'the second drop planned too');
    daemon.kill('SIGTERM');
    expect((await exitWithin(daemon, 10_000)).code).toBe(0);
    expect(await readTree(outside)).toEqual({});
  });
});
