import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { runCli } from '../helpers/run-cli.js';
import { localDay } from '../../src/vault/local-day.js';

// §10 end to end: `ai-employee briefing` as a user runs it, on a real vault.

const tempVault = tempVaults();

function itemNote(received: Date): string {
  const stamp = `${localDay(received)}T${String(received.getHours()).padStart(2, '0')}:00:00`;
  return `---\nai_id: x\nai_type: note\nai_status: needs_action\nai_received: ${stamp}\nai_source: inbox\n---\nSomething to do.\n`;
}

describe('ai-employee briefing', () => {
  test('run twice, it keeps the line the user appended to today\'s briefing', async () => {
    const root = await tempVault();
    const first = await runCli(['briefing', '--vault', root]);
    expect(first.code).toBe(0);
    const file = path.join(root, 'Briefings', `${localDay(new Date())}.md`);
    expect(first.stdout).toBe(`wrote ${file}\n`);
    await fs.appendFile(file, '\nMy own note: ring the plumber.\n');

    const second = await runCli(['briefing', '--vault', root]);
    expect(second.code).toBe(0);
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('<!-- ai-employee:end -->\n\nMy own note: ring the plumber.\n');
    expect(text.match(/# Briefing — /g)).toHaveLength(1);
  });

  test('--date describes that day: its weekday, its 24 hours, no greeting', async () => {
    const today = new Date();
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 3);
    const theDayBefore = new Date(day.getFullYear(), day.getMonth(), day.getDate() - 1, 12);
    const root = await tempVault({
      'ai-employee.yaml': 'briefing:\n  time: "08:00"\n',
      'Needs_Action/that day.md': itemNote(theDayBefore),
      'Needs_Action/this morning.md': itemNote(new Date(today.getFullYear(), today.getMonth(), today.getDate(), 0)),
    });
    const run = await runCli(['briefing', '--date', localDay(day), '--vault', root]);
    expect(run.code).toBe(0);
    const text = await fs.readFile(path.join(root, 'Briefings', `${localDay(day)}.md`), 'utf8');
    const weekday = day.toLocaleDateString('en-GB', { weekday: 'long' });
    const month = day.toLocaleDateString('en-GB', { month: 'long' });
    expect(text).toContain(`# Briefing — ${weekday} ${day.getDate()} ${month} ${day.getFullYear()}`);
    expect(text).toContain(`\nIn the 24 hours before ${localDay(day)} 08:00: 1 new item, 0 completed. 1 item open.`);
    expect(text).toContain('- 📥 [[that day]]');
    expect(text).not.toContain('this morning');
    expect(text).not.toMatch(/Good (morning|afternoon|evening)/);
  });
});
