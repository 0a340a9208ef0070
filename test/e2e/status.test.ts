import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { holdLock, type LockHolder } from '../helpers/lock-holder.js';
import { makeTempDir, makeVault, removeVault } from '../helpers/make-vault.js';
import { listFilesDeep } from '../helpers/core-notes.js';
import { readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

const roots: string[] = [];
const holders: LockHolder[] = [];

afterEach(async () => {
  await Promise.all(holders.splice(0).map((h) => h.release().catch(() => {})));
  await Promise.all(roots.splice(0).map(removeVault));
});

async function vault(tree = {}): Promise<string> {
  const root = await makeVault(tree);
  roots.push(root);
  return root;
}

async function statusJson(root: string) {
  const run = await runCli(['--status', '--json', '--vault', root]);
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as Record<string, any>, stdout: run.stdout };
}

// Everything a write could change: names, contents, sizes and modification times.
async function snapshot(root: string) {
  const files = await listFilesDeep(root);
  const stats = await Promise.all(files.map(async (f) => `${f} ${(await fs.lstat(path.join(root, f))).mtimeMs}`));
  return { tree: await readTree(root), stats };
}

describe('--status', () => {
  test('stopped: exit 3, and --json is exactly one JSON document with every key of §4', async () => {
    const root = await vault({ 'Inbox/a.md': 'x', 'Inbox/.hidden': 'x', 'Needs_Action/b.md': '---\nid: 1\n---\n', 'Done/2026-01/c.md': 'c', 'Done/2026-01/PLAN_c.md': 'p', 'Done/2026-02/d.md': 'd' });
    const { code, report, stdout } = await statusJson(root);
    expect(code).toBe(3);
    expect(stdout.trim().startsWith('{')).toBe(true);
    expect(stdout.trim().endsWith('}')).toBe(true);
    expect(report.state).toBe('stopped');
    for (const key of ['state', 'pid', 'host', 'startedAt', 'heartbeatAt', 'vault', 'counts', 'stats', 'deferred', 'constraints', 'log']) expect(report).toHaveProperty(key);
    for (const key of ['inbox', 'needsAction', 'plans', 'done']) expect(typeof report.counts[key]).toBe('number');
    for (const key of ['iterations', 'errors', 'lastRunAt', 'lastError', 'watcherRuns', 'plannerRuns', 'uptimeSeconds']) expect(report.stats).toHaveProperty(key);
    expect(report.log).toEqual({ file: path.join(root, 'Logs', 'ai_employee.log'), sizeBytes: 0 });
    expect(report.vault).toBe(root);
    expect(report.counts).toEqual({ inbox: 1, needsAction: 1, plans: 0, done: 2 });
    expect(Array.isArray(report.deferred)).toBe(true);
  });

  test('after a --once: counts, stats and the log size are reported, state stopped', async () => {
    const root = await vault({ 'Inbox/a.md': 'Call Bob.\n', 'Inbox/scan.pdf': '%PDF' });
    expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
    const { code, report } = await statusJson(root);
    expect(code).toBe(3);
    expect(report.counts).toEqual({ inbox: 0, needsAction: 2, plans: 2, done: 0 });
    expect(report.stats.iterations).toBe(1);
    expect(report.stats.lastRunAt).toMatch(/^\d{4}-/);
    expect(report.log.sizeBytes).toBeGreaterThan(0);
  });

  test('running: exit 0 while the holder is alive, with its pid and host', async () => {
    const root = await vault();
    const holder = await holdLock(path.join(root, 'Logs', '.ai_employee.lock'));
    holders.push(holder);
    const { code, report } = await statusJson(root);
    expect(code).toBe(0);
    expect(report).toMatchObject({ state: 'running', pid: holder.pid, host: os.hostname() });
    expect(report.startedAt).toMatch(/^\d{4}-/);
  });

  test('stale after a real kill -9: exit 1, state "stale", and the lock left in place', async () => {
    const root = await vault();
    const holder = await holdLock(path.join(root, 'Logs', '.ai_employee.lock'));
    await holder.kill9();
    const before = await snapshot(root);
    const { code, report } = await statusJson(root);
    expect(code).toBe(1);
    expect(report.state).toBe('stale');
    expect(report.pid).toBe(holder.pid);
    const text = await runCli(['--status', '--vault', root]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/NOT HEALTHY/);
    expect(await snapshot(root)).toEqual(before);
  });

  test('vault missing: exit 4', async () => {
    const parent = await makeTempDir();
    roots.push(parent);
    const missing = path.join(parent, 'nope');
    const { code, report } = await statusJson(missing);
    expect(code).toBe(4);
    expect(report.vault).toBe(missing);
    expect((await runCli(['--status', '--vault', missing])).code).toBe(4);
    await expect(fs.access(missing)).rejects.toThrow();
  });

  test('no mode given: the status with a one-line hint', async () => {
    const root = await vault();
    const run = await runCli(['--vault', root]);
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/no mode given/);
  });

  test.each([
    { what: 'a used vault', tree: { 'Inbox/a.md': 'Call Bob.\n', 'Inbox/b.pdf': 'x' }, once: true },
    { what: 'a bare folder without the standard folders', tree: null, once: false },
  ])('never writes anything: $what', async ({ tree, once }) => {
    let root: string;
    if (tree) root = await vault(tree);
    else {
      root = await makeTempDir();
      roots.push(root);
      await fs.writeFile(path.join(root, 'note.md'), 'mine');
    }
    if (once) expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
    const before = await snapshot(root);
    await runCli(['--status', '--vault', root]);
    await runCli(['--status', '--json', '--vault', root]);
    await runCli(['--vault', root]);
    expect(await snapshot(root)).toEqual(before);
  });
});
