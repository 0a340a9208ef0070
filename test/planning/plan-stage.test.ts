import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { intakeStage } from '../../src/intake/stage.js';
import { planStage } from '../../src/planning/stage.js';
import { readNote, runStages } from '../helpers/core-notes.js';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { stageContext } from '../helpers/stage-context.js';

const NOW = new Date('2026-03-15T10:00:00Z');
const vault = tempVaults();

async function iterate(root: string) {
  const { ctx, log } = stageContext(root, { now: NOW });
  const [intake, plan] = await runStages(ctx, [intakeStage, planStage]);
  return { intake: intake!, plan: plan!, log };
}

describe('planning through the stage', () => {
  test('each item gets exactly one plan with its id, and links to it', async () => {
    const root = await vault({ 'Inbox/call-bob.md': 'Call Bob tomorrow.\n', 'Inbox/scan.pdf': '%PDF-1.4', 'Inbox/mail.eml': 'From: a@b.c\nSubject: Hi\n\nbody\n' });
    const { plan } = await iterate(root);
    expect(plan).toMatchObject({ processed: 3, failed: 0 });
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_call-bob.md', 'PLAN_mail.eml.md', 'PLAN_scan.pdf.md']);
    for (const [item, stem] of [['call-bob.md', 'call-bob'], ['scan.pdf.md', 'scan.pdf'], ['mail.eml.md', 'mail.eml']] as const) {
      const itemNote = await readNote(path.join(root, 'Needs_Action', item));
      const planNote = await readNote(path.join(root, 'Plans', `PLAN_${stem}.md`));
      expect(itemNote.data.ai_status).toBe('planned');
      expect(itemNote.data.ai_plan).toBe(`[[PLAN_${stem}]]`);
      expect(planNote.data.id).toBe(itemNote.data.ai_id);
      expect(planNote.data).toMatchObject({ source: `[[${stem}]]`, status: 'pending', planner: 'rules' });
      expect(planNote.body.toString()).toMatch(/^- \[ \] /m);
    }
  });

  test.each([
    { priority: 'low', body: 'URGENT: pay the overdue invoice asap, deadline today!\n' },
    { priority: 'high', body: 'Someday, no rush, whenever. FYI.\n' },
    { priority: 'normal', body: 'Urgent! Pay the invoice immediately.\n' },
  ])("the user's own priority ($priority) wins over the words", async ({ priority, body }) => {
    const root = await vault({ 'Inbox/p.md': `---\npriority: ${priority}\n---\n${body}` });
    await iterate(root);
    expect((await readNote(path.join(root, 'Plans', 'PLAN_p.md'))).data.priority).toBe(priority);
    expect((await readNote(path.join(root, 'Needs_Action', 'p.md'))).data.priority).toBe(priority);
  });

  test('a second run plans nothing again', async () => {
    const root = await vault({ 'Inbox/a.md': 'Review the contract.\n', 'Inbox/b.md': 'Book flights.\n' });
    await iterate(root);
    const before = await fs.readFile(path.join(root, 'Plans', 'PLAN_a.md'), 'utf8');
    const second = await iterate(root);
    expect(second.plan.processed).toBe(0);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_a.md', 'PLAN_b.md']);
    expect(await fs.readFile(path.join(root, 'Plans', 'PLAN_a.md'), 'utf8')).toBe(before);
  });

  test('an item whose plan was deleted gets a new one', async () => {
    const root = await vault({ 'Inbox/a.md': 'Review the contract.\n' });
    await iterate(root);
    const id = (await readNote(path.join(root, 'Needs_Action', 'a.md'))).data.ai_id;
    await fs.rm(path.join(root, 'Plans', 'PLAN_a.md'));
    const second = await iterate(root);
    expect(second.plan.processed).toBe(1);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_a.md']);
    expect((await readNote(path.join(root, 'Plans', 'PLAN_a.md'))).data.id).toBe(id);
    expect((await readNote(path.join(root, 'Needs_Action', 'a.md'))).data.ai_plan).toBe('[[PLAN_a]]');
  });

  test('a plan already written with the item id (crash before the item was linked) is reused', async () => {
    const id = '20260315-100000-0123abcd';
    const root = await vault({
      'Needs_Action/a.md': `---\nid: ${id}\ntype: note\nstatus: needs_action\nreceived: 2026-03-15T10:00:00.000Z\nsource: inbox\noriginal_name: a.md\n---\nDo it.\n`,
      'Plans/PLAN_a.md': `---\nid: ${id}\nsource: "[[a]]"\nstatus: pending\npriority: normal\nplanner: rules\n---\n# a\n\n## Steps\n\n- [ ] the step written before the crash\n`,
    });
    const { plan } = await iterate(root);
    expect(plan.processed).toBe(1);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_a.md']);
    expect((await readNote(path.join(root, 'Plans', 'PLAN_a.md'))).body.toString()).toContain('the step written before the crash');
    expect((await readNote(path.join(root, 'Needs_Action', 'a.md'))).data).toMatchObject({ status: 'planned', plan: '[[PLAN_a]]', id });
  });

  test("a PLAN_ name taken by another item's plan gets a numbered plan", async () => {
    const root = await vault({
      'Needs_Action/a.md': '---\nai_id: 20260315-100000-0000000a\nai_status: needs_action\n---\nDo it.\n',
      'Plans/PLAN_a.md': '---\nid: 20200101-000000-ffffffff\nsource: "[[a-elsewhere]]"\n---\n- [ ] other\n',
    });
    await iterate(root);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_a (2).md', 'PLAN_a.md']);
    expect((await readNote(path.join(root, 'Plans', 'PLAN_a (2).md'))).data.id).toBe('20260315-100000-0000000a');
    expect((await readNote(path.join(root, 'Needs_Action', 'a.md'))).data.ai_plan).toBe('[[PLAN_a (2)]]');
  });

  test('an item the user put straight into Needs_Action (no frontmatter) gets an id and a plan', async () => {
    const root = await vault({ 'Needs_Action/hand.md': 'Sign the lease.\n' });
    await iterate(root);
    const item = await readNote(path.join(root, 'Needs_Action', 'hand.md'));
    const plan = await readNote(path.join(root, 'Plans', 'PLAN_hand.md'));
    expect(item.data.ai_id).toMatch(/^\d{8}-\d{6}-[0-9a-f]{8}$/);
    expect(plan.data.id).toBe(item.data.ai_id);
    expect(item.body.toString()).toBe('Sign the lease.\n');
  });
});
