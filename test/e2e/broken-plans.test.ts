import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// Issue 14, point 5: a plan the user broke, with every box ticked, is never filed and never
// silently ignored: the log says so once (not on every run) and the dashboard shows it until mended.

const tempVault = tempVaults();

const tick = (text: string) => text.replace(/- \[ \]/g, '- [x]');
const body = (plan: string) => plan.split('---\n').slice(2).join('---\n');
const BREAKAGES: [string, (plan: string) => string, RegExp][] = [
  ['invalid YAML', (plan) => tick(plan.replace('status: pending', 'status: [pending')), /cannot be read as a plan \(frontmatter does not parse/],
  ['frontmatter deleted', (plan) => tick(body(plan)), /cannot be read as a plan \(it has no frontmatter\)/],
  ['truncated in its frontmatter', (plan) => plan.slice(0, 40), /cannot be read as a plan \(frontmatter has no closing --- line/],
  ['a list for frontmatter', (plan) => `---\n- a\n- b\n---\n${tick(body(plan))}`, /cannot be read as a plan \(frontmatter does not parse: frontmatter is not a mapping/],
  ['its id and source deleted', (plan) => tick(plan.replace(/^(id|source):.*\n/gm, '')), /names no item \(its id and source/],
];

const once = (vault: string) => runCli(['--once', '--vault', vault, '--quiet']);
const dashboardBlock = async (vault: string) => (await fs.readFile(path.join(vault, 'Dashboard.md'), 'utf8')).split('<!-- ai-employee:start -->')[1] ?? '';

describe('plans the user broke', () => {
  test('each is logged once over two runs, shown on the dashboard, left alone; mended, it is filed and the warning goes', async () => {
    const names = BREAKAGES.map((_, i) => `item${i}`);
    const vault = await tempVault(Object.fromEntries(names.map((name) => [`Inbox/${name}.md`, `Call Bob about ${name}.\n`])));
    expect((await once(vault)).code).toBe(0);
    const originals = new Map<string, string>();
    for (const [i, [, breakIt]] of BREAKAGES.entries()) {
      const file = path.join(vault, 'Plans', `PLAN_${names[i]}.md`);
      originals.set(file, await fs.readFile(file, 'utf8'));
      await fs.writeFile(file, breakIt(originals.get(file)!));
    }

    for (let run = 1; run <= 2; run++) {
      const result = await once(vault);
      expect(result.code).toBe(0);
      const log = await fs.readFile(path.join(vault, 'Logs', 'ai_employee.log'), 'utf8');
      const block = await dashboardBlock(vault);
      for (const [i, [, , said]] of BREAKAGES.entries()) {
        const plan = `Plans/PLAN_${names[i]}.md`;
        const lines = log.split('\n').filter((line) => line.includes(`WARNING - completion: ${plan} `));
        expect(lines, plan).toHaveLength(1);
        expect(lines[0]).toMatch(said);
        expect(block).toContain(`${plan} failed: completion: ${plan}`);
      }
      expect(await listDir(path.join(vault, 'Plans'))).toEqual(names.map((name) => `PLAN_${name}.md`));
      expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual(names.map((name) => `${name}.md`));
    }

    for (const [file, original] of originals) await fs.writeFile(file, tick(original));
    expect((await once(vault)).code).toBe(0);
    expect(await listDir(path.join(vault, 'Plans'))).toEqual([]);
    expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual([]);
    expect(await dashboardBlock(vault)).not.toMatch(/PLAN_item\d\.md failed/);
  });
});
