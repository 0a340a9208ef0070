import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makeVault, removeVault } from '../helpers/make-vault.js';
import { runCli } from '../helpers/run-cli.js';
import { dropAll, makeDrops } from './support/drops.js';
import { seededRandom } from './support/seeded-random.js';
import { checkDrops, checkNothingInFlight, checkPlans } from './support/vault-invariants.js';

// §5 single instance: many runs started at once share nothing but the lock.

const random = seededRandom('contention');
let vaults: string[] = [];
afterEach(async () => {
  await Promise.all(vaults.map(removeVault));
  vaults = [];
});

describe('contention', () => {
  test('8 --once runs started at once: each exits 0 or 75, and every file is processed exactly once', async () => {
    const vault = await makeVault();
    vaults.push(vault);
    const drops = makeDrops(random, 300, 'race');
    await dropAll(vault, drops);
    const args = ['--once', '--vault', vault, '--quiet', '--ignore-constraints'];

    for (let round = 0; round < 2; round++) {
      const results = await Promise.all(Array.from({ length: 8 }, () => runCli(args)));
      for (const result of results) {
        expect([0, 75], result.stderr).toContain(result.code);
        if (result.code === 75) expect(result.stderr).toMatch(/another ai-employee .*holds/);
      }
      expect(results.some((r) => r.code === 0)).toBe(true);
    }
    expect((await runCli(args)).code).toBe(0);
    expect([...(await checkDrops(vault, drops)), ...(await checkPlans(vault)), ...(await checkNothingInFlight(vault))]).toEqual([]);
  });

  test("another host's lock is respected while fresh (exit 75 naming it) and taken over once 31 s stale", async () => {
    const vault = await makeVault({ 'Inbox/a.md': 'hello\n' });
    vaults.push(vault);
    const lock = path.join(vault, 'Logs', '.ai_employee.lock');
    await fs.mkdir(lock);
    await fs.writeFile(`${lock}.owner.json`, JSON.stringify({ pid: 4242, host: 'laptop-elsewhere', startedAt: '2024-01-01T00:00:00.000Z' }));
    const args = ['--once', '--vault', vault, '--quiet', '--ignore-constraints'];

    const held = await runCli(args);
    expect(held.code).toBe(75);
    expect(held.stderr).toMatch(/pid 4242 on laptop-elsewhere, started 2024-01-01T00:00:00.000Z/);
    expect(await fs.readdir(path.join(vault, 'Inbox'))).toEqual(['a.md']);

    const past = new Date(Date.now() - 31_000);
    await fs.utimes(lock, past, past);
    const taken = await runCli(args);
    expect(taken.code, taken.stderr).toBe(0);
    expect(await fs.readdir(path.join(vault, 'Inbox'))).toEqual([]);
    expect(await fs.readdir(path.join(vault, 'Needs_Action'))).toEqual(['a.md']);
  });
});
