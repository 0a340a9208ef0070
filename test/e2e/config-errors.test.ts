import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// §12: a bad value is caught when ai-employee.yaml is read, whichever command reads it — exit 2, naming the key.

const tempVault = tempVaults();
const badCron = 'jobs:\n  - name: report\n    command: [echo, hi]\n    schedule: { cron: "99 * * * *" }\n';

describe('a bad cron pattern is a configuration error', () => {
  test.each([
    { command: ['config'] },
    { command: ['jobs', 'list'] },
    { command: ['--once'] },
    { command: ['--once', '--quiet'] },
    { command: ['--daemon'] },
  ])('$command → exit 2 naming jobs[0].schedule.cron and the value, nothing taken in', async ({ command }) => {
    const root = await tempVault({ 'ai-employee.yaml': badCron, 'Inbox/a.md': 'Call Bob.\n' });
    const run = await runCli([...command, '--vault', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('jobs[0].schedule.cron: "99 * * * *" — not a valid cron pattern (Invalid value for minute: 99)');
    expect(run.stdout).toBe('');
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['a.md']);
    expect(await listDir(path.join(root, 'Logs'))).toEqual([]);
  });
});

describe('--interval names what was typed', () => {
  test.each([
    { value: 'abc', message: '--interval: "abc" is not a duration (e.g. 5 for five minutes, 30m, 1h)' },
    { value: '0.5', message: '--interval: "0.5" is too short: use at least 1 minute' },
    { value: '30s', message: '--interval: "30s" is too short: use at least 1 minute' },
  ])('--interval $value → exit 2: $message', async ({ value, message }) => {
    const root = await tempVault();
    const run = await runCli(['--daemon', '--interval', value, '--vault', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ai-employee: ${message}\n`);
  });

  test('--interval 10m is ten minutes: the service unit carries it', async () => {
    const root = await tempVault();
    const run = await runCli(['service', '--systemd', '--interval', '10m', '--vault', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--interval 10');
  });
});
