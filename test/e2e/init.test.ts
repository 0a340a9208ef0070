import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeTempDir, removeVault, tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeVault));
});

test('init creates the vault from the template and never overwrites a file', async () => {
  const parent = await makeTempDir();
  roots.push(parent);
  const root = path.join(parent, 'Vault');
  await fs.mkdir(root);
  await fs.writeFile(path.join(root, 'Dashboard.md'), 'my own dashboard\n');
  const run = await runCli(['init', root]);
  expect(run.code).toBe(0);
  for (const folder of ['Inbox', 'Needs_Action', 'Plans', 'Done', 'Briefings', 'Logs']) expect((await fs.stat(path.join(root, folder))).isDirectory()).toBe(true);
  for (const file of ['Company_Handbook.md', 'Business_Goals.md', 'ai-employee.yaml']) expect((await fs.stat(path.join(root, file))).isFile()).toBe(true);
  expect(await fs.readFile(path.join(root, 'Dashboard.md'), 'utf8')).toBe('my own dashboard\n');
  expect(run.stdout).toMatch(/kept\s+Dashboard\.md/);
  expect(await listDir(path.join(root, 'Inbox'))).toEqual([]);
  // The written configuration is all defaults (as comments) and loads.
  expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
  const handbook = await fs.readFile(path.join(root, 'Company_Handbook.md'), 'utf8');
  expect((await runCli(['init', root])).code).toBe(0);
  expect(await fs.readFile(path.join(root, 'Company_Handbook.md'), 'utf8')).toBe(handbook);
});

test('init --with-samples drops sample files in Inbox that --once takes in', async () => {
  const parent = await makeTempDir();
  roots.push(parent);
  const root = path.join(parent, 'Demo');
  expect((await runCli(['init', root, '--with-samples'])).code).toBe(0);
  const samples = await listDir(path.join(root, 'Inbox'));
  expect(samples.length).toBeGreaterThan(0);
  expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
  expect(await listDir(path.join(root, 'Inbox'))).toEqual([]);
  expect((await listDir(path.join(root, 'Plans'))).length).toBeGreaterThan(0);
});

const vault = tempVaults();

describe('only vaults are vaults (issue 15)', () => {
  test('--once in a plain folder without --vault exits 2, names the folder, and creates nothing', async () => {
    const plain = await vault({ 'my-notes.txt': 'mine\n' });
    await fs.rm(path.join(plain, 'Inbox'), { recursive: true });
    for (const dir of ['Needs_Action', 'Plans', 'Done', 'Briefings', 'Logs']) await fs.rm(path.join(plain, dir), { recursive: true, force: true });
    const before = await fs.readdir(plain);
    const env = { ...process.env };
    delete env.AI_EMPLOYEE_VAULT;
    const run = await runCli(['--once'], { cwd: plain, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${plain} is not a vault`);
    expect(run.stderr).toContain('ai-employee init');
    expect(await fs.readdir(plain)).toEqual(before);
  });

  test('a folder with Inbox/ is a vault, found from the current folder', async () => {
    const root = await vault({ 'Inbox/a.md': 'Call Bo.\n', 'ai-employee.yaml': 'intake:\n  settleTime: 0ms\n' });
    const env = { ...process.env };
    delete env.AI_EMPLOYEE_VAULT;
    const run = await runCli(['--once', '--quiet'], { cwd: root, env });
    expect(run.code, run.stderr).toBe(0);
    expect(await fs.readdir(path.join(root, 'Plans'))).toEqual(['PLAN_a.md']);
  });
});
