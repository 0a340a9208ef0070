import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseGoalsProgress } from '../../../src/views/briefing/goals-progress.js';
import { writeBriefing } from '../../../src/views/briefing/write-briefing.js';
import { defaultConfig } from '../../../src/config/schema.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { emptyState, type AgentState } from '../../../src/runner/state.js';
import { parseYamlData } from '../../../src/vault/frontmatter.js';
import { vaultLayout } from '../../../src/vault/layout.js';
import { ago, makeTempDir, item, note, writeTree } from '../dashboard/vault-tree.js';

const NOW = new Date(2025, 2, 14, 8, 30);
let root: string;
beforeEach(async () => {
  root = await makeTempDir('ai-employee-brief-');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

function job(name: string, start: string, result: string, exitCode: number | null = 0): string {
  return JSON.stringify({ name, trigger: 'schedule', start, end: start, exitCode, signal: null, timedOut: result === 'timeout', attempts: 1, durationMs: 1200, result, output: 'secret output' });
}

async function buildVault(): Promise<void> {
  await writeTree(root, {
    'Needs_Action/Pay invoice.md': item({ id: 'a', received: ago(NOW, 0, 3), priority: 'high', due: '2025-03-12', title: 'Pay the ACME invoice' }),
    'Needs_Action/Call Bob.md': item({ id: 'b', received: ago(NOW, 2), due: '2025-03-14' }),
    'Needs_Action/Old report.md': item({ id: 'c', received: ago(NOW, 9), priority: 'low' }),
    'Done/2025-03/Book flights.md': item({ id: 'd', status: 'done', received: ago(NOW, 0, 5), completed: ago(NOW, 0, 1) }),
    'Done/2025-03/Earlier.md': item({ id: 'e', status: 'done', received: ago(NOW, 6), completed: ago(NOW, 3) }),
    'Business_Goals.md': '---\ntags: [goals]\n---\n# Goals\n## Revenue\n- [x] one\n- [ ] two\n- [-] dropped\n```\n- [ ] in code\n```\n## Health\n* [X] run\n',
    'Logs/ai_employee.log': 'x'.repeat(2048),
    'Logs/jobs.jsonl': [
      job('backup', ago(NOW, 3), 'ok'),
      job('backup', ago(NOW, 0, 6), 'ok'),
      '{"cut short',
      job('backup', ago(NOW, 0, 2), 'failed', 3),
      job('sync', ago(NOW, 0, 1), 'timeout', null),
      '',
    ].join('\n'),
  });
}

function stateWithLastBriefing(): AgentState {
  const state = emptyState();
  state.startedAt = ago(NOW, 0, 26);
  state.stats.iterations = 312;
  state.stats.errors = 2;
  state.deferred = [{ stage: 'plan', reason: 'battery 9% is below 15%', since: ago(NOW, 0, 1) }];
  state.briefing = { lastDate: '2025-03-13', lastWrittenAt: ago(NOW, 1) };
  return state;
}

async function write(state: AgentState) {
  const log = memoryLogger();
  const written = await writeBriefing(vaultLayout(root), { date: '2025-03-14', now: NOW, state, config: defaultConfig(), log });
  return { text: await fs.readFile(written.file, 'utf8'), file: written.file, log };
}

function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(`## ${heading}`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = text.indexOf('\n## ', start + 3);
  return text.slice(start, end === -1 ? undefined : end);
}

describe('writeBriefing', () => {
  test('writes Briefings/<date>.md with Obsidian properties', async () => {
    await buildVault();
    const { text, file } = await write(stateWithLastBriefing());
    expect(file).toBe(path.join(root, 'Briefings', '2025-03-14.md'));
    const properties = parseYamlData(text.split('---\n')[1]!);
    expect(properties).toEqual({ date: '2025-03-14', tags: ['briefing'], received: 2, completed: 1, open: 3, high_priority: 1, overdue: 1, due_today: 1, stale: 1, jobs_failed: 2 });
    expect(text).toContain('# Briefing — Friday 14 March 2025');
    expect(text).toContain('Good morning. Since the last briefing: 2 new items, 1 completed. 3 items open: 1 overdue, 1 due today, 1 high priority.');
  });

  test('puts the urgent sections first and links every item', async () => {
    await buildVault();
    const { text } = await write(stateWithLastBriefing());
    const order = ['## Due today and overdue', '## High priority', '## Waiting more than 3 days', '## Since the last briefing', '## Goals', '## Jobs', '## Agent health'];
    const positions = order.map((heading) => text.indexOf(heading));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(sectionOf(text, 'Due today and overdue')).toContain('- ⚠️ [[Pay invoice]] — Pay the ACME invoice · overdue by 2 days (due 2025-03-12)\n- 📅 [[Call Bob]] · due today');
    expect(sectionOf(text, 'High priority')).toContain('- ⏫ [[Pay invoice]] — Pay the ACME invoice · received today · 📅 2025-03-12');
    expect(sectionOf(text, 'Waiting more than 3 days')).toContain('- ⏳ [[Old report]] · waiting 9 days');
    expect(sectionOf(text, 'Waiting more than 3 days')).not.toContain('Call Bob');
  });

  test('lists what came in and what was finished since the last briefing only', async () => {
    await buildVault();
    const since = sectionOf(await write(stateWithLastBriefing()).then((w) => w.text), 'Since the last briefing');
    expect(since).toContain('**Received (2)**\n- ✅ [[Book flights]]\n- 📥 [[Pay invoice]]');
    expect(since).toMatch(/\*\*Completed \(1\)\*\*\n- ✅ \[\[Book flights\]\] · 2025-03-14 07:30/);
    expect(since).not.toContain('Earlier');
    expect(since).not.toContain('Call Bob');
  });

  test('without an earlier briefing it covers the last 24 hours', async () => {
    await buildVault();
    const { text } = await write(emptyState());
    expect(text).toContain('## In the last 24 hours');
    expect(text).toContain('Good morning. In the last 24 hours: 2 new items, 1 completed.');
  });

  test('reports goals, jobs since the last briefing, and the agent health', async () => {
    await buildVault();
    const { text, log } = await write(stateWithLastBriefing());
    expect(sectionOf(text, 'Goals')).toContain('- Revenue: 1/2 ▓▓▓▓▓░░░░░\n- Health: 1/1 ▓▓▓▓▓▓▓▓▓▓');
    const jobs = sectionOf(text, 'Jobs');
    expect(jobs).toContain('- ❌ backup: 2 runs, 1 not ok; last failed (exit 3)');
    expect(jobs).toContain('- ❌ sync: 1 run; last timed out');
    expect(jobs).toContain('- 1 unreadable line in Logs/jobs.jsonl skipped');
    expect(text).not.toContain('secret output');
    expect(log.lines.join('\n')).toMatch(/WARNING - briefing: skipped 1 unreadable line/);
    const health = sectionOf(text, 'Agent health');
    expect(health).toContain('- Uptime: 1d 2h 0m');
    expect(health).toContain('- Iterations: 312 · errors: 2');
    expect(health).toContain('- Held: plan (battery 9% is below 15%)');
    expect(health).toMatch(/- Disk free: [\d,]+ MB/);
    expect(health).toContain('- Log size: 2.0 KiB');
  });

  test('a vault without goals, jobs or a log says so gently', async () => {
    const { text } = await write(emptyState());
    expect(text).toContain('No Business_Goals.md yet');
    expect(text).toContain('No jobs ran.');
    expect(text).toContain('- Log size: no log yet');
    expect(text).toContain('Nothing is open.');
    expect(await fs.readdir(root)).toEqual(['Briefings']);
  });

  test('replacing a briefing leaves no temporary file', async () => {
    await write(emptyState());
    await write(emptyState());
    expect(await fs.readdir(path.join(root, 'Briefings'))).toEqual(['2025-03-14.md']);
  });
});

describe('writing a briefing again keeps the user\'s words', () => {
  const file = () => path.join(root, 'Briefings', '2025-03-14.md');

  test('a line the user added after the block, and a tag they added, survive the next write; the counts are new', async () => {
    await write(emptyState());
    const first = await fs.readFile(file(), 'utf8');
    expect(first).toMatch(/^---\n[\s\S]*\n---\n<!-- ai-employee:start -->\n# Briefing — Friday 14 March 2025\n[\s\S]*\n<!-- ai-employee:end -->\n$/);
    await fs.writeFile(file(), `${first.replace('tags:\n  - briefing\n', 'tags:\n  - briefing\n  - mine\n')}\nCalled the bank: done.\n`);
    await writeTree(root, { 'Needs_Action/New.md': item({ id: 'n', received: ago(NOW, 0, 1) }) });
    const { text } = await write(emptyState());
    expect(text).toContain('\n<!-- ai-employee:end -->\n\nCalled the bank: done.\n');
    expect(parseYamlData(text.split('---\n')[1]!)).toMatchObject({ tags: ['briefing', 'mine'], received: 1, open: 1 });
    expect(text.match(/<!-- ai-employee:start -->/g)).toHaveLength(1);
    expect(text).toContain('In the last 24 hours: 1 new item, 0 completed.');
  });

  test('an older briefing without markers is kept whole; the new briefing is added at its end, and the log says so', async () => {
    const old = '---\ndate: 2025-03-14\ntags: [briefing]\nreceived: 4\n---\n# Briefing — Friday 14 March 2025\n\nMy notes from the call.\n';
    await writeTree(root, { 'Briefings/2025-03-14.md': old });
    const { text, log } = await write(emptyState());
    expect(text.startsWith('---\ndate: 2025-03-14\ntags: [briefing]\nreceived: 0\n')).toBe(true);
    expect(text).toContain('---\n# Briefing — Friday 14 March 2025\n\nMy notes from the call.\n\n<!-- ai-employee:start -->\n');
    expect(log.lines.join('\n')).toContain('INFO - briefing: Briefings/2025-03-14.md had no ai-employee markers; its text was kept');
  });

  test('a note without frontmatter in its place keeps every byte and gains the properties and the block', async () => {
    await writeTree(root, { 'Briefings/2025-03-14.md': 'just my text' });
    const { text } = await write(emptyState());
    expect(text).toMatch(/^---\ndate: 2025-03-14\n[\s\S]*---\njust my text\n\n<!-- ai-employee:start -->\n/);
  });
});

describe('a briefing over a big import', () => {
  test('counts every item but lists the first 20 of each section, then "…and N more"', async () => {
    const tree: Record<string, string> = {};
    // 120 high-priority items received in the last day, 80 of them overdue, and 70 old ones waiting.
    for (let i = 0; i < 120; i++) tree[`Needs_Action/new ${String(i).padStart(3, '0')}.md`] = item({ id: `n${i}`, received: ago(NOW, 0, 1 + (i % 20)), priority: 'high', ...(i < 80 ? { due: '2025-03-10' } : {}) });
    for (let i = 0; i < 70; i++) tree[`Needs_Action/old ${String(i).padStart(3, '0')}.md`] = item({ id: `o${i}`, received: ago(NOW, 10 + (i % 5)), priority: 'low' });
    await writeTree(root, tree);
    const state = emptyState();
    state.briefing = { lastDate: '2025-03-13', lastWrittenAt: ago(NOW, 1) };
    const { text } = await write(state);
    const properties = parseYamlData(text.split('---\n')[1]!);
    expect(properties).toMatchObject({ received: 120, open: 190, high_priority: 120, overdue: 80, due_today: 0, stale: 70 });
    const listed = (heading: string) => sectionOf(text, heading).split('\n').filter((line) => line.startsWith('- '));
    for (const [heading, total] of [['Due today and overdue', 80], ['High priority', 120], ['Waiting more than 3 days', 70]] as const) {
      const lines = listed(heading);
      expect(lines, heading).toHaveLength(21);
      expect(lines.at(-1), heading).toBe(`- _…and ${total - 20} more_`);
    }
    // The oldest wait first; the received list starts with the earliest arrival.
    expect(listed('Waiting more than 3 days')[0]).toBe('- ⏳ [[old 004]] · waiting 14 days');
    const received = sectionOf(text, 'Since the last briefing');
    expect(received).toContain('**Received (120)**');
    expect(received).toContain('- _…and 100 more_');
    expect(received.split('\n').find((line) => line.startsWith('- 📥'))).toBe('- 📥 [[new 019]]');
  });
});

describe('a briefing for another day describes that day', () => {
  // 2025-03-10 is a Monday; NOW is Friday 2025-03-14 08:30; briefing.time is 08:00.
  const monday8 = new Date(2025, 2, 10, 8, 0);
  const atHour = (day: Date, daysBack: number, hour: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate() - daysBack, hour).toISOString();

  test('its weekday in the heading, that day\'s 24 hours counted, no greeting, nothing from later', async () => {
    await writeTree(root, {
      'Needs_Action/Sunday note.md': item({ id: 's', received: atHour(monday8, 1, 12), priority: 'high' }),
      'Needs_Action/Before.md': item({ id: 'b', received: atHour(monday8, 3, 12) }),
      'Needs_Action/Thursday note.md': item({ id: 't', received: atHour(NOW, 1, 12), priority: 'high' }),
      'Done/2025-03/Filed sunday.md': item({ id: 'f', status: 'done', received: atHour(monday8, 2, 9), completed: atHour(monday8, 1, 18) }),
      'Done/2025-03/Filed today.md': item({ id: 'g', status: 'done', received: atHour(monday8, 2, 9), completed: atHour(NOW, 0, 7) }),
    });
    const written = await writeBriefing(vaultLayout(root), { date: '2025-03-10', now: NOW, state: stateWithLastBriefing(), config: defaultConfig(), log: memoryLogger() });
    const text = await fs.readFile(written.file, 'utf8');
    expect(text).toContain('# Briefing — Monday 10 March 2025');
    expect(text).toContain('\nIn the 24 hours before 2025-03-10 08:00: 1 new item, 1 completed. 2 items open: 1 high priority.');
    expect(text).not.toMatch(/Good (morning|afternoon|evening)/);
    expect(text).toContain('## In the 24 hours before 2025-03-10 08:00');
    expect(sectionOf(text, 'In the 24 hours before')).toContain('**Received (1)**\n- 📥 [[Sunday note]]');
    expect(sectionOf(text, 'In the 24 hours before')).toContain('**Completed (1)**\n- ✅ [[Filed sunday]]');
    expect(text).not.toContain('Thursday note');
    expect(text).not.toContain('Filed today');
    expect(text).toContain('_Written by ai-employee at 2025-03-14 08:30 for 2025-03-10:');
  });
});

describe('parseGoalsProgress', () => {
  test.each([
    { text: '', expected: [] },
    { text: '# Only headings\n## Another\n', expected: [] },
    { text: '- [ ] before any heading\n- [x] done', expected: [{ heading: 'Goals', done: 1, total: 2 }] },
    { text: '## A ##\n  - [x] nested\n1. [ ] numbered\n', expected: [{ heading: 'A', done: 1, total: 2 }] },
    { text: '## A\n~~~\n- [ ] fenced\n~~~\n- [X] real\n', expected: [{ heading: 'A', done: 1, total: 1 }] },
    { text: '## A\n- [-] cancelled\n- [/] in progress\n', expected: [{ heading: 'A', done: 0, total: 1 }] },
    { text: '#NotAHeading\n- [ ] x', expected: [{ heading: 'Goals', done: 0, total: 1 }] },
  ])('$text', ({ text, expected }) => {
    expect(parseGoalsProgress(text)).toEqual(expected);
  });
});
