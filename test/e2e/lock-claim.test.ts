import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { makeVault, removeVault } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeVault));
});

// A run killed in the few milliseconds while it takes the lock leaves its acquisition claim behind;
// §5 says a lock whose process is gone is taken over at once, so that claim must not block the next run.
test('a claim left by a process killed while taking the lock does not block the next run', async () => {
  const root = await makeVault({ 'Inbox/a.md': 'Call Bob.\n' });
  roots.push(root);
  const claim = path.join(root, 'Logs', '.ai_employee.lock.acquiring');
  await fs.mkdir(claim);
  const dead = await new Promise<number>((resolve) => {
    import('node:child_process').then(({ spawn }) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.on('close', () => resolve(child.pid!));
    });
  });
  await fs.writeFile(path.join(claim, 'owner.json'), JSON.stringify({ pid: dead, host: (await import('node:os')).hostname() }));
  const run = await runCli(['--once', '--vault', root, '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a.md']);
});

test('the draft of a claim whose writer was killed is removed by the next run', async () => {
  const root = await makeVault({ 'Inbox/a.md': 'Call Bob.\n' });
  roots.push(root);
  const dead = await new Promise<number>((resolve) => {
    import('node:child_process').then(({ spawn }) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.on('close', () => resolve(child.pid!));
    });
  });
  await fs.mkdir(path.join(root, 'Logs', `.ai_employee.lock.acquiring-${dead}`));
  expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
  expect(await listDir(path.join(root, 'Logs'))).toEqual(['ai_employee.log', 'audit.jsonl']);
});

// Killed after taking proper-lockfile's lock but before writing the owner record beside it: the lock
// folder is there with no record, and the dead run's claim too. The next run takes over at once
// (before: exit 75 "another ai-employee holds …" until the lock went stale 30 s later; the crash suite
// hit it once).
test('a lock taken by a run killed before it wrote its owner record is taken over at once', async () => {
  const root = await makeVault({ 'Inbox/a.md': 'Call Bob.\n' });
  roots.push(root);
  const dead = await new Promise<number>((resolve) => {
    import('node:child_process').then(({ spawn }) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.on('close', () => resolve(child.pid!));
    });
  });
  const claim = path.join(root, 'Logs', '.ai_employee.lock.acquiring');
  await fs.mkdir(claim);
  await fs.writeFile(path.join(claim, 'owner.json'), JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), startedAt: new Date().toISOString() }));
  await fs.mkdir(path.join(root, 'Logs', '.ai_employee.lock'));
  const run = await runCli(['--once', '--vault', root, '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a.md']);
  expect(await listDir(path.join(root, 'Logs'))).toEqual(['ai_employee.log', 'audit.jsonl']);
});

// Without a dead claim, a lock with no record may be a live owner's (its record removed by hand, or
// an owner releasing): never taken over before it goes stale.
test('a lock with no owner record and no dead claim is not taken over', async () => {
  const root = await makeVault({ 'Inbox/a.md': 'Call Bob.\n' });
  roots.push(root);
  await fs.mkdir(path.join(root, 'Logs', '.ai_employee.lock'));
  const run = await runCli(['--once', '--vault', root, '--quiet']);
  expect(run.code).toBe(75);
  expect(run.stderr).toMatch(/another ai-employee holds/);
  expect(await listDir(path.join(root, 'Inbox'))).toEqual(['a.md']);
});
