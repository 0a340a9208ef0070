import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeVault, removeVault } from '../helpers/make-vault.js';
import { runCli } from '../helpers/run-cli.js';
import { badLogLines } from './support/hostile-checks.js';

// §13: a burst of thousands of log lines, rotated at a small size: no line lost or split, at most
// three old files, every line well-formed, and no file name can forge a line.

let vault: string;
afterEach(async () => {
  await removeVault(vault);
});

const FORGE = '\n2020-01-01 00:00:00 - ERROR - forged line';

describe('log torture', () => {
  test('rotation at 0.01 MB over ~1,200 items keeps whole lines: the kept files are exactly the tail of what was logged', async () => {
    const inbox: Record<string, string> = {};
    for (let i = 0; i < 1200; i++) inbox[`note ${i}${i % 50 === 0 ? FORGE : ''}.md`] = `call bob ${i}\n`;
    vault = await makeVault({ Inbox: inbox });
    const past = new Date(Date.now() - 60_000);
    for (const name of Object.keys(inbox)) await fs.utimes(path.join(vault, 'Inbox', name), past, past);

    const result = await runCli(['--once', '--vault', vault, '--ignore-constraints', '--max-log-size', '0.01']);
    expect(result.code, result.stderr.slice(-2000)).toBe(0);

    const logs = path.join(vault, 'Logs');
    const names = (await fs.readdir(logs)).filter((n) => n.startsWith('ai_employee.log')).sort();
    expect(names.length).toBeGreaterThan(1);
    expect(names.every((n) => /^ai_employee\.log(\.[1-3])?$/.test(n)), names.join()).toBe(true);
    expect(await badLogLines(logs)).toEqual([]);

    // Everything logged was also echoed to stderr: the kept files, oldest first, must be its exact tail.
    const echoed = result.stderr.split('\n').slice(0, -1);
    expect(echoed.filter((l) => / - INFO - took in Inbox\//.test(l)).length).toBe(1200);
    const kept: string[] = [];
    for (const name of ['ai_employee.log.3', 'ai_employee.log.2', 'ai_employee.log.1', 'ai_employee.log'].filter((n) => names.includes(n))) {
      kept.push(...(await fs.readFile(path.join(logs, name), 'utf8')).split('\n').slice(0, -1));
    }
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(echoed.slice(echoed.length - kept.length));
    for (const line of [...echoed, ...kept]) expect(line.startsWith('2020-01-01 00:00:00 - ERROR - forged')).toBe(false);
    expect(echoed.filter((l) => l.includes('\\n2020-01-01 00:00:00 - ERROR - forged line')).length).toBeGreaterThanOrEqual(24);

    const auditNames = (await fs.readdir(logs)).filter((n) => n.startsWith('audit.jsonl'));
    expect(auditNames.every((n) => /^audit\.jsonl(\.[1-3])?$/.test(n)), auditNames.join()).toBe(true);
    for (const name of auditNames) {
      const text = await fs.readFile(path.join(logs, name), 'utf8');
      expect(text === '' || text.endsWith('\n')).toBe(true);
      for (const line of text.split('\n').slice(0, -1)) expect(() => JSON.parse(line), line).not.toThrow();
    }
  });
});
