import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { readNoteText } from '../../src/vault/frontmatter.js';
import { makeVault, removeVault } from '../helpers/make-vault.js';
import { runCli, startCli } from '../helpers/run-cli.js';
import { dropAll, makeDrops } from './support/drops.js';
import { runAndKill } from './support/kill-at.js';
import { seededRandom, type Random } from './support/seeded-random.js';
import { checkDrops, checkNothingInFlight, checkPlans, readFiles } from './support/vault-invariants.js';

// §6 exactly once, §8 filing, §9 dashboard: SIGKILL the real CLI at random moments, many times, then
// let it run cleanly and check what a user would check.

const USER_DASHBOARD = '# My dashboard\n\nUSER-TOP keep me\n\n<!-- ai-employee:start -->\n<!-- ai-employee:end -->\n\nUSER-BOTTOM keep me too\n';
let vaults: string[] = [];
afterEach(async () => {
  await Promise.all(vaults.map(removeVault));
  vaults = [];
});

async function newVault() {
  const vault = await makeVault({ 'Dashboard.md': USER_DASHBOARD });
  vaults.push(vault);
  return { vault, args: ['--once', '--vault', vault, '--quiet', '--ignore-constraints'] };
}

// Kills `times` runs after a random delay each; a run that finished first must have succeeded.
async function killRepeatedly(args: string[], random: Random, times: number, minMs: number, maxMs: number): Promise<number> {
  let killed = 0;
  for (let i = 0; i < times; i++) {
    const result = await runAndKill(args, random.int(minMs, maxMs));
    if (result.killed) killed++;
    else expect(result.code, result.stderr).toBe(0);
  }
  return killed;
}

async function runCleanly(args: string[], times = 2): Promise<void> {
  for (let i = 0; i < times; i++) {
    const result = await runCli(args);
    expect(result.code, result.stderr).toBe(0);
  }
}

async function checkDashboard(vault: string): Promise<void> {
  const text = await fs.readFile(path.join(vault, 'Dashboard.md'), 'utf8');
  expect(text.startsWith('# My dashboard\n\nUSER-TOP keep me\n\n<!-- ai-employee:start -->\n')).toBe(true);
  expect(text.endsWith('<!-- ai-employee:end -->\n\nUSER-BOTTOM keep me too\n')).toBe(true);
  expect(text.split('<!-- ai-employee:start -->').length).toBe(2);
}

describe('crash torture', () => {
  test('intake and planning of ~1,000 drops (notes, frontmatter, binaries, .eml, colliding names) survive repeated SIGKILLs', async () => {
    const random = seededRandom('crash/intake');
    const { vault, args } = await newVault();
    const first = makeDrops(random, 60, 'a');
    await dropAll(vault, first);
    await runCleanly(args, 1);
    const second = makeDrops(random, 1000, 'b', first.map((d) => d.name));
    await dropAll(vault, second);

    const killed = await killRepeatedly(args, random, 8, 80, 2500);
    await runCleanly(args);

    console.log(`[torture] crash/intake: ${killed} of 8 runs killed mid-way`);
    expect(killed).toBeGreaterThan(0);
    expect([...(await checkDrops(vault, [...first, ...second])), ...(await checkPlans(vault)), ...(await checkNothingInFlight(vault))]).toEqual([]);
    await checkDashboard(vault);
  });

  test('completion: killed while filing many ticked plans, every item and plan ends up filed exactly once', async () => {
    const random = seededRandom('crash/completion');
    const { vault, args } = await newVault();
    const drops = makeDrops(random, 300, 'c');
    await dropAll(vault, drops);
    await runCleanly(args, 1);
    const ticked = await tickPlans(vault, random, 0.7);

    const killed = await killRepeatedly(args, random, 8, 150, 1500);
    await runCleanly(args);

    console.log(`[torture] crash/completion: ${killed} of 8 runs killed mid-way, ${ticked.size} plans ticked`);
    expect([...(await checkDrops(vault, drops)), ...(await checkPlans(vault)), ...(await checkNothingInFlight(vault))]).toEqual([]);
    const done = await readFiles(vault, 'Done');
    const doneIds = (plan: boolean) => done.filter((f) => f.data && /\/PLAN_[^/]*$/.test(f.rel) === plan).map((f) => String(plan ? f.data!.id : f.data!.ai_id)).sort();
    expect(doneIds(true)).toEqual([...ticked].sort());
    expect(doneIds(false)).toEqual([...ticked].sort());
    for (const f of done) if (f.data) expect(/\/PLAN_[^/]*$/.test(f.rel) ? f.data.status : f.data.ai_status, f.rel).toBe('done');
    await checkDashboard(vault);
  });

  // The daemon arrived while these suites were written: killed at random moments during bursts of drops.
  const hasDaemon = existsSync(fileURLToPath(new URL('../../src/commands/daemon.ts', import.meta.url)));
  test.skipIf(!hasDaemon)('the daemon, SIGKILLed during bursts of drops, leaves nothing lost or doubled', async () => {
    const random = seededRandom('crash/daemon');
    const { vault, args } = await newVault();
    const daemonArgs = ['--daemon', '--vault', vault, '--quiet', '--ignore-constraints'];
    const drops = [];
    for (let burst = 0; burst < 4; burst++) {
      const child = startCli(daemonArgs);
      // A name still waiting in Inbox/ from an earlier burst is not dropped again (that would overwrite it).
      const batch = makeDrops(random, 150, `d${burst}`).filter((d) => !existsSync(path.join(vault, 'Inbox', d.name)));
      drops.push(...batch);
      await dropAll(vault, batch);
      await new Promise((resolve) => setTimeout(resolve, random.int(200, 2500)));
      child.kill('SIGKILL');
      await child.exited;
    }
    await runCleanly(args);
    expect([...(await checkDrops(vault, drops)), ...(await checkPlans(vault)), ...(await checkNothingInFlight(vault))]).toEqual([]);
    await checkDashboard(vault);
  });
});

// The user ticks every box of a random share of the plans; returns their ids.
async function tickPlans(vault: string, random: Random, share: number): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of await fs.readdir(path.join(vault, 'Plans'))) {
    if (random.next() >= share) continue;
    const file = path.join(vault, 'Plans', name);
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace(/- \[ \]/g, '- [x]'));
    ids.add(String(readNoteText(text).data.id));
  }
  return ids;
}
