import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, test } from 'vitest';
import { recoverVault } from '../../src/runner/recover.js';
import { makeTempDir, makeVault, removeVault, writeTree } from '../helpers/make-vault.js';
import { listDir, readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { stageContext } from '../helpers/stage-context.js';
import { dropAll, makeDrops } from './support/drops.js';
import { mountTinyTmpfs, resizeTmpfs, setImmutable, unmount } from './support/privileged.js';
import { seededRandom } from './support/seeded-random.js';
import { checkDrops, checkNothingInFlight, checkPlans } from './support/vault-invariants.js';

// §5, §14: real file-system faults. Nothing is lost, the log says what happened, the run goes on,
// exit 1 where items failed, and the next run (once the fault is gone) completes the work.

const random = seededRandom('faults');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function newVault(tree = {}) {
  const vault = await makeVault(tree);
  cleanups.push(() => removeVault(vault));
  return vault;
}

const once = (vault: string, ...extra: string[]) => runCli(['--once', '--vault', vault, '--ignore-constraints', ...extra]);
const whole = async (vault: string, drops: Parameters<typeof checkDrops>[1]) => [...(await checkDrops(vault, drops)), ...(await checkPlans(vault)), ...(await checkNothingInFlight(vault))];

describe('file-system faults', () => {
  test('an immutable Needs_Action/ (chattr +i binds root): every drop stays in Inbox/, logged, exit 1; then all are taken in', async () => {
    const vault = await newVault();
    const drops = makeDrops(random, 40, 'imm');
    await dropAll(vault, drops);
    if (!(await setImmutable(path.join(vault, 'Needs_Action'), true))) return console.log('[torture] chattr unavailable: skipped');
    cleanups.push(() => setImmutable(path.join(vault, 'Needs_Action'), false));

    const held = await once(vault);
    expect(held.code).toBe(1);
    expect(held.stderr).toMatch(/ERROR - Inbox\/.*EPERM.*left where it is/);
    expect(await checkDrops(vault, drops, { inboxMayHold: true })).toEqual([]);
    expect((await listDir(path.join(vault, 'Inbox'))).length).toBe(drops.length);
    expect(await checkNothingInFlight(vault)).toEqual([]);

    await setImmutable(path.join(vault, 'Needs_Action'), false);
    expect((await once(vault)).code).toBe(0);
    expect(await whole(vault, drops)).toEqual([]);
  });

  test('a full disk (a tiny tmpfs): nothing lost or half-written, exit 1 with ENOSPC logged; after it grows, the work completes', async () => {
    const mountPoint = await makeTempDir('ai-employee-enospc-');
    cleanups.push(() => fs.rm(mountPoint, { recursive: true, force: true }));
    if (!(await mountTinyTmpfs(mountPoint, 400))) return console.log('[torture] mount unavailable: skipped');
    cleanups.push(() => unmount(mountPoint));
    const vault = path.join(mountPoint, 'vault');
    await writeTree(vault, { Inbox: {}, Needs_Action: {}, Plans: {}, Done: {}, Logs: {} });
    const drops = makeDrops(random, 60, 'full').filter((d) => d.bytes.length < 20_000);
    await dropAll(vault, drops);
    // Fill what is left of the disk with one file the test owns.
    await fs.writeFile(path.join(mountPoint, 'filler'), Buffer.alloc(16 * 1024)).catch(() => {});
    for (let i = 0; ; i++) if (!(await fs.appendFile(path.join(mountPoint, 'filler'), Buffer.alloc(4096)).then(() => true, () => false))) break;
    const logs = await makeTempDir('ai-employee-enospc-logs-');
    cleanups.push(() => fs.rm(logs, { recursive: true, force: true }));
    const outside = ['--log-file', path.join(logs, 'ai_employee.log'), '--lock-file', path.join(logs, 'lock')];

    const full = await once(vault, ...outside);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/ENOSPC/);
    expect(await checkDrops(vault, drops, { inboxMayHold: true })).toEqual([]);

    await fs.rm(path.join(mountPoint, 'filler'));
    expect(await resizeTmpfs(mountPoint, 20_000)).toBe(true);
    expect((await once(vault, ...outside)).code).toBe(0);
    expect(await whole(vault, drops)).toEqual([]);
  });

  test('Plans/ replaced by a file: the run fails with a message naming it, nothing is lost; fixed, the next run plans everything', async () => {
    const vault = await newVault();
    const drops = makeDrops(random, 20, 'plansfile');
    await dropAll(vault, drops);
    await fs.rmdir(path.join(vault, 'Plans'));
    await fs.writeFile(path.join(vault, 'Plans'), 'not a folder\n');

    const broken = await once(vault);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Plans/);
    expect(await checkDrops(vault, drops, { inboxMayHold: true })).toEqual([]);
    expect(await fs.readFile(path.join(vault, 'Plans'), 'utf8')).toBe('not a folder\n');

    await fs.rename(path.join(vault, 'Plans'), path.join(vault, 'Plans.txt'));
    expect((await once(vault)).code).toBe(0);
    expect(await whole(vault, drops)).toEqual([]);
  });

  test('Done/YYYY-MM is a file: ticked items stay open and the failure is logged; removed, the next run files them', async () => {
    const vault = await newVault();
    const drops = makeDrops(random, 10, 'donefile');
    await dropAll(vault, drops);
    expect((await once(vault)).code).toBe(0);
    for (const plan of await listDir(path.join(vault, 'Plans'))) {
      const file = path.join(vault, 'Plans', plan);
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/- \[ \]/g, '- [x]'));
    }
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    await fs.writeFile(path.join(vault, 'Done', month), 'squatter\n');

    const blocked = await once(vault);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/ERROR - Plans\/PLAN_.*(EEXIST|ENOTDIR)/);
    expect(await checkDrops(vault, drops)).toEqual([]);
    expect(await checkPlans(vault)).toEqual([]);

    await fs.rm(path.join(vault, 'Done', month));
    expect((await once(vault)).code).toBe(0);
    expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual([]);
    expect(await listDir(path.join(vault, 'Plans'))).toEqual([]);
    expect(await checkDrops(vault, drops)).toEqual([]);
  });

  test('folders and FIFOs where files are expected are left alone (a FIFO is never opened), the rest goes on', async () => {
    const vault = await newVault({ 'Inbox/folder.md/inner.md': 'x\n', 'Needs_Action/dir-item.md/x': 'y\n', 'Plans/PLAN_dir.md/x': 'z\n' });
    const drops = makeDrops(random, 10, 'fifo');
    await dropAll(vault, drops);
    await promisify(execFile)('mkfifo', [path.join(vault, 'Inbox', 'pipe.md'), path.join(vault, 'Needs_Action', 'pipe2.md'), path.join(vault, 'Plans', 'PLAN_pipe.md')]);

    const result = await once(vault);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/left the folder Inbox\/folder\.md\/ alone/);
    expect(result.stderr).toMatch(/left Inbox\/pipe\.md alone/);
    expect([...(await checkDrops(vault, drops, { inboxMayHold: true })), ...(await checkPlans(vault)), ...(await checkNothingInFlight(vault))]).toEqual([]);
    expect(await listDir(path.join(vault, 'Inbox'))).toEqual(['folder.md', 'pipe.md']);
    expect((await fs.lstat(path.join(vault, 'Inbox', 'pipe.md'))).isFIFO()).toBe(true);
    expect(await readTree(path.join(vault, 'Inbox'))).toEqual({ 'folder.md/inner.md': 'x\n' });
  });

  test('a note whose frontmatter the user breaks after planning: its plan is not filed as an orphan, and nothing is lost', async () => {
    const vault = await newVault();
    const drops = makeDrops(random, 6, 'broken').filter((d) => d.kind === 'note' || d.kind === 'fm-note');
    await dropAll(vault, drops);
    expect((await once(vault)).code).toBe(0);
    const [victim] = await listDir(path.join(vault, 'Needs_Action'));
    const file = path.join(vault, 'Needs_Action', victim!);
    const good = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, good.replace(/^---\n/, '---\nbroken: [unclosed\n'));

    const result = await once(vault);
    expect([0, 1]).toContain(result.code);
    expect(await readTree(path.join(vault, 'Done')), result.stderr).toEqual({});
    await fs.writeFile(file, good);
    expect((await once(vault)).code).toBe(0);
    expect(await whole(vault, drops)).toEqual([]);
  });

  test.each([
    ['a symlink to a file outside the vault', async (target: string, outside: string) => fs.symlink(outside, target)],
    ['a FIFO', async (target: string) => promisify(execFile)('mkfifo', [target])],
  ])('a claimed file that turns out to be %s is never opened or followed, and goes back to Inbox/', async (_what, make) => {
    const vault = await newVault();
    const outsideDir = await makeTempDir('ai-employee-outside-');
    cleanups.push(() => fs.rm(outsideDir, { recursive: true, force: true }));
    await fs.writeFile(path.join(outsideDir, 'secret.pdf'), 'top secret\n');
    // As left by a run killed right after it claimed a file that had been swapped after listing.
    const staged = path.join(vault, '.ai-employee', 'staging', '20240101-000000-deadbeef');
    await fs.mkdir(staged, { recursive: true });
    await make(path.join(staged, 'evil.pdf'), path.join(outsideDir, 'secret.pdf'));

    const { ctx, log } = stageContext(vault);
    await recoverVault(ctx);
    expect(log.lines.join('\n')).toMatch(/evil\.pdf.*no longer a regular file/);
    expect(await listDir(path.join(vault, 'Needs_Action'))).toEqual([]);
    const back = await fs.lstat(path.join(vault, 'Inbox', 'evil.pdf'));
    expect(back.isFile()).toBe(false);
    expect(await readTree(outsideDir)).toEqual({ 'secret.pdf': 'top secret\n' });
  });
});
