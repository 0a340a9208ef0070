import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

const tempVault = tempVaults();

async function vault(tree = {}): Promise<string> {
  return tempVault({ 'Inbox/a.md': 'Call Bob.\n', ...tree });
}

describe('command line', () => {
  test.each([
    { args: ['--once', '--interval', '0'], names: '--interval' },
    { args: ['--daemon', '--interval', '0.5'], names: '--interval' },
    { args: ['--status', '--interval', 'abc'], names: '--interval' },
    { args: ['--once', '--bogus'], names: 'bogus' },
    { args: ['--json', '--once'], names: '--json' },
    { args: ['--dry-run'], names: '--dry-run' },
    { args: ['--dry-run', '--status'], names: '--dry-run' },
    { args: ['--once', '--daemon'], names: 'daemon' },
    { args: ['--once', '--max-log-size', '0'], names: '--max-log-size' },
  ])('$args → exit 2 naming $names, and nothing is touched', async ({ args, names }) => {
    const root = await vault();
    const run = await runCli([...args, '--vault', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(names);
    expect(run.stdout).toBe('');
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['a.md']);
    expect(await listDir(path.join(root, 'Logs'))).toEqual([]);
  });

  test.each([
    { yaml: 'bogus: 1\n', names: 'bogus' },
    { yaml: 'planner:\n  engine: magic\n', names: 'planner.engine' },
    { yaml: 'intake:\n  settleTime: soon\n', names: 'settleTime' },
    { yaml: 'intake: [unclosed\n', names: 'ai-employee.yaml' },
  ])('a bad ai-employee.yaml ($names) → exit 2 naming it, nothing taken in', async ({ yaml, names }) => {
    const root = await vault({ 'ai-employee.yaml': yaml });
    const run = await runCli(['--once', '--vault', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(names);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['a.md']);
  });

  test('--once on a missing vault → exit 2 naming the folder', async () => {
    const root = await vault();
    const missing = path.join(root, 'missing');
    const run = await runCli(['--once', '--vault', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(missing);
    await expect(fs.access(missing)).rejects.toThrow();
  });

  test('--help shows the modes, the options and examples', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const text of ['--once', '--daemon', '--status', '--dry-run', '--max-log-size', 'Examples:', 'init']) expect(run.stdout).toContain(text);
  });

  test.each([
    { command: 'init', shows: ['--with-samples'], hides: ['--daemon', '--once', '--interval', '--vault', '--json'] },
    { command: 'undo', shows: ['--last', '--to', '--dry-run', '--vault'], hides: ['--daemon', '--once', '--interval', '--json'] },
    { command: 'service', shows: ['--systemd', '--interval', '--vault'], hides: ['--daemon', '--once', '--dry-run'] },
  ])('$command --help lists its own options, not every mode flag', async ({ command, shows, hides }) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    for (const flag of shows) expect(run.stdout).toContain(flag);
    for (const flag of hides) expect(run.stdout).not.toContain(flag);
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(await fs.readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  test('$AI_EMPLOYEE_VAULT is the default vault', async () => {
    const root = await vault();
    const run = await runCli(['--once', '--quiet'], { env: { AI_EMPLOYEE_VAULT: root } });
    expect(run.code).toBe(0);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a.md']);
  });
});
