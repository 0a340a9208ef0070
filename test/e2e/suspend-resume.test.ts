import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait-for.js';
import { daemonVaults, exitWithin, readLog, startDaemon, waitForLog, waitUntilWatching, type DaemonProcess } from '../daemon/daemon-process.js';

// Issue 14, point 1, with real SIGSTOP/SIGCONT on a real daemon. A daemon stopped for longer than the
// lock's stale window (a closed lid, a VM pause) is alive: a cron run must not take its lock (exit 75),
// --status must not call it gone; resumed, it logs the pause and goes on. Only when another host
// really took the lock over does it stop writing at once. The stale window is shortened to 2 s for
// tests (AI_EMPLOYEE_TEST_LOCK_STALE_MS), so each pause lasts about 3 s instead of 35 s.

const STALE_MS = 2000;
const env = { AI_EMPLOYEE_TEST_LOCK_STALE_MS: String(STALE_MS) };
const vault = daemonVaults();
const SUSPENDS = 3;

const lockOf = (root: string) => path.join(root, 'Logs', '.ai_employee.lock');

// SIGSTOP, then wait (the pause itself, the one thing measured by the clock) until the lock is older than the stale window.
async function suspendPastStale(daemon: DaemonProcess, root: string): Promise<void> {
  daemon.kill('SIGSTOP');
  await waitFor(async () => Date.now() - (await fs.stat(lockOf(root))).mtimeMs > STALE_MS + 500, 'the lock to go past its stale window', 10_000, 100);
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('a daemon suspended past the lock stale window', () => {
  test(`survives ${SUSPENDS} suspends: --once exits 75 and takes nothing, --status says the live holder is paused, the daemon resumes and goes on`, async () => {
    const root = await vault({ 'ai-employee.yaml': 'daemon:\n  debounce: 100ms\n' });
    const daemon = startDaemon(root, [], env);
    await waitUntilWatching(root);
    const pid = daemon.pid!;

    for (let i = 1; i <= SUSPENDS; i++) {
      await suspendPastStale(daemon, root);

      const status = await runCli(['--status', '--json', '--vault', root], { env });
      const report = JSON.parse(status.stdout) as { state: string; pid: number; host: string; lock: { ownerPaused: boolean } };
      expect(status.code).toBe(1);
      expect(report).toMatchObject({ state: 'stalled', pid, host: os.hostname(), lock: { ownerPaused: true } });
      const text = await runCli(['--status', '--vault', root], { env });
      expect(text.stdout).toContain(`the lock is held by a live process (pid ${pid}) that has not refreshed it`);
      expect(text.stdout).not.toContain('gone');

      await fs.writeFile(path.join(root, 'Inbox', `drop${i}.md`), `Call the plumber about leak ${i}.\n`);
      const cron = await runCli(['--once', '--vault', root, '--quiet'], { env });
      expect(cron.code).toBe(75);
      expect(cron.stderr).toContain(`pid ${pid} on ${os.hostname()}`);
      expect(await listDir(path.join(root, 'Inbox'))).toEqual([`drop${i}.md`]);

      daemon.kill('SIGCONT');
      await waitFor(async () => count(await readLog(root), 'resumed after a pause of about') >= i && (await fs.stat(path.join(root, 'Plans', `PLAN_drop${i}.md`)).catch(() => false)), `the daemon to log pause ${i} and plan drop${i}.md`);
    }

    daemon.kill('SIGTERM');
    const exit = await exitWithin(daemon, 10_000);
    expect(exit.code).toBe(0);
    const log = await readLog(root);
    expect(count(log, 'WARNING - resumed after a pause of about')).toBe(SUSPENDS);
    expect(log).toMatch(/resumed after a pause of about \d+ s \(longer than the lock's 2 s stale window\); the vault lock is still ours: going on/);
    expect(log).not.toContain('no longer ours');
    const drops = Array.from({ length: SUSPENDS }, (_, i) => `drop${i + 1}.md`);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(drops);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(drops.map((d) => `PLAN_${d}`));
    expect(await listDir(path.join(root, 'Logs'))).not.toContain('.ai_employee.lock');
  });

  test('stopped in the middle of intake beside a cron run: every drop is taken in once, with one plan', async () => {
    const root = await vault({ 'ai-employee.yaml': 'daemon:\n  debounce: 50ms\n' });
    const daemon = startDaemon(root, [], env);
    await waitUntilWatching(root);
    const names = Array.from({ length: 300 }, (_, i) => `bulk${String(i).padStart(3, '0')}.md`);
    await Promise.all(names.map((name) => fs.writeFile(path.join(root, 'Inbox', name), `Reply to request ${name}.\n`)));
    // Stopped as soon as the first item lands, so that claims are in flight in staging.
    await waitFor(async () => (await listDir(path.join(root, 'Needs_Action'))).length > 0, 'the first item in Needs_Action/', 15_000, 5);
    daemon.kill('SIGSTOP');
    const inFlight = { inbox: (await listDir(path.join(root, 'Inbox'))).length, staged: (await listDir(path.join(root, '.ai-employee', 'staging'))).length, taken: (await listDir(path.join(root, 'Needs_Action'))).length };
    console.log(`[suspend-resume] stopped mid-intake of ${names.length} drops: ${JSON.stringify(inFlight)}`);
    await suspendPastStale(daemon, root);
    const cron = await runCli(['--once', '--vault', root, '--quiet'], { env });
    expect(cron.code).toBe(75);
    daemon.kill('SIGCONT');
    await waitFor(async () => (await listDir(path.join(root, 'Plans'))).length >= names.length && (await listDir(path.join(root, 'Inbox'))).length === 0, 'every drop taken in and planned', 60_000);
    daemon.kill('SIGTERM');
    expect((await exitWithin(daemon, 10_000)).code).toBe(0);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(names);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(names.map((n) => `PLAN_${n}`));
    expect(await listDir(path.join(root, '.ai-employee', 'staging'))).toEqual([]);
  });

  test('its lock folder was removed while it was stopped (nobody else holds it): resumed, it re-asserts the lock and goes on', async () => {
    const root = await vault({ 'ai-employee.yaml': 'daemon:\n  debounce: 100ms\n' });
    const daemon = startDaemon(root, [], env);
    await waitUntilWatching(root);
    await suspendPastStale(daemon, root);
    await fs.rm(lockOf(root), { recursive: true });
    daemon.kill('SIGCONT');
    await waitForLog(root, `re-asserted the vault lock ${lockOf(root)}`);
    expect((await fs.stat(lockOf(root))).isDirectory()).toBe(true);
    expect(JSON.parse(await fs.readFile(`${lockOf(root)}.owner.json`, 'utf8'))).toMatchObject({ pid: daemon.pid, host: os.hostname() });
    expect((await runCli(['--once', '--vault', root, '--quiet'], { env })).code).toBe(75);
    await fs.writeFile(path.join(root, 'Inbox', 'after.md'), 'Sign the lease.\n');
    await waitFor(() => fs.stat(path.join(root, 'Plans', 'PLAN_after.md')).catch(() => false), 'a plan after the lock was re-asserted');
    daemon.kill('SIGTERM');
    expect((await exitWithin(daemon, 10_000)).code).toBe(0);
    expect(await readLog(root)).not.toContain('no longer ours');
  });

  test('another host took the lock over while it was stopped: resumed, it stops writing at once (exit 1) and leaves their lock alone', async () => {
    const root = await vault({ 'ai-employee.yaml': 'daemon:\n  debounce: 100ms\n' });
    const daemon = startDaemon(root, [], env);
    await waitUntilWatching(root);
    await suspendPastStale(daemon, root);
    // What a run on another machine syncing this vault does with a lock stale for it: takes it over.
    const other = { pid: 4242, host: 'other-host.example', startedAt: new Date().toISOString() };
    await fs.rm(lockOf(root), { recursive: true });
    await fs.mkdir(lockOf(root));
    await fs.writeFile(`${lockOf(root)}.owner.json`, `${JSON.stringify(other)}\n`);
    daemon.kill('SIGCONT');
    const exit = await exitWithin(daemon, 10_000);
    expect(exit.code).toBe(1);
    const log = await readLog(root);
    expect(log).toContain(`was taken over by pid 4242 on other-host.example (started ${other.startedAt}) while this process was paused`);
    expect(log).toContain('daemon stopping: the vault lock is no longer ours (exit 1)');
    expect(JSON.parse(await fs.readFile(`${lockOf(root)}.owner.json`, 'utf8'))).toEqual(other);
    expect((await fs.stat(lockOf(root))).isDirectory()).toBe(true);
  });
});
