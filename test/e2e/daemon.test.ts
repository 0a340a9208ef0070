import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait-for.js';
import { daemonVaults, exitWithin, readLog, readStats, startDaemon, waitForLog, waitUntilWatching } from '../daemon/daemon-process.js';

// §5 daemon, end to end: a real `ai-employee --daemon` process on a real temporary vault.

const vault = daemonVaults();

function doneMonth(when = new Date()): string {
  return `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}`;
}

async function status(root: string): Promise<{ code: number | null; report: { state: string; pid: number | null; stats: { iterations: number; watcherRuns: number; plannerRuns: number; uptimeSeconds: number | null } } }> {
  const run = await runCli(['--status', '--json', '--vault', root]);
  return { code: run.code, report: JSON.parse(run.stdout) };
}

describe('daemon: reacting to the vault', () => {
  test('a dropped note gets a plan; ticking every box files item and plan under Done/YYYY-MM', async () => {
    const root = await vault();
    const daemon = startDaemon(root);
    await waitUntilWatching(root);
    await fs.writeFile(path.join(root, 'Inbox', 'call-bob.md'), 'Please call Bob about the invoice.\n\n- [ ] call Bob\n- [ ] send the invoice\n');
    const planFile = path.join(root, 'Plans', 'PLAN_call-bob.md');
    const plan = await waitFor(() => fs.readFile(planFile, 'utf8').catch(() => undefined), 'the plan for call-bob.md', 5000);
    expect(plan).toContain('- [ ] call Bob');
    expect(await listDir(path.join(root, 'Inbox'))).toEqual([]);

    const { code, report } = await status(root);
    expect(code).toBe(0);
    expect(report.state).toBe('running');
    expect(report.pid).toBe(daemon.pid);
    expect(report.stats.watcherRuns).toBeGreaterThan(0);
    expect(report.stats.plannerRuns).toBeGreaterThan(0);
    expect(report.stats.uptimeSeconds).not.toBeNull();

    await fs.writeFile(planFile, plan.replace(/- \[ \]/g, '- [x]'));
    const month = path.join(root, 'Done', doneMonth());
    // Wait for exactly these names: a write's temp file is there for an instant before its link.
    const filed = ['PLAN_call-bob.md', 'call-bob.md'].join('\n');
    await waitFor(async () => (await listDir(month)).join('\n') === filed, 'item and plan (only) in Done/', 5000);
    expect(await fs.readFile(path.join(month, 'call-bob.md'), 'utf8')).toMatch(/status: done/);
    expect(await listDir(path.join(root, 'Plans'))).toEqual([]);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
  });

  test('SIGTERM: exit 0 within 5 s, final stats in the log, lock released (--status: stopped, exit 3)', async () => {
    const root = await vault({ 'Inbox/a.md': 'Reply to Ann.\n' });
    const daemon = startDaemon(root);
    await waitFor(() => fs.stat(path.join(root, 'Plans', 'PLAN_a.md')).catch(() => undefined), 'the plan for a.md');
    daemon.kill('SIGTERM');
    const exit = await exitWithin(daemon, 5000);
    expect(exit.code).toBe(0);
    expect(await readLog(root)).toMatch(/received SIGTERM; stopping[\s\S]*daemon stopped: uptime \d+s, \d+ iterations, 0 errors, \d+ watcher runs, \d+ planner runs/);
    expect(await listDir(path.join(root, 'Logs'))).not.toContain('.ai_employee.lock');
    const after = await status(root);
    expect(after.code).toBe(3);
    expect(after.report.state).toBe('stopped');
  });

  test('SIGINT stops it the same way', async () => {
    const root = await vault();
    const daemon = startDaemon(root);
    await waitUntilWatching(root);
    daemon.kill('SIGINT');
    expect((await exitWithin(daemon, 5000)).code).toBe(0);
    expect(await readLog(root)).toContain('received SIGINT');
  });

  test('kill -9: --status says stale (exit 1), and the next --once takes over at once', async () => {
    const root = await vault();
    const daemon = startDaemon(root);
    await waitUntilWatching(root);
    daemon.kill('SIGKILL');
    await daemon.exited;
    const stale = await status(root);
    expect(stale.code).toBe(1);
    expect(stale.report.state).toBe('stale');
    await fs.writeFile(path.join(root, 'Inbox', 'b.md'), 'Book the train.\n');
    const once = await runCli(['--once', '--vault', root, '--quiet']);
    expect(once.code).toBe(0);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_b.md']);
  });

  test('while the daemon runs, a second --daemon or --once exits 75 naming its pid, and changes nothing', async () => {
    const root = await vault();
    const daemon = startDaemon(root);
    await waitUntilWatching(root);
    for (const mode of ['--daemon', '--once']) {
      const second = await runCli([mode, '--vault', root, '--quiet', '--interval', '1']);
      expect(second.code).toBe(75);
      expect(second.stderr).toContain(`pid ${daemon.pid}`);
    }
    expect((await status(root)).report.state).toBe('running');
    expect(daemon.exitCode).toBeNull();
  });

  test('the heartbeat and stats reach --status: iterations count up with drops', async () => {
    const root = await vault();
    startDaemon(root);
    await waitUntilWatching(root);
    const before = await readStats(root);
    await fs.writeFile(path.join(root, 'Inbox', 'c.md'), 'Pay the rent.\n');
    await waitFor(() => fs.stat(path.join(root, 'Plans', 'PLAN_c.md')).catch(() => undefined), 'the plan for c.md');
    await waitFor(async () => (await readStats(root)).iterations > before.iterations, 'an iteration counted in state.json');
    const { report } = await status(root);
    expect(report.stats.iterations).toBeGreaterThan(before.iterations);
    await waitForLog(root, /iteration done: intake 1\b/);
  });

  test('a long job does not hold back drops: a note is planned while the job still runs', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/jobs/wait-for-file.mjs', import.meta.url));
    const dir = await vault();
    const started = path.join(dir, 'job-started');
    const release = path.join(dir, 'job-release');
    const job = { name: 'slow', command: [process.execPath, fixture, started, release], schedule: { every: '1h' } };
    await fs.writeFile(path.join(dir, 'ai-employee.yaml'), `jobs:\n  - ${JSON.stringify(job)}\n`);
    const daemon = startDaemon(dir, ['--ignore-constraints']);
    await waitFor(() => fs.stat(started).catch(() => undefined), 'the job to start');
    await fs.writeFile(path.join(dir, 'Inbox', 'urgent.md'), 'Reply to the bank today.\n');
    await waitFor(() => fs.stat(path.join(dir, 'Plans', 'PLAN_urgent.md')).catch(() => undefined), 'the plan while the job runs', 5000);
    expect(await fs.stat(release).catch(() => null)).toBeNull();
    await fs.writeFile(release, '');
    await waitForLog(dir, 'job slow: ok');
    daemon.kill('SIGTERM');
    expect((await exitWithin(daemon, 5000)).code).toBe(0);
  });
});
