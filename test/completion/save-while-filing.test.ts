import { writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runFiling } from '../../src/completion/journal.js';
import { makeTempDir } from '../helpers/make-vault.js';

// Issue 14, point 5: a user's save of a plan that lands while completion files it is never lost.
// The "user" saves the plan in place again and again (as Obsidian does) while the filing copies it
// to Done/: whatever the last save held must be in Done/ or still in Plans/.

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

const planText = (n: number) => `---\nid: 20261203-120000-0000abcd\nstatus: pending\n---\n# Plan\n\n- [x] Call the bank\n\nsave ${n}\n`;

describe('a save that lands while a plan is filed', () => {
  test('is in Done/ or still in Plans/, every time (40 filings with saves racing them)', async () => {
    const root = await makeTempDir();
    dirs.push(root);
    const agentDir = path.join(root, '.ai-employee');
    for (let round = 0; round < 40; round++) {
      const plans = path.join(root, `Plans-${round}`);
      const done = path.join(root, `Done-${round}`);
      await fs.mkdir(plans);
      await fs.mkdir(done);
      const plan = path.join(plans, 'PLAN_x.md');
      await fs.writeFile(plan, planText(0));
      // One whole save at every turn of the event loop, so each lands between two steps of the filing
      // (a save racing a single system call, from another process, is the limit noted in SECURITY.md).
      let saves = 0;
      let filing = true;
      const save = () => {
        if (!filing) return;
        writeFileSync(plan, planText(++saves));
        setImmediate(save);
      };
      setImmediate(save);
      await runFiling(agentDir, { id: '20261203-120000-0000abcd', steps: [{ from: plan, to: path.join(done, 'PLAN_x.md'), kind: 'note', changes: { status: 'done' } }] });
      filing = false;
      const last = `save ${saves}\n`;
      const found = await Promise.all([plan, path.join(done, 'PLAN_x.md')].map((file) => fs.readFile(file, 'utf8').catch(() => '')));
      expect(found.some((text) => text.endsWith(last)), `round ${round}: the last save (${saves}) is in ${JSON.stringify(found.map((t) => t.slice(-12)))}`).toBe(true);
    }
  });
});
