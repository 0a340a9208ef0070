import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { makeTempDir, writeTree } from '../helpers/make-vault.js';
import { listDir, readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// Issue 14, point 6, on a real full file system (a tiny tmpfs; skipped where mount is not allowed):
// one clear line per failure naming the path and what was being done, on stderr even though the log
// on the same full disk cannot be written; exit 1; nothing half-done; --status says the state could
// not be saved instead of showing the older figures as current; the next run with space finishes.

const run = promisify(execFile);
const mount = (...args: string[]) => run('mount', args).then(() => true, () => false);
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fullDisk(): Promise<{ mountPoint: string; vault: string; lockFile: string } | undefined> {
  const mountPoint = await makeTempDir('ai-employee-full-');
  cleanups.push(() => fs.rm(mountPoint, { recursive: true, force: true }));
  if (!(await mount('-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mountPoint))) return undefined;
  cleanups.push(() => run('umount', [mountPoint]));
  const vault = path.join(mountPoint, 'vault');
  await writeTree(vault, {
    Inbox: { 'call bob.md': 'Call Bob about the boiler.\n', 'invoice.txt': 'Pay invoice 42.\n', 'scan.bin': Buffer.alloc(150_000, 7) },
    Needs_Action: {},
    Plans: {},
    Done: {},
    Logs: {},
  });
  // The lock lives elsewhere (it is not what this test is about); the log stays on the full disk.
  const lockDir = await makeTempDir('ai-employee-full-lock-');
  cleanups.push(() => fs.rm(lockDir, { recursive: true, force: true }));
  const filler = path.join(mountPoint, 'filler');
  await fs.writeFile(filler, '');
  while (await fs.appendFile(filler, Buffer.alloc(4096)).then(() => true, () => false));
  return { mountPoint, vault, lockFile: path.join(lockDir, 'lock') };
}

describe('a full disk', () => {
  test('exit 1, one line per failure naming the path, on stderr though the log cannot be written; --status truthful; then it finishes', async () => {
    const disk = await fullDisk();
    if (!disk) return console.log('[full-disk] mount -t tmpfs is not allowed here: skipped');
    const { vault, lockFile, mountPoint } = disk;
    const args = ['--vault', vault, '--lock-file', lockFile];
    const inbox = await listDir(path.join(vault, 'Inbox'));

    for (let attempt = 1; attempt <= 2; attempt++) {
      const full = await runCli(['--once', '--quiet', '--ignore-constraints', ...args]);
      expect(full.code).toBe(1);
      const lines = full.stderr.trim().split('\n');
      // The log file is on the full disk: said once, naming it; its errors then come to stderr.
      expect(lines.filter((l) => l.includes(`could not write ${vault}/Logs/ai_employee.log: no space left on device (ENOSPC)`))).toHaveLength(1);
      for (const name of inbox) {
        expect(lines.filter((l) => l.includes(`ERROR - Inbox/${name}: could not write `))).toHaveLength(1);
      }
      expect(full.stderr).toMatch(/ERROR - Inbox\/call bob\.md: could not write (Plans\/PLAN_call bob\.md|Needs_Action\/call bob\.md): no space left on device \(ENOSPC\)/);
      expect(lines.at(-1)).toBe(`ai-employee: could not write ${vault}/.ai-employee/state.json: no space left on device (ENOSPC)`);
      // The bare system message names no path: it never reaches the user.
      expect(full.stderr).not.toContain('ENOSPC: no space left on device, write');
      expect(await listDir(path.join(vault, 'Inbox'))).toEqual(inbox);
      expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual([]);
      expect(await listDir(path.join(vault, 'Plans'))).toEqual([]);
      expect(await readTree(path.join(vault, 'Done'))).toEqual({});
      expect(await listDir(path.join(vault, '.ai-employee', 'staging'))).toEqual([]);

      const status = await runCli(['--status', '--json', ...args]);
      const report = JSON.parse(status.stdout) as { stateNotSavedAt?: string; stats: { errors: number; lastError: string | null } };
      expect(report.stateNotSavedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(report.stats.errors).toBeGreaterThan(0);
      expect(report.stats.lastError).toContain('the state could not be saved');
      const text = await runCli(['--status', ...args]);
      expect(text.stdout).toMatch(/state: +NOT SAVED at .*the last run could not save its state/);
    }

    await fs.rm(path.join(mountPoint, 'filler'));
    expect(await mount('-o', 'remount,size=20000k', mountPoint)).toBe(true);
    const after = await runCli(['--once', '--quiet', '--ignore-constraints', ...args]);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(await listDir(path.join(vault, 'Inbox'))).toEqual([]);
    expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual(['call bob.md', 'invoice.txt', 'invoice.txt.md', 'scan.bin', 'scan.bin.md']);
    expect(await listDir(path.join(vault, 'Plans'))).toEqual(['PLAN_call bob.md', 'PLAN_invoice.txt.md', 'PLAN_scan.bin.md']);
    expect(await listDir(path.join(vault, '.ai-employee'))).not.toContain('state.json.not-saved');
    const status = JSON.parse((await runCli(['--status', '--json', ...args])).stdout) as { stateNotSavedAt?: string; stats: { errors: number } };
    expect(status.stateNotSavedAt).toBeUndefined();
    expect(await fs.readFile(path.join(vault, 'Logs', 'ai_employee.log'), 'utf8')).toMatch(/INFO - took in Inbox\/call bob\.md/);
  });
});
