import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { holdLock, type LockHolder } from '../helpers/lock-holder.js';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

const tempVault = tempVaults();
const holders: LockHolder[] = [];

// Registered after tempVaults, so it runs before the vaults are removed.
afterEach(async () => {
  await Promise.all(holders.splice(0).map((h) => h.release().catch(() => {})));
});

async function vault(): Promise<string> {
  return tempVault({ 'Inbox/a.md': 'Call Bob.\n' });
}

describe('single instance (real processes)', () => {
  test('a second --once exits 75 naming the pid, host and start time of the holder, and touches nothing', async () => {
    const root = await vault();
    const holder = await holdLock(path.join(root, 'Logs', '.ai_employee.lock'));
    holders.push(holder);
    const run = await runCli(['--once', '--vault', root, '--quiet']);
    expect(run.code).toBe(75);
    expect(run.stderr).toContain(`pid ${holder.pid}`);
    expect(run.stderr).toContain(os.hostname());
    expect(run.stderr).toMatch(/started \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['a.md']);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
  });

  test('--lock-file is honoured: a holder of a custom lock path blocks a run that names it', async () => {
    const root = await vault();
    const lockFile = path.join(root, 'custom.lock');
    holders.push(await holdLock(lockFile));
    expect((await runCli(['--once', '--vault', root, '--quiet', '--lock-file', lockFile])).code).toBe(75);
  });

  test("a lock left by a kill -9'd process is taken over at once", async () => {
    const root = await vault();
    const holder = await holdLock(path.join(root, 'Logs', '.ai_employee.lock'));
    await holder.kill9();
    const run = await runCli(['--once', '--vault', root, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a.md']);
    // Released at the end: the next run starts at once too.
    expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
    expect(await listDir(path.join(root, 'Logs'))).not.toContain('.ai_employee.lock');
  });
});
