import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { runCli } from '../helpers/run-cli.js';

// §13 as a user reads the log: in the order things happened, with counts that add up, no DEBUG noise on stderr.

const tempVault = tempVaults();

describe('the log of one run', () => {
  test('"took in" comes before "planned", and plans made at intake are counted under plan', async () => {
    const root = await tempVault({ 'Inbox/call-bob.md': 'Please call Bob.\n', 'Inbox/pay.md': 'Pay the invoice by Friday.\n' });
    const run = await runCli(['--once', '--vault', root]);
    expect(run.code).toBe(0);
    const lines = run.stderr.split('\n');
    const tookIn = lines.findIndex((line) => line.includes('INFO - took in Inbox/call-bob.md -> Needs_Action/call-bob.md'));
    const planned = lines.findIndex((line) => line.includes('INFO - planned call-bob.md -> Plans/PLAN_call-bob.md'));
    expect(tookIn).toBeGreaterThanOrEqual(0);
    expect(planned).toBeGreaterThan(tookIn);
    expect(run.stderr).toMatch(/INFO - iteration done: intake 2, plan 2, complete 0, /);
    const audit = (await fs.readFile(path.join(root, 'Logs', 'audit.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { action: string; item: string });
    const forBob = audit.filter((entry) => entry.item === 'call-bob.md').map((entry) => entry.action);
    expect(forBob).toEqual(['intake', 'plan']);
  });

  test('DEBUG lines go to the log file, not to stderr', async () => {
    // An empty note waits for its text: intake says so at DEBUG level.
    const root = await tempVault({ 'Inbox/Untitled.md': '' });
    const run = await runCli(['--once', '--vault', root]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain(' - DEBUG - ');
    expect(run.stderr).toContain(' - INFO - iteration done:');
    expect(await fs.readFile(path.join(root, 'Logs', 'ai_employee.log'), 'utf8')).toContain('DEBUG - intake: Inbox/Untitled.md is empty; left until');
  });
});
