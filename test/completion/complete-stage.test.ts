import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { completeStage } from '../../src/completion/stage.js';
import { recoverVault } from '../../src/runner/recover.js';
import { intakeStage } from '../../src/intake/stage.js';
import { planStage } from '../../src/planning/stage.js';
import { listFilesDeep, readNote, runStages, sha256 } from '../helpers/core-notes.js';
import { tempVaults, type Tree } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { localDateTime } from '../../src/vault/local-day.js';
import { stageContext } from '../helpers/stage-context.js';

const RECEIVED = new Date(2026, 2, 20, 9, 0);
// 00:30 local on 1 April: still March in UTC for zones east of Greenwich, but Done/ uses local months.
const DONE_AT = new Date(2026, 3, 1, 0, 30);
const MONTH = '2026-04';
const vault = tempVaults();

async function plannedVault(inbox: Tree, extra: Tree = {}): Promise<string> {
  const files = Object.fromEntries(Object.entries(inbox).map(([name, content]) => [`Inbox/${name}`, content]));
  const root = await vault({ ...files, ...extra });
  const { ctx } = stageContext(root, { now: RECEIVED });
  await runStages(ctx, [intakeStage, planStage]);
  return root;
}

async function complete(root: string) {
  const { ctx, log } = stageContext(root, { now: DONE_AT });
  const result = await completeStage.run(ctx);
  return { result, log };
}

async function editPlan(root: string, plan: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(root, 'Plans', plan);
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')));
}

const tickAll = (mark: string) => (text: string) => text.replace(/^(\s*- )\[ \]/gm, `$1[${mark}]`);

describe('completion', () => {
  test.each(['x', 'X', '-'])('all boxes ticked with [%s] → item and plan filed under Done/<local month>', async (mark) => {
    const root = await plannedVault({ 'a.md': 'Call Bob.\n' });
    await editPlan(root, 'PLAN_a.md', tickAll(mark));
    const { result } = await complete(root);
    expect(result).toMatchObject({ processed: 1, failed: 0 });
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
    expect(await listDir(path.join(root, 'Plans'))).toEqual([]);
    expect(await listDir(path.join(root, 'Done'))).toEqual([MONTH]);
    expect(await listDir(path.join(root, 'Done', MONTH))).toEqual(['PLAN_a.md', 'a.md']);
    const item = await readNote(path.join(root, 'Done', MONTH, 'a.md'));
    const plan = await readNote(path.join(root, 'Done', MONTH, 'PLAN_a.md'));
    expect(item.data).toMatchObject({ ai_status: 'done', ai_completed: localDateTime(DONE_AT) });
    expect(plan.data).toMatchObject({ status: 'done', completed: localDateTime(DONE_AT) });
    expect(item.body.toString()).toBe('Call Bob.\n');
    expect(plan.data.id).toBe(item.data.ai_id);
  });

  test("on filing, ticks get ✅/❌ dates and the item's own tasks the plan carried are ticked too", async () => {
    const root = await plannedVault({ 'a.md': 'Errands:\n- [ ] buy milk ⏫ 📅 2026-03-25\n- [ ] call Bo\n- [x] already done ✅ 2026-03-01\n' });
    await editPlan(root, 'PLAN_a.md', (t) => t.replace('- [ ] buy milk', '- [x] buy milk').replace('- [ ] call Bo', '- [-] call Bo'));
    await complete(root);
    const day = localDateTime(DONE_AT).slice(0, 10);
    const item = (await readNote(path.join(root, 'Done', MONTH, 'a.md'))).body.toString();
    expect(item).toBe(`Errands:\n- [x] buy milk ⏫ 📅 2026-03-25 ✅ ${day}\n- [-] call Bo ❌ ${day}\n- [x] already done ✅ 2026-03-01\n`);
    const plan = (await readNote(path.join(root, 'Done', MONTH, 'PLAN_a.md'))).body.toString();
    expect(plan).toContain(`- [x] buy milk ⏫ 📅 2026-03-25 ✅ ${day}`);
    // A copied task keeps only the user's own fields: no plan date was stamped on it.
    expect(plan).toContain(`- [-] call Bo ❌ ${day}`);
  });

  test('mixed ticks, including an indented and a numbered box, complete the plan', async () => {
    const root = await plannedVault({ 'a.md': 'x\n' });
    await editPlan(root, 'PLAN_a.md', (t) => tickAll('x')(t) + '\n  - [X] sub-step\n1. [-] dropped\n');
    await complete(root);
    expect(await listDir(path.join(root, 'Done', MONTH))).toEqual(['PLAN_a.md', 'a.md']);
  });

  test('a companion item takes its attachment along', async () => {
    const pdf = Buffer.from('%PDF-1.4 bytes');
    const root = await plannedVault({ 'scan.pdf': pdf });
    await editPlan(root, 'PLAN_scan.pdf.md', tickAll('x'));
    await complete(root);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
    expect(await listDir(path.join(root, 'Done', MONTH))).toEqual(['PLAN_scan.pdf.md', 'scan.pdf', 'scan.pdf.md']);
    expect(sha256(await fs.readFile(path.join(root, 'Done', MONTH, 'scan.pdf')))).toBe(sha256(pdf));
  });

  test('plan status done with its boxes unticked → done', async () => {
    const root = await plannedVault({ 'a.md': 'x\n' });
    await editPlan(root, 'PLAN_a.md', (t) => t.replace('status: pending', 'status: done'));
    await complete(root);
    expect(await listDir(path.join(root, 'Done', MONTH))).toEqual(['PLAN_a.md', 'a.md']);
  });

  test("the agent's item status set to done → done", async () => {
    const root = await plannedVault({ 'a.md': 'x\n' });
    const file = path.join(root, 'Needs_Action', 'a.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('ai_status: planned', 'ai_status: done'));
    await complete(root);
    expect(await listDir(path.join(root, 'Done', MONTH))).toEqual(['PLAN_a.md', 'a.md']);
  });

  test("the user's own status: done on an item is theirs: the item stays open", async () => {
    const root = await plannedVault({ 'a.md': '---\nstatus: done\n---\nx\n' });
    const { result } = await complete(root);
    expect(result.processed).toBe(0);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a.md']);
    expect((await readNote(path.join(root, 'Needs_Action', 'a.md'))).data).toMatchObject({ status: 'done', ai_status: 'planned' });
  });

  test.each([
    { what: 'no checkboxes at all', edit: (t: string) => t.replace(/^\s*- \[.\].*$/gm, 'a plain line') },
    { what: 'one box still open', edit: (t: string) => tickAll('x')(t) + '\n- [ ] one more\n' },
    { what: 'a box in a code span only', edit: (t: string) => t.replace(/^\s*- \[.\].*$/gm, 'text `- [x]` text') },
  ])('$what → not done', async ({ edit }) => {
    const root = await plannedVault({ 'a.md': 'x\n' });
    await editPlan(root, 'PLAN_a.md', edit);
    const { result } = await complete(root);
    expect(result.processed).toBe(0);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a.md']);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_a.md']);
  });

  test('an orphan plan (its item gone) is filed with a note saying so', async () => {
    const root = await plannedVault({ 'a.md': 'x\n' });
    await fs.rm(path.join(root, 'Needs_Action', 'a.md'));
    const { result } = await complete(root);
    expect(result.failed).toBe(0);
    expect(await listDir(path.join(root, 'Plans'))).toEqual([]);
    expect(await listDir(path.join(root, 'Done', MONTH))).toEqual(['PLAN_a.md']);
    const plan = await readNote(path.join(root, 'Done', MONTH, 'PLAN_a.md'));
    expect(plan.data.status).toBe('done');
    expect(String(plan.data.completion_note)).toMatch(/missing/);
  });

  test('collisions in Done get numbered names and the links follow', async () => {
    const root = await plannedVault({ 'a.md': 'new a\n' }, { [`Done/${MONTH}/a.md`]: 'old a', [`Done/${MONTH}/PLAN_a.md`]: 'old plan' });
    await editPlan(root, 'PLAN_a.md', tickAll('x'));
    await complete(root);
    expect(await listDir(path.join(root, 'Done', MONTH))).toEqual(['PLAN_a (2).md', 'PLAN_a.md', 'a (2).md', 'a.md']);
    expect(await fs.readFile(path.join(root, 'Done', MONTH, 'a.md'), 'utf8')).toBe('old a');
    expect(await fs.readFile(path.join(root, 'Done', MONTH, 'PLAN_a.md'), 'utf8')).toBe('old plan');
    const item = await readNote(path.join(root, 'Done', MONTH, 'a (2).md'));
    const plan = await readNote(path.join(root, 'Done', MONTH, 'PLAN_a (2).md'));
    expect(item.data.ai_plan).toBe('[[PLAN_a (2)]]');
    expect(plan.data.source).toBe('[[a (2)]]');
    expect(item.body.toString()).toBe('new a\n');
  });

  test.each([
    { what: 'attachment name taken', taken: ['scan.pdf'] },
    { what: 'companion name taken', taken: ['scan.pdf.md'] },
    { what: 'both taken', taken: ['scan.pdf', 'scan.pdf.md'] },
  ])('an attachment collision in Done keeps the pair: $what', async ({ taken }) => {
    const extra = Object.fromEntries(taken.map((name) => [`Done/${MONTH}/${name}`, `old ${name}`]));
    const root = await plannedVault({ 'scan.pdf': 'new pdf' }, extra);
    await editPlan(root, 'PLAN_scan.pdf.md', tickAll('x'));
    await complete(root);
    const names = await listDir(path.join(root, 'Done', MONTH));
    expect(names).toContain('scan (2).pdf');
    expect(names).toContain('scan (2).pdf.md');
    expect(await fs.readFile(path.join(root, 'Done', MONTH, 'scan (2).pdf'), 'utf8')).toBe('new pdf');
    const companion = await readNote(path.join(root, 'Done', MONTH, 'scan (2).pdf.md'));
    expect(companion.data.ai_attachment).toBe('scan (2).pdf');
    for (const name of taken) expect(await fs.readFile(path.join(root, 'Done', MONTH, name), 'utf8')).toBe(`old ${name}`);
  });

  test('a second run after filing does nothing', async () => {
    const root = await plannedVault({ 'a.md': 'x\n' });
    await editPlan(root, 'PLAN_a.md', tickAll('x'));
    await complete(root);
    const before = await listFilesDeep(root);
    const { result } = await complete(root);
    expect(result.processed).toBe(0);
    expect(await listFilesDeep(root)).toEqual(before);
  });
});

describe('completion: an interrupted filing is replayed', () => {
  async function tornFiling(root: string, doFirstStep: 'whole' | 'copy-only') {
    const id = (await readNote(path.join(root, 'Needs_Action', 'scan.pdf.md'))).data.ai_id as string;
    const doneDir = path.join(root, 'Done', MONTH);
    const completed = localDateTime(DONE_AT);
    const steps = [
      { from: path.join(root, 'Needs_Action', 'scan.pdf.md'), to: path.join(doneDir, 'scan.pdf.md'), kind: 'note', changes: { ai_status: 'done', ai_completed: completed, ai_plan: '[[PLAN_scan.pdf]]', ai_attachment: 'scan.pdf' } },
      { from: path.join(root, 'Needs_Action', 'scan.pdf'), to: path.join(doneDir, 'scan.pdf'), kind: 'file' },
      { from: path.join(root, 'Plans', 'PLAN_scan.pdf.md'), to: path.join(doneDir, 'PLAN_scan.pdf.md'), kind: 'note', changes: { status: 'done', completed, source: '[[scan.pdf]]' } },
    ];
    await fs.mkdir(path.join(root, '.ai-employee', 'journal'), { recursive: true });
    await fs.writeFile(path.join(root, '.ai-employee', 'journal', `${randomUUID()}.json`), JSON.stringify({ id, steps }));
    // The first step by hand, as the crashed run would have made it.
    await fs.mkdir(doneDir, { recursive: true });
    const source = await fs.readFile(steps[0]!.from, 'utf8');
    await fs.writeFile(steps[0]!.to, source.replace('ai_status: planned', `ai_status: done\nai_completed: ${completed}`));
    if (doFirstStep === 'whole') await fs.rm(steps[0]!.from);
  }

  test.each(['whole', 'copy-only'] as const)('first step done (%s), then the crash: each file ends in exactly one place', async (firstStep) => {
    const root = await plannedVault({ 'scan.pdf': 'pdf bytes' });
    await editPlan(root, 'PLAN_scan.pdf.md', tickAll('x'));
    await tornFiling(root, firstStep);
    await recoverVault(stageContext(root, { now: DONE_AT }).ctx);
    const { result } = await complete(root);
    expect(result.failed).toBe(0);
    const files = await listFilesDeep(root);
    expect(files.filter((f) => /^(Inbox|Needs_Action|Plans|Done)\//.test(f))).toEqual([
      `Done/${MONTH}/PLAN_scan.pdf.md`,
      `Done/${MONTH}/scan.pdf`,
      `Done/${MONTH}/scan.pdf.md`,
    ]);
    expect(await fs.readFile(path.join(root, 'Done', MONTH, 'scan.pdf'), 'utf8')).toBe('pdf bytes');
    expect((await readNote(path.join(root, 'Done', MONTH, 'PLAN_scan.pdf.md'))).data).toMatchObject({ status: 'done', completed: localDateTime(DONE_AT) });
    expect(await listDir(path.join(root, '.ai-employee', 'journal'))).toEqual([]);
  });

  test('a replay never removes a new note that now has the filed note\'s name', async () => {
    const root = await plannedVault({ 'scan.pdf': 'pdf bytes' });
    await editPlan(root, 'PLAN_scan.pdf.md', tickAll('x'));
    await tornFiling(root, 'whole');
    // The crash came after the item reached Done/; then a new note of the same name arrived.
    await fs.writeFile(path.join(root, 'Needs_Action', 'scan.pdf.md'), 'a new note the user just made\n');
    await recoverVault(stageContext(root, { now: DONE_AT }).ctx);
    expect(await fs.readFile(path.join(root, 'Needs_Action', 'scan.pdf.md'), 'utf8')).toBe('a new note the user just made\n');
  });
});
