import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait-for.js';
import { daemonVaults, exitWithin, readLog, readStats, startDaemon, waitForLog, waitUntilWatching } from '../daemon/daemon-process.js';

// §5 daemon, end to end: what a months-long run meets — removed folders, bad reloads, bursts, a lost lock, idleness.

const vault = daemonVaults();

const planOf = (root: string, stem: string) => () => fs.stat(path.join(root, 'Plans', `PLAN_${stem}.md`)).catch(() => undefined);

describe('daemon: staying alive', () => {
  test('Inbox/ deleted and recreated: the watch is rebuilt and drops work again', async () => {
    const root = await vault();
    startDaemon(root);
    await waitUntilWatching(root);
    await fs.rm(path.join(root, 'Inbox'), { recursive: true });
    await waitForLog(root, 'Inbox/ was removed or replaced: watching Inbox/, Plans/ and Needs_Action/ again');
    await fs.mkdir(path.join(root, 'Inbox'), { recursive: true });
    await fs.writeFile(path.join(root, 'Inbox', 'after.md'), 'Sign the lease.\n');
    await waitFor(planOf(root, 'after'), 'the plan for a note dropped in the recreated Inbox/', 5000);
  });

  test('SIGHUP with a broken ai-employee.yaml keeps running on the old configuration and logs why', async () => {
    const root = await vault({ 'ai-employee.yaml': 'daemon:\n  debounce: 100ms\n' });
    const daemon = startDaemon(root);
    await waitUntilWatching(root);
    await fs.writeFile(path.join(root, 'ai-employee.yaml'), 'daemon:\n  debounce: soon\n');
    daemon.kill('SIGHUP');
    const log = await waitForLog(root, 'kept the previous configuration');
    expect(log).toMatch(/kept the previous configuration: .*ai-employee\.yaml.*debounce.*soon/);
    await fs.writeFile(path.join(root, 'Inbox', 'still.md'), 'Call the bank.\n');
    await waitFor(planOf(root, 'still'), 'a plan after the failed reload', 5000);
    await fs.writeFile(path.join(root, 'ai-employee.yaml'), 'daemon:\n  debounce: 50ms\n');
    daemon.kill('SIGHUP');
    await waitForLog(root, `reloaded ${path.join(root, 'ai-employee.yaml')}`);
    await waitForLog(root, 'configuration reloaded: watching');
    expect(daemon.exitCode).toBeNull();
    daemon.kill('SIGTERM');
    expect((await exitWithin(daemon, 5000)).code).toBe(0);
  });

  test('an idle daemon goes quiet: its own writes cause at most a follow-up, then the count stops', async () => {
    const root = await vault({ 'Inbox/one.md': 'Review the contract.\n- [ ] read it\n', 'Inbox/two.md': 'Schedule a call.\n' });
    startDaemon(root);
    await waitFor(planOf(root, 'two'), 'plans for the first drops');
    await fs.writeFile(path.join(root, 'Inbox', 'three.md'), 'Prepare slides.\n');
    await waitFor(planOf(root, 'three'), 'the plan for a later drop');
    // Quiet: the iteration count holds still for 3 s in a row (the backstop is a minute away).
    let last = { iterations: -1, since: Date.now() };
    const settled = await waitFor(async () => {
      const { iterations } = await readStats(root);
      if (iterations !== last.iterations) last = { iterations, since: Date.now() };
      return Date.now() - last.since >= 3000 && iterations;
    }, 'the iteration count to stop increasing', 20_000, 200);
    // Two drops, each with at most a few follow-ups for its own writes.
    expect(settled).toBeLessThanOrEqual(8);
  });

  test('1,000 files dropped at once are all taken in and planned', async () => {
    const root = await vault();
    startDaemon(root);
    await waitUntilWatching(root);
    const names = Array.from({ length: 1000 }, (_, i) => `note-${String(i).padStart(4, '0')}.md`);
    await Promise.all(names.map((name, i) => fs.writeFile(path.join(root, 'Inbox', name), `Call client ${i}.\n`)));
    await waitFor(async () => (await listDir(path.join(root, 'Plans'))).filter((name) => !name.startsWith('.')).length === 1000, '1,000 plans', 60_000, 200);
    // The plans come first; each item's own update (status: planned) follows it.
    const expected = JSON.stringify(names);
    await waitFor(async () => JSON.stringify(await listDir(path.join(root, 'Needs_Action'))) === expected, 'the 1,000 items, each exactly once', 30_000, 200);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual([]);
  });

  test('a lock folder someone removed (nobody else took it) is re-asserted: the daemon logs it and goes on', async () => {
    const root = await vault();
    const daemon = startDaemon(root);
    await waitUntilWatching(root);
    // Someone removed the lock: proper-lockfile notices on its next refresh (every 10 s); the owner
    // record still names this daemon, so nobody else holds the vault and the lock is taken again.
    await fs.rm(path.join(root, 'Logs', '.ai_employee.lock'), { recursive: true });
    await waitForLog(root, /WARNING - re-asserted the vault lock .*\.ai_employee\.lock \(.*\); going on/, 30_000);
    await fs.writeFile(path.join(root, 'Inbox', 'after.md'), 'Sign the lease.\n');
    await waitFor(planOf(root, 'after'), 'a plan after the lock was re-asserted', 5000);
    daemon.kill('SIGTERM');
    const exit = await exitWithin(daemon, 10_000);
    expect(exit.code).toBe(0);
    expect(exit.stderr).toBe('');
    expect(await readLog(root)).not.toContain('no longer ours');
    const after = await runCli(['--once', '--vault', root, '--quiet']);
    expect(after.code).toBe(0);
  });
});
