import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readNote } from '../helpers/core-notes.js';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir, readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

const LOG_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} - (DEBUG|INFO|WARNING|ERROR) - /;
const FAST = 'intake:\n  settleTime: 0ms\n';
const vault = tempVaults();

async function once(root: string, ...more: string[]) {
  const run = await runCli(['--once', '--vault', root, ...more]);
  if (run.code !== 0) throw new Error(`--once exited ${run.code}: ${run.stderr}`);
  return run;
}

describe('--once end to end', () => {
  test('takes in, plans and writes Dashboard.md, keeping the user text outside the markers', async () => {
    const dashboard = '# My dashboard\n\nMy own notes above.\n\n<!-- ai-employee:start -->\nold block\n<!-- ai-employee:end -->\n\nAnd below, mine too.\n';
    const root = await vault({ 'Inbox/a.md': 'Call Bob tomorrow.\n', 'Dashboard.md': dashboard, 'ai-employee.yaml': FAST });
    await once(root, '--quiet');
    const text = await fs.readFile(path.join(root, 'Dashboard.md'), 'utf8');
    expect(text.startsWith('# My dashboard\n\nMy own notes above.\n\n<!-- ai-employee:start -->\n')).toBe(true);
    expect(text.endsWith('<!-- ai-employee:end -->\n\nAnd below, mine too.\n')).toBe(true);
    expect(text).not.toContain('old block');
    expect(text).toContain('PLAN_a');
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_a.md']);
  });

  test('--dry-run changes nothing (not even Logs/ or .ai-employee/) and prints one line per move or write', async () => {
    const root = await vault({
      'Inbox/a.md': 'Call Bob.\n',
      'Inbox/scan.pdf': '%PDF',
      'Needs_Action/done.md': '---\nai_id: 20260101-000000-aaaaaaaa\nai_status: planned\nai_plan: "[[PLAN_done]]"\n---\nx\n',
      'Plans/PLAN_done.md': '---\nid: 20260101-000000-aaaaaaaa\nsource: "[[done]]"\nstatus: pending\n---\n- [x] all ticked\n',
      'Needs_Action/open.md': 'no plan yet\n',
      'ai-employee.yaml': FAST,
    });
    await once(root, '--quiet');
    await fs.writeFile(path.join(root, 'Inbox', 'later.md'), 'Book flights.\n');
    const before = await readTree(root);
    const run = await runCli(['--once', '--dry-run', '--vault', root]);
    expect(run.code).toBe(0);
    expect(await readTree(root)).toEqual(before);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContain('move Inbox/later.md -> Needs_Action/later.md');
    expect(lines).toContain('write Plans/PLAN_later.md');
    expect(lines).toContain('write Dashboard.md');
    for (const line of lines) expect(line).toMatch(/^(move|write|update|run) /);
    expect(new Set(lines).size).toBe(lines.length);
  });

  test('--dry-run on a fresh vault lists every intake, plan and filing it would make', async () => {
    const root = await vault({
      'Inbox/a.md': 'Call Bob.\n',
      'Inbox/scan.pdf': '%PDF',
      'Needs_Action/done.md': '---\nai_id: 20260101-000000-aaaaaaaa\nai_status: planned\nai_plan: "[[PLAN_done]]"\n---\nx\n',
      'Plans/PLAN_done.md': '---\nid: 20260101-000000-aaaaaaaa\nsource: "[[done]]"\nstatus: pending\n---\n- [x] all ticked\n',
      'ai-employee.yaml': FAST,
    });
    const before = await readTree(root);
    const run = await runCli(['--once', '--dry-run', '--vault', root]);
    expect(run.code).toBe(0);
    expect(await readTree(root)).toEqual(before);
    expect(await listDir(path.join(root, 'Logs'))).toEqual([]);
    const lines = run.stdout.trim().split('\n');
    for (const expected of ['move Inbox/a.md -> Needs_Action/a.md', 'move Inbox/scan.pdf -> Needs_Action/scan.pdf', 'write Needs_Action/scan.pdf.md (companion note)', 'write Plans/PLAN_a.md', 'write Plans/PLAN_scan.pdf.md']) {
      expect(lines).toContain(expected);
    }
    expect(lines.some((l) => /^move Plans\/PLAN_done\.md -> Done\/\d{4}-\d{2}\/PLAN_done\.md$/.test(l))).toBe(true);
    expect(lines.some((l) => /^move Needs_Action\/done\.md -> Done\//.test(l))).toBe(true);
  });

  test('a sub-folder in Inbox is warned about once over two runs, and the dashboard does not call it failed', async () => {
    const root = await vault({ 'Inbox/folder/x.md': 'inside', 'ai-employee.yaml': FAST });
    await once(root, '--quiet');
    await once(root, '--quiet');
    const log = await fs.readFile(path.join(root, 'Logs', 'ai_employee.log'), 'utf8');
    expect(log.split('\n').filter((l) => l.includes('Inbox/folder/'))).toHaveLength(1);
    expect(await readTree(path.join(root, 'Inbox'))).toEqual({ 'folder/x.md': 'inside' });
    const dashboard = await fs.readFile(path.join(root, 'Dashboard.md'), 'utf8');
    expect(dashboard).toContain('- ℹ️ left the folder Inbox/folder/ alone (only files directly in Inbox/ are taken in)');
    expect(dashboard).not.toContain('❌');
  });
});

describe('logs', () => {
  test('rotate at --max-log-size, keep 3 old files, and no file name can forge a line', async () => {
    const forged = 'evil\n2026-01-01 00:00:00 - ERROR - forged.md';
    const root = await vault({ 'ai-employee.yaml': FAST });
    await fs.writeFile(path.join(root, 'Inbox', forged), 'forged note\n');
    await fs.mkdir(path.join(root, 'Inbox', `${forged} folder`));
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 10; i++) await fs.writeFile(path.join(root, 'Inbox', `r${round}-n${i}.md`), `Note ${i} of round ${round}: please review.\n`);
      // Each new folder is warned about once: about 1 KiB of text log per round.
      for (let i = 0; i < 10; i++) await fs.mkdir(path.join(root, 'Inbox', `folder r${round}-${i}`));
      await once(root, '--max-log-size', '0.001', '--quiet');
    }
    const logs = await listDir(path.join(root, 'Logs'));
    const textLogs = logs.filter((n) => n.startsWith('ai_employee.log'));
    const auditLogs = logs.filter((n) => n.startsWith('audit.jsonl'));
    expect(textLogs).toEqual(['ai_employee.log', 'ai_employee.log.1', 'ai_employee.log.2', 'ai_employee.log.3']);
    expect(auditLogs).toEqual(['audit.jsonl', 'audit.jsonl.1', 'audit.jsonl.2', 'audit.jsonl.3']);
    let sawWarning = false;
    for (const name of textLogs) {
      const text = await fs.readFile(path.join(root, 'Logs', name), 'utf8');
      for (const line of text.split('\n').filter(Boolean)) {
        expect(line).toMatch(LOG_LINE);
        expect(line.startsWith('2026-01-01 00:00:00 - ERROR - forged')).toBe(false);
        if (line.includes('evil\\n2026-01-01')) sawWarning = true;
      }
    }
    // The folder's warning was logged once in the first run: it may have rotated away by now.
    const all = (await Promise.all(textLogs.map((n) => fs.readFile(path.join(root, 'Logs', n), 'utf8')))).join('');
    expect(sawWarning || !all.includes('evil')).toBe(true);
    for (const name of auditLogs) {
      const text = await fs.readFile(path.join(root, 'Logs', name), 'utf8');
      for (const line of text.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    }
    const taken = await readNote(path.join(root, 'Needs_Action', forged));
    expect(taken.data.ai_original_name).toBe(forged);
    expect(taken.body.toString()).toBe('forged note\n');
  });

  test('the forged folder name is logged escaped on one line', async () => {
    const forged = 'evil\n2026-01-01 00:00:00 - ERROR - forged';
    const root = await vault({ 'ai-employee.yaml': FAST });
    await fs.mkdir(path.join(root, 'Inbox', forged));
    const run = await once(root);
    const log = await fs.readFile(path.join(root, 'Logs', 'ai_employee.log'), 'utf8');
    for (const text of [log, run.stderr]) {
      const lines = text.split('\n').filter(Boolean);
      for (const line of lines) expect(line).toMatch(LOG_LINE);
      expect(lines.filter((l) => l.includes('evil\\n2026-01-01 00:00:00 - ERROR - forged'))).toHaveLength(1);
    }
  });
});
