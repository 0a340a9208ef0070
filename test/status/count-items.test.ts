import { afterEach, expect, test } from 'vitest';
import { countItems } from '../../src/status/count-items.js';
import { vaultLayout } from '../../src/vault/layout.js';
import { makeVault, removeVault, type Tree } from '../helpers/make-vault.js';

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeVault));
});

test.each<{ what: string; tree: Tree; counts: Record<string, number> }>([
  { what: 'an empty vault', tree: {}, counts: { inbox: 0, needsAction: 0, plans: 0, done: 0 } },
  {
    what: "dot-files and the agent's temporary files are not counted",
    tree: { 'Inbox/a.pdf': 'x', 'Inbox/a.pdf.md': 'x', 'Inbox/.DS_Store': 'x', 'Needs_Action/.ai-employee-tmp-1-abc': 'x', 'Plans/.ai-employee-tmp-2-def': 'x', 'Needs_Action/b.md': 'x', 'Plans/PLAN_b.md': 'x' },
    counts: { inbox: 2, needsAction: 1, plans: 1, done: 0 },
  },
  {
    what: 'an attachment and its companion are one item, even when the attachment is a .md file',
    tree: { 'Needs_Action/scan.pdf': 'x', 'Needs_Action/scan.pdf.md': 'x', 'Needs_Action/bad.md': 'x', 'Needs_Action/bad.md.md': 'x' },
    counts: { inbox: 0, needsAction: 2, plans: 0, done: 0 },
  },
  {
    what: 'done counts every month folder, items only (not plans or attachments)',
    tree: { 'Done/2026-01/a.md': 'x', 'Done/2026-01/PLAN_a.md': 'x', 'Done/2026-02/bad.md': 'x', 'Done/2026-02/bad.md.md': 'x', 'Done/2026-02/x.pdf': 'x', 'Done/2026-02/x.pdf.md': 'x' },
    counts: { inbox: 0, needsAction: 0, plans: 0, done: 3 },
  },
  {
    what: '.markdown and upper-case .MD items count like .md ones (intake and planning take them too)',
    tree: { 'Needs_Action/a.markdown': 'x', 'Needs_Action/B.MD': 'x', 'Plans/PLAN_a.md': 'x', 'Done/2026-03/c.markdown': 'x' },
    counts: { inbox: 0, needsAction: 2, plans: 1, done: 1 },
  },
])('$what', async ({ tree, counts }) => {
  const root = await makeVault(tree);
  roots.push(root);
  expect(await countItems(vaultLayout(root))).toEqual(counts);
});
