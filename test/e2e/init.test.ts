import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { makeTempDir, removeVault } from '../helpers/make-vault.js';
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
