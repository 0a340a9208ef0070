import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeVault, removeVault } from '../helpers/make-vault.js';
import { runCli } from '../helpers/run-cli.js';

// `ai-employee jobs …` as a user runs it: a manual run shows in the list, the history and --status.
describe('ai-employee jobs', () => {
  let vault: string;

  beforeEach(async () => {
    const job = JSON.stringify([process.execPath, '-e', "console.log('report done')"]);
    vault = await makeVault({ 'ai-employee.yaml': `jobs:\n  - name: report\n    command: ${job}\n    schedule: { daily: "07:30" }\n` });
  });

  afterEach(async () => {
    await removeVault(vault);
  });

  test('jobs run NAME runs it now; jobs list and jobs history then show that run', async () => {
    const run = await runCli(['jobs', 'run', 'report', '--vault', vault, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/report\s+manual\s+ok\s+exit 0\s+1/);

    const list = await runCli(['jobs', 'list', '--vault', vault]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/report\s+daily at 07:30\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+ok/);

    const history = await runCli(['jobs', 'history', 'report', '--vault', vault]);
    expect(history.stdout.trim().split('\n')).toHaveLength(2);
    expect(history.stdout).toMatch(/report\s+manual\s+ok/);
  });

  test('jobs run with an unknown name exits 2 naming the known jobs', async () => {
    const run = await runCli(['jobs', 'run', 'nope', '--vault', vault, '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no job named "nope" (known jobs: report)');
  });
});
