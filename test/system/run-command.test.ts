import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCommand } from '../../src/system/run-command.js';
import { isProcessGone, waitUntil } from '../fixtures/run-command/process-watch.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/run-command');
const node = process.execPath;
const script = (name: string) => path.join(fixtures, name);

let dir: string;
const leftovers: { pid: number; cmdline: string }[] = [];

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'run-command-'));
});
// A process's command line, to know it again: a pid a test saw may since belong to another process
// (the suite starts thousands, and pids wrap at 32,768), which must never be killed in its place.
const commandLineOf = (pid: number) => fs.readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');

afterEach(async () => {
  for (const { pid, cmdline } of leftovers.splice(0)) {
    if (cmdline === '' || (await commandLineOf(pid)) !== cmdline) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await fs.rm(dir, { recursive: true, force: true });
});

const base = () => ({ cwd: dir, timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 });

async function readPid(file: string): Promise<number> {
  expect(await waitUntil(async () => (await fs.stat(file).catch(() => null)) !== null)).toBe(true);
  const pid = Number(await fs.readFile(file, 'utf8'));
  leftovers.push({ pid, cmdline: await commandLineOf(pid) });
  return pid;
}

describe('runCommand', () => {
  test.each([0, 1, 3, 42])('reports exit code %i with stdout and stderr', async (code) => {
    const result = await runCommand([node, script('exit-with.mjs'), String(code), 'a b', '$HOME'], base());
    expect(result).toMatchObject({ exitCode: code, signal: null, timedOut: false });
    expect(result.spawnError).toBeUndefined();
    expect(result.stdout).toBe('out:a b $HOME\n');
    expect(result.stderr).toBe('err:line\n');
    expect(result.endedAt.getTime()).toBeGreaterThanOrEqual(result.startedAt.getTime());
  });

  test('delivers input on stdin and closes it', async () => {
    const result = await runCommand([node, script('echo-stdin.mjs')], { ...base(), input: 'hello\nworld' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('HELLO\nWORLD');
  });

  test('without input, stdin is closed so a reader does not hang', async () => {
    const result = await runCommand([node, script('echo-stdin.mjs')], base());
    expect(result).toMatchObject({ exitCode: 0, stdout: '', timedOut: false });
  });

  test('runs in the given working directory', async () => {
    const result = await runCommand([node, '-e', 'process.stdout.write(process.cwd())'], base());
    expect(await fs.realpath(result.stdout)).toBe(await fs.realpath(dir));
  });

  test.each([
    { out: 10 * 1024 * 1024, err: 0, cap: 1000 },
    { out: 500, err: 3 * 1024 * 1024, cap: 1000 },
    { out: 1000, err: 1000, cap: 1000 },
  ])('caps output at $cap bytes (stdout $out, stderr $err)', async ({ out, err, cap }) => {
    const result = await runCommand([node, script('print-bytes.mjs'), String(out), String(err)], { ...base(), maxOutputBytes: cap });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('x'.repeat(Math.min(out, cap)));
    expect(result.stderr).toBe('y'.repeat(Math.min(err, cap)));
    expect(result.stdoutTruncated).toBe(out > cap);
    expect(result.stderrTruncated).toBe(err > cap);
  });

  test.each(['stay', 'leave'])(
    'a timeout kills the whole group, grandchild holding stdout included (child %s)',
    async (mode) => {
      const pidFile = path.join(dir, 'grandchild.pid');
      const timeoutMs = 500;
      const killGraceMs = 2000;
      const started = Date.now();
      const result = await runCommand([node, script('spawn-grandchild.mjs'), pidFile, mode], { ...base(), timeoutMs, killGraceMs });
      const elapsed = Date.now() - started;
      expect(result.timedOut).toBe(true);
      expect(result.stdout).toBe('started\n');
      expect(elapsed).toBeLessThan(timeoutMs + killGraceMs + 1500);
      const grandchild = await readPid(pidFile);
      expect(await waitUntil(() => isProcessGone(grandchild), 3000)).toBe(true);
    },
  );

  test('a child ignoring SIGTERM is SIGKILLed after the grace period', async () => {
    const pidFile = path.join(dir, 'child.pid');
    const started = Date.now();
    const result = await runCommand([node, script('ignore-sigterm.mjs'), pidFile], { ...base(), timeoutMs: 300, killGraceMs: 300 });
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' });
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(300 + 300 + 1500);
    expect(isProcessGone(await readPid(pidFile))).toBe(true);
  });

  test('an abort signal ends the group like a timeout, without timedOut', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const controller = new AbortController();
    const running = runCommand([node, script('spawn-grandchild.mjs'), pidFile, 'stay'], { ...base(), signal: controller.signal, killGraceMs: 1000 });
    const grandchild = await readPid(pidFile);
    controller.abort();
    const result = await running;
    expect(result).toMatchObject({ timedOut: false, exitCode: null, signal: 'SIGTERM' });
    expect(await waitUntil(() => isProcessGone(grandchild), 3000)).toBe(true);
  });

  test('an already aborted signal starts nothing', async () => {
    const result = await runCommand([node, script('exit-with.mjs'), '0'], { ...base(), signal: AbortSignal.abort() });
    expect(result.spawnError).toBe('aborted before start');
    expect(result.exitCode).toBeNull();
  });

  test.each([
    { command: ['no-such-program-ai-employee'], error: 'ENOENT: program "no-such-program-ai-employee" not found' },
    { command: [], error: 'empty command' },
    { command: 'echo hi', error: 'a single string command runs through a shell: pass a list [program, args…] or set shell: true' },
  ])('does not reject when it cannot start: $error', async ({ command, error }) => {
    const result = await runCommand(command, base());
    expect(result).toMatchObject({ spawnError: error, exitCode: null, signal: null, timedOut: false, stdout: '' });
  });

  test('a missing working directory is a spawn error naming it', async () => {
    const cwd = path.join(dir, 'missing');
    const result = await runCommand([node, script('exit-with.mjs'), '0'], { ...base(), cwd });
    expect(result.spawnError).toBe(`ENOENT: working directory "${cwd}" not found`);
  });

  test('a string command runs through the shell only with shell: true', async () => {
    const result = await runCommand('echo one && echo two', { ...base(), shell: true });
    expect(result).toMatchObject({ exitCode: 0, stdout: 'one\ntwo\n' });
  });

  test('a list is never shell-interpreted, even with shell: true', async () => {
    const marker = path.join(dir, 'pwned');
    const result = await runCommand([node, script('exit-with.mjs'), '0', `; touch ${marker}`], { ...base(), shell: true });
    expect(result.stdout).toBe(`out:; touch ${marker}\n`);
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  test('env replaces the environment instead of extending it', async () => {
    const result = await runCommand([node, script('print-env.mjs'), 'HOME'], { ...base(), env: { ONLY: 'this' } });
    expect(result.stdout).toBe('<unset>');
    const only = await runCommand([node, script('print-env.mjs'), 'ONLY'], { ...base(), env: { ONLY: 'this' } });
    expect(only.stdout).toBe('this');
  });
});
