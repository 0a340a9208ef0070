import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { startCli, type CliResult } from '../helpers/run-cli.js';
import { waitFor } from '../helpers/wait-for.js';

// A real `ai-employee --daemon` on a temp vault, for the e2e tests and nothing else.

export type DaemonProcess = ReturnType<typeof startCli>;

const started: DaemonProcess[] = [];

export function startDaemon(vault: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): DaemonProcess {
  const child = startCli(['--daemon', '--vault', vault, '--interval', '1', '--quiet', ...extra], { env });
  started.push(child);
  return child;
}

// For afterEach: whatever a test left running is killed, even when the test failed.
export async function killAllDaemons(): Promise<void> {
  await Promise.all(
    started.splice(0).map(async (child) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await child.exited;
    }),
  );
}

export function readLog(vault: string): Promise<string> {
  return fs.readFile(path.join(vault, 'Logs', 'ai_employee.log'), 'utf8').catch(() => '');
}

export async function waitForLog(vault: string, text: string | RegExp, deadlineMs = 15_000): Promise<string> {
  try {
    return await waitFor(async () => {
      const log = await readLog(vault);
      return (typeof text === 'string' ? log.includes(text) : text.test(log)) && log;
    }, `log line ${String(text)}`, deadlineMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the log has:\n${(await readLog(vault)).slice(-3000)}`);
  }
}

// Resolves once the daemon watches its folders (files dropped after this are reported by events).
export function waitUntilWatching(vault: string): Promise<string> {
  return waitForLog(vault, 'daemon started');
}

export async function readStats(vault: string): Promise<{ iterations: number; errors: number; watcherRuns: number; plannerRuns: number }> {
  const text = await fs.readFile(path.join(vault, '.ai-employee', 'state.json'), 'utf8');
  return (JSON.parse(text) as { stats: { iterations: number; errors: number; watcherRuns: number; plannerRuns: number } }).stats;
}

// The exit of a daemon, or an error once `deadlineMs` passed without one.
export async function exitWithin(child: DaemonProcess, deadlineMs: number): Promise<CliResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
  try {
    const result = await Promise.race([child.exited, late]);
    if (result !== 'late') return result;
  } finally {
    clearTimeout(timer);
  }
  // What it was doing, to tell a slow stop from a hang.
  const vault = child.spawnargs[child.spawnargs.indexOf('--vault') + 1] ?? '';
  throw new Error(`the daemon did not exit within ${deadlineMs} ms; its output: ${child.output().slice(-2000)}; its log ends:\n${(await readLog(vault)).slice(-3000)}`);
}

// Vaults for one test file's daemons: each test's daemons are killed, then its vaults removed.
export function daemonVaults(): (tree?: Record<string, string>) => Promise<string> {
  const vault = tempVaults();
  // After-hooks run last-registered first: the daemons stop before their vaults are removed.
  afterEach(killAllDaemons);
  return vault;
}
