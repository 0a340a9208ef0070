import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeFolderReadOnly } from '../helpers/read-only-folder.js';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir, readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// Issue 14, point 4: the rules planner plans a drop during intake, ahead of writing its item. When the
// item cannot be written into Needs_Action/ (EPERM here, ENOSPC on a full disk), the plan made for it
// must go too: no stray plan in Plans/, none filed under Done/ as "had no item", none more per retry.

const tempVault = tempVaults();
const undos: (() => Promise<void>)[] = [];
// Registered after tempVaults: the folder is writable again before the vault is removed.
afterEach(async () => {
  for (const undo of undos.splice(0)) await undo();
});

const once = (vault: string) => runCli(['--once', '--vault', vault, '--ignore-constraints']);

describe('a failed item write leaves no plan behind', () => {
  test('Needs_Action/ read-only: three runs fail (exit 1), each drop stays in Inbox/, Plans/ and Done/ stay empty; then one plan each', async () => {
    const drops = { 'Inbox/call bob.md': 'Call Bob about the boiler by Friday.\n', 'Inbox/invoice.txt': 'Pay invoice 42 by 2026-12-20.\n', 'Inbox/big note.md': `Renew the passport.\n${'filler line\n'.repeat(40_000)}` };
    const vault = await tempVault(drops);
    const fault = await makeFolderReadOnly(path.join(vault, 'Needs_Action'));
    if (!fault) return console.log('[failed-item-write] neither chmod nor chattr can make a folder read-only here: skipped');
    undos.push(fault.undo);

    for (let attempt = 1; attempt <= 3; attempt++) {
      const run = await once(vault);
      expect(run.code).toBe(1);
      // Said once, naming the path and what was being done; the retries fail the same way, silently.
      const said = run.stderr.split('\n').filter((line) => /ERROR - Inbox\/call bob\.md: could not write Needs_Action\/call bob\.md: (operation not permitted \(EPERM\)|permission denied \(EACCES\)) \(left where it is; will retry\)$/.test(line));
      expect(said).toHaveLength(attempt === 1 ? 1 : 0);
      expect(await listDir(path.join(vault, 'Inbox'))).toEqual(['big note.md', 'call bob.md', 'invoice.txt']);
      expect(await listDir(path.join(vault, 'Plans'))).toEqual([]);
      expect(await readTree(path.join(vault, 'Done'))).toEqual({});
      expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual([]);
    }

    await fault.undo();
    undos.length = 0;
    const run = await once(vault);
    expect(run.code).toBe(0);
    expect(await listDir(path.join(vault, 'Inbox'))).toEqual([]);
    expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual(['big note.md', 'call bob.md', 'invoice.txt', 'invoice.txt.md']);
    expect(await listDir(path.join(vault, 'Plans'))).toEqual(['PLAN_big note.md', 'PLAN_call bob.md', 'PLAN_invoice.txt.md']);
    expect(await readTree(path.join(vault, 'Done'))).toEqual({});
  });
});
