import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { vaultLayout } from '../../src/vault/layout.js';
import { readNoteHeads } from '../../src/vault/read-note-heads.js';
import { readVaultSnapshot } from '../../src/views/snapshot.js';
import { ago, makeTempDir, item, note, writeTree } from './dashboard/vault-tree.js';

const NOW = new Date(2025, 2, 14, 9, 30);

let root: string;
beforeEach(async () => {
  root = await makeTempDir();
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function buildVault(): Promise<void> {
  await writeTree(root, {
    'Inbox/a.md': 'dropped',
    'Inbox/b.pdf': 'pdf',
    'Inbox/.hidden': 'x',
    'Inbox/sub/inner.md': 'x',
    'Needs_Action/Call the bank.md': item(
      { id: 'i1', type: 'note', status: 'planned', received: ago(NOW, 0, 2), source: 'inbox', priority: 'low', plan: '[[PLAN_Call the bank]]' },
      'Please call\n',
    ),
    'Needs_Action/invoice.pdf': 'binary bytes',
    'Needs_Action/invoice.pdf.md': item({ id: 'i2', type: 'file_drop', status: 'needs_action', received: ago(NOW, 5), source: 'inbox', original_name: 'invoice.pdf' }),
    'Needs_Action/broken.md': '---\nkey: [unclosed\n---\nbody\n',
    'Needs_Action/low thing.md': item({ id: 'i3', type: 'note', status: 'needs_action', received: ago(NOW, 1), priority: 'low', due: '2025-03-10' }),
    'Needs_Action/.ai-employee-tmp-abc': 'temp',
    'Plans/PLAN_Call the bank.md': note({ id: 'i1', source: '[[Call the bank]]', status: 'pending', priority: 'high', due: '2025-03-14', planner: 'rules' }, '# Call the bank about the fee\n\n## Steps\n- [ ] call\n'),
    'Plans/PLAN_orphan.md': note({ id: 'x', status: 'pending', priority: 'normal' }),
    'Plans/.ai-employee-tmp-1': 'temp',
    'Done/2025-03/item1.md': item({ id: 'd1', status: 'done', received: ago(NOW, 4), completed: ago(NOW, 1) }),
    'Done/2025-03/PLAN_item1.md': note({ id: 'd1', status: 'done', completed: ago(NOW, 1) }),
    'Done/2025-03/scan.jpg': 'jpg',
    'Done/2025-03/scan.jpg.md': item({ id: 'd2', type: 'file_drop', status: 'done', received: ago(NOW, 2), completed: ago(NOW, 2) }),
    'Done/2025-02/old.md': item({ id: 'd3', status: 'done', received: ago(NOW, 20), completed: ago(NOW, 18) }),
    // Older months are counted by listing only: these broken notes would be reported if they were read.
    'Done/2024-11/ancient1.md': '---\n: [\n---\n',
    'Done/2024-11/ancient2.md': '---\n: [\n---\n',
    'Done/2024-11/PLAN_ancient1.md': '---\n: [\n---\n',
    'Done/notes/stray.md': 'not a month folder',
  });
  await fs.symlink(path.join(root, 'Inbox/a.md'), path.join(root, 'Needs_Action/link.md'));
}

describe('readVaultSnapshot', () => {
  test('counts only the files a user would count, in every Done month', async () => {
    await buildVault();
    const snapshot = await readVaultSnapshot(vaultLayout(root), { now: NOW });
    expect(snapshot.counts).toEqual({ inbox: 2, needsAction: 4, plans: 2, done: 5 });
  });

  test('lists open items most urgent first, priority and due taken from the plan', async () => {
    await buildVault();
    const snapshot = await readVaultSnapshot(vaultLayout(root), { now: NOW });
    expect(snapshot.open.mostUrgent.map((item) => [item.name, item.priority, item.due, item.ageDays])).toEqual([
      ['Call the bank.md', 'high', '2025-03-14', 0],
      ['invoice.pdf.md', 'normal', null, 5],
      ['low thing.md', 'low', '2025-03-10', 1],
    ]);
    const bank = snapshot.open.mostUrgent[0]!;
    expect(bank).toMatchObject({ link: '[[Call the bank]]', plan: 'PLAN_Call the bank.md', planLink: '[[PLAN_Call the bank]]', title: 'Call the bank about the fee' });
    expect(snapshot.open.mostUrgent[1]!.link).toBe('[[invoice.pdf.md|invoice.pdf]]');
  });

  test('skips a broken note and reports it, reading only the recent Done months', async () => {
    await buildVault();
    const snapshot = await readVaultSnapshot(vaultLayout(root), { now: NOW });
    expect(snapshot.skipped).toEqual([{ file: 'Needs_Action/broken.md', reason: expect.stringContaining('does not parse') }]);
    expect(snapshot.completed.map((item) => item.name)).toEqual(['item1.md', 'scan.jpg.md', 'old.md']);
  });

  test('counts received and completed per local day over the last 14 days', async () => {
    await buildVault();
    const snapshot = await readVaultSnapshot(vaultLayout(root), { now: NOW });
    expect(snapshot.days).toHaveLength(14);
    expect(snapshot.days[0]!.day).toBe('2025-03-01');
    expect(snapshot.days.at(-1)!.day).toBe('2025-03-14');
    const busy = snapshot.days.filter((day) => day.received + day.completed > 0);
    expect(busy).toEqual([
      { day: '2025-03-09', received: 1, completed: 0 },
      { day: '2025-03-10', received: 1, completed: 0 },
      { day: '2025-03-12', received: 1, completed: 1 },
      { day: '2025-03-13', received: 1, completed: 1 },
      { day: '2025-03-14', received: 1, completed: 0 },
    ]);
  });

  test('an empty or missing vault gives zero counts and empty lists', async () => {
    const snapshot = await readVaultSnapshot(vaultLayout(path.join(root, 'nowhere')), { now: NOW });
    expect(snapshot.counts).toEqual({ inbox: 0, needsAction: 0, plans: 0, done: 0 });
    expect(snapshot.open).toMatchObject({ count: 0, mostUrgent: [], overdue: { count: 0, items: [] } });
    expect(snapshot.days.every((day) => day.received === 0 && day.completed === 0)).toBe(true);
  });

  test('a frontmatter longer than the head read is still read', async () => {
    const long = 'x'.repeat(40_000);
    await writeTree(root, { 'Needs_Action/long.md': item({ id: 'l', received: ago(NOW, 0), subject: long, priority: 'high' }) });
    const snapshot = await readVaultSnapshot(vaultLayout(root), { now: NOW });
    expect(snapshot.open.mostUrgent.map((item) => item.priority)).toEqual(['high']);
  });

  test('reads many notes, in batches', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 500; i++) tree[`Needs_Action/n${i}.md`] = item({ id: `n${i}`, received: ago(NOW, i % 20) });
    await writeTree(root, tree);
    const snapshot = await readVaultSnapshot(vaultLayout(root), { now: NOW, batchSize: 7 });
    expect(snapshot.counts.needsAction).toBe(500);
    expect(snapshot.open.count).toBe(500);
    expect(snapshot.days.reduce((sum, day) => sum + day.received, 0)).toBe(25 * 14);
  });

  test('of many open items, each list keeps the first few in its order and counts them all', async () => {
    const tree: Record<string, string> = {};
    const priorities = ['high', 'normal', 'low'];
    for (let i = 0; i < 300; i++) {
      const due = i % 4 === 0 ? `2025-03-${String(1 + (i % 13)).padStart(2, '0')}` : i % 4 === 1 ? '2025-03-14' : undefined;
      tree[`Needs_Action/n${String(i).padStart(3, '0')}.md`] = item({ id: `n${i}`, received: ago(NOW, i % 30, i % 7), priority: priorities[i % 3], ...(due ? { due } : {}) });
    }
    await writeTree(root, tree);
    const since = new Date(NOW.getTime() - 2 * 86_400_000);
    const snapshot = await readVaultSnapshot(vaultLayout(root), { now: NOW, listLimit: 7, batchSize: 16, staleDays: 20, receivedWindow: { since, until: NOW } });
    const all = await readVaultSnapshot(vaultLayout(root), { now: NOW, listLimit: 1000, staleDays: 20, receivedWindow: { since, until: NOW } });
    const names = (items: { name: string }[]) => items.map((one) => one.name);
    expect(all.open.count).toBe(300);
    expect(all.open.byPriority).toEqual({ high: 100, normal: 100, low: 100 });
    expect(snapshot.open.count).toBe(300);
    expect(snapshot.open.byPriority).toEqual(all.open.byPriority);
    expect(names(snapshot.open.mostUrgent)).toEqual(names(all.open.mostUrgent.slice(0, 7)));
    for (const list of ['overdue', 'dueToday', 'stale', 'received'] as const) {
      expect(snapshot.open[list].count, list).toBe(all.open[list].items.length);
      expect(names(snapshot.open[list].items), list).toEqual(names(all.open[list].items.slice(0, 7)));
    }
    expect(all.open.overdue.items.every((one) => one.due! < '2025-03-14')).toBe(true);
    expect(all.open.overdue.count).toBe(75);
    expect(all.open.dueToday.count).toBe(75);
    expect(all.open.stale.items.every((one) => one.ageDays! > 20)).toBe(true);
    expect(all.open.stale.count).toBeGreaterThan(0);
    expect(all.open.received.items.every((one) => Date.parse(one.received!) >= since.getTime())).toBe(true);
    expect(all.open.received.count).toBeGreaterThan(0);
  });
});

describe('readNoteHeads', () => {
  test('a vanished file is skipped, never thrown', async () => {
    await writeTree(root, { 'ok.md': note({ id: 'a' }) });
    const heads = await readNoteHeads(root, ['ok.md', 'gone.md'], { batchSize: 1 });
    expect(heads.get('ok.md')).toMatchObject({ ok: true, head: { data: { id: 'a' } } });
    expect(heads.get('gone.md')).toEqual({ ok: false, reason: 'vanished' });
  });
});
