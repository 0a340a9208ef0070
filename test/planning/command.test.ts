import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { configSchema, type Config } from '../../src/config/schema.js';
import { memoryLogger } from '../../src/log/logger.js';
import { emptyState } from '../../src/runner/state.js';
import { createCommandPlanner, planWithCommand } from '../../src/planning/command/command-planner.js';
import { renderPlan } from '../../src/planning/render-plan.js';
import { planWithRules } from '../../src/planning/rules/rules.js';
import { readNoteText } from '../../src/vault/frontmatter.js';
import { makeContext, makeItem } from '../fixtures/planner/make-item.js';
import { isProcessGone, waitUntil } from '../fixtures/run-command/process-watch.js';

const MODEL = fileURLToPath(new URL('../fixtures/planner/fake-model.mjs', import.meta.url));
const model = (...args: string[]) => [process.execPath, MODEL, ...args];

let vault: string;
beforeEach(async () => {
  vault = await fs.mkdtemp(path.join(os.tmpdir(), 'ai-employee-command-planner-'));
});
afterEach(async () => {
  await fs.rm(vault, { recursive: true, force: true });
});

function configWith(planner: Record<string, unknown>): Config {
  return configSchema.parse({ planner: { engine: 'command', ...planner } });
}

function setUp(command: string[], planner: Record<string, unknown> = {}, clock = { now: new Date('2030-01-07T10:00:00Z') }) {
  const log = memoryLogger();
  const state = emptyState();
  const planner_ = createCommandPlanner({ config: configWith({ command, ...planner }), cwd: vault, log, state, now: () => clock.now });
  return { log, state, planner: planner_, clock };
}

const failLines = (lines: string[]) => lines.filter((line) => line.includes('command planner failed for'));

describe('planWithCommand', () => {
  test('a good plan from the program becomes the body; the fields come from the rules', async () => {
    const item = makeItem();
    const result = await planWithCommand(item, makeContext(), { command: model('good'), cwd: vault, timeoutMs: 10_000, maxOutputKB: 64, log: memoryLogger() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rules = planWithRules(item, makeContext());
    expect(result.draft.planner).toBe('command');
    expect(result.draft.customBody).toBe('## Objective\nPay the invoice on time.\n\n## Steps\n- [ ] Check the amount 📅 2030-01-10 ⏫\n- [ ] Pay it\n');
    expect({ title: result.draft.title, priority: result.draft.priority, due: result.draft.due, tags: result.draft.tags }).toEqual({
      title: rules.title,
      priority: rules.priority,
      due: rules.due,
      tags: rules.tags,
    });
  });

  test('the prompt arrives on stdin with the handbook and the item; the program runs in the vault', async () => {
    const promptFile = path.join(vault, 'prompt.txt');
    const item = makeItem({ text: 'Call Bob about the $(rm -rf ~) contract; `touch pwned`\n' });
    const ctx = makeContext({ handbook: 'Clients named Bob are VIPs.\n' });
    const result = await planWithCommand(item, ctx, { command: model('record-stdin', 'prompt.txt'), cwd: vault, timeoutMs: 10_000, maxOutputKB: 64, log: memoryLogger() });
    expect(result.ok).toBe(true);
    const prompt = await fs.readFile(promptFile, 'utf8');
    expect(prompt).toContain('Clients named Bob are VIPs.');
    expect(prompt).toContain('Call Bob about the $(rm -rf ~) contract; `touch pwned`');
    expect(prompt).toContain('"Pay the invoice.md"');
    await expect(fs.access(path.join(vault, 'pwned'))).rejects.toThrow();
  });
});

describe('createCommandPlanner: falling back to the rules planner', () => {
  test.each([
    ['a non-zero exit', model('exit', '3'), {}, 'exit code 3'],
    ['empty output', model('empty'), {}, 'empty output'],
    ['output without a step', model('print', '## Objective\nI am not sure what to do.\n'), {}, 'no "- [ ]" step'],
    ['oversize output', model('bytes', String(100 * 1024)), {}, 'output over 64 KB'],
    ['10 MB of output', model('bytes', String(10 * 1024 * 1024)), {}, 'output over 64 KB'],
    ['output that is not UTF-8', model('latin1'), {}, 'output is not UTF-8'],
    ['a program that does not exist', ['ai-employee-no-such-model-xyz'], {}, 'program not found: ai-employee-no-such-model-xyz'],
  ])('%s', async (_name, command, planner, reason) => {
    const { log, planner: commandPlanner } = setUp(command, planner);
    const item = makeItem();
    const draft = await commandPlanner.plan(item, makeContext());
    expect(draft).toEqual(planWithRules(item, makeContext()));
    expect(failLines(log.lines)).toHaveLength(1);
    expect(failLines(log.lines)[0]).toMatch(/ - WARNING - command planner failed for "Pay the invoice\.md": (.*) — using the rules planner$/);
    expect(failLines(log.lines)[0]).toContain(`: ${reason} — using`);
  });

  test('a program that hangs, with a grandchild, is killed at the timeout, the whole group', async () => {
    const pidFile = path.join(vault, 'pids');
    const { log, planner } = setUp(model('hang-with-grandchild', pidFile), { timeout: '1s' });
    const started = Date.now();
    const draft = await planner.plan(makeItem(), makeContext());
    const took = Date.now() - started;
    expect(draft.planner).toBe('rules');
    expect(failLines(log.lines)[0]).toContain(': timed out after 1s — using the rules planner');
    expect(took).toBeLessThan(4000);
    const pids = (await fs.readFile(pidFile, 'utf8')).split(' ').map(Number);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(await waitUntil(() => isProcessGone(pid), 3000)).toBe(true);
  });
});

describe('createCommandPlanner: hostile output', () => {
  test('its own frontmatter, out-of-vault links and a title cannot set the plan’s fields or reach out', async () => {
    const hostile = [
      '---',
      'status: done',
      'id: evil',
      'planner: rules',
      'priority: low',
      '---',
      '# Owned',
      '## Steps',
      '- [ ] Read [[../../x]] and ![[/etc/passwd]]',
      '- [x] Already done',
      '---',
      'status: done',
      '---',
      '```dataviewjs',
      'app.vault.adapter.remove("Dashboard.md")',
    ].join('\n');
    const { planner } = setUp(model('print', hostile));
    const item = makeItem({ frontmatter: { priority: 'high' } });
    const draft = await planner.plan(item, makeContext());
    expect(draft.planner).toBe('command');
    const text = renderPlan(draft, item, new Date('2030-01-07T10:00:00Z'));
    const note = readNoteText(text);
    expect(note.valid).toBe(true);
    expect(note.data).toMatchObject({ id: item.id, status: 'pending', planner: 'command', priority: 'high' });
    expect(note.body.startsWith(`# ${planWithRules(item, makeContext()).title}\n`)).toBe(true);
    expect(note.body).not.toContain('# Owned');
    expect(note.body).toContain('- [ ] ` Read [[../../x]] and ![[/etc/passwd]] `\n');
    expect(note.body).not.toMatch(/^---$/m);
    expect(note.body).not.toContain('dataviewjs');
    expect(note.body.trimEnd().endsWith('## Source\n\n[[Pay the invoice]]')).toBe(true);
    expect(note.body.split('\n').filter((line) => line === '```')).toHaveLength(2);
  });
});

describe('createCommandPlanner: concurrency', () => {
  test('never runs more than planner.concurrency programs at once, and does run that many', async () => {
    const dir = path.join(vault, 'runs');
    await fs.mkdir(dir);
    const total = 6;
    const { planner } = setUp(model('overlap', dir, '2', String(total)), { concurrency: 2 });
    const items = Array.from({ length: total }, (_, i) => makeItem({ fileName: `item ${i}.md` }));
    const drafts = await Promise.all(items.map((item) => planner.plan(item, makeContext())));
    expect(drafts.map((draft) => draft.planner)).toEqual(Array(total).fill('command'));
    const names = await fs.readdir(dir);
    const seen = await Promise.all(names.filter((n) => /\.seen$/.test(n)).map(async (n) => Number(await fs.readFile(path.join(dir, n), 'utf8'))));
    expect(names.filter((n) => n.endsWith('.start'))).toHaveLength(total);
    expect(Math.max(...seen)).toBe(2);
  });
});

describe('createCommandPlanner: cooldown', () => {
  test('three failures in a row pause it; the next item goes straight to the rules; after the cooldown it runs again', async () => {
    const dir = path.join(vault, 'runs');
    await fs.mkdir(dir);
    const runs = async () => (await fs.readdir(dir)).length;
    const clock = { now: new Date('2030-01-07T10:00:00Z') };
    const { log, planner, state } = setUp(model('count-and-exit', dir, '3'), { concurrency: 1, cooldown: '15m' }, clock);
    for (let i = 0; i < 3; i += 1) await planner.plan(makeItem({ fileName: `item ${i}.md` }), makeContext());
    expect(await runs()).toBe(3);
    const paused = log.lines.filter((line) => line.includes('paused'));
    expect(paused).toHaveLength(1);
    expect(paused[0]).toMatch(/ - WARNING - command planner paused for 15m after 3 failures in a row$/);
    expect(state.commandPlanner.pausedUntil).toBe('2030-01-07T10:15:00.000Z');

    const fourth = await planner.plan(makeItem({ fileName: 'item 3.md' }), makeContext());
    expect(fourth.planner).toBe('rules');
    expect(await runs()).toBe(3);
    expect(failLines(log.lines)).toHaveLength(3);

    // The pause lives in state.json: a new planner (the next iteration) respects it too.
    const nextIteration = createCommandPlanner({ config: configWith({ command: model('count-and-exit', dir, '3') }), cwd: vault, log, state, now: () => clock.now });
    clock.now = new Date('2030-01-07T10:14:59Z');
    await nextIteration.plan(makeItem({ fileName: 'item 4.md' }), makeContext());
    expect(await runs()).toBe(3);

    clock.now = new Date('2030-01-07T10:15:00Z');
    await nextIteration.plan(makeItem({ fileName: 'item 5.md' }), makeContext());
    expect(await runs()).toBe(4);
    expect(log.lines.filter((line) => line.includes('command planner resumed after its 15m pause'))).toHaveLength(1);
    expect(state.commandPlanner.failuresInRow).toBe(1);
    expect(log.lines.filter((line) => line.includes('paused for'))).toHaveLength(1);
  });

  test('a success ends the run of failures', async () => {
    const clock = { now: new Date('2030-01-07T10:00:00Z') };
    const { state, planner } = setUp(model('exit', '1'), { concurrency: 1 }, clock);
    await planner.plan(makeItem(), makeContext());
    await planner.plan(makeItem(), makeContext());
    expect(state.commandPlanner.failuresInRow).toBe(2);
    const good = createCommandPlanner({ config: configWith({ command: model('good') }), cwd: vault, log: memoryLogger(), state, now: () => clock.now });
    expect((await good.plan(makeItem(), makeContext())).planner).toBe('command');
    expect(state.commandPlanner).toMatchObject({ failuresInRow: 0 });
    expect(state.commandPlanner.pausedUntil).toBeUndefined();
  });
});

describe('createCommandPlanner: engine rules', () => {
  test('with engine: rules it never runs a program', async () => {
    const log = memoryLogger();
    const config = configSchema.parse({ planner: { engine: 'rules', command: model('record-stdin', 'prompt.txt') } });
    const planner = createCommandPlanner({ config, cwd: vault, log, state: emptyState(), now: () => new Date() });
    expect((await planner.plan(makeItem(), makeContext())).planner).toBe('rules');
    await expect(fs.access(path.join(vault, 'prompt.txt'))).rejects.toThrow();
  });
});
