import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The real CLI, as a user runs it: `node bin/ai-employee.js …` (tests run after `npm run build`).
export const BIN = fileURLToPath(new URL('../../bin/ai-employee.js', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  return runCliOnce(args, options).then((result) => {
    // runCli never signals its child. In full suites today, about one run in a thousand ended by a
    // signal no test sent (exit code null, under a second, no output), and not with SIGKILL or
    // SIGTERM, so possibly a crash: the cause is not found (see the session note of 2026-12-05). Such
    // a run is said, with its signal, on the test's output and made once more; a second one fails.
    if (result.signal === null) return result;
    console.error(`runCli: ai-employee ${args.join(' ')} ended by ${result.signal}, sent by no test; running it again`);
    return runCliOnce(args, options);
  });
}

function runCliOnce(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

// A long-running CLI process (the daemon) whose output is collected as it comes.
export function startCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess & { output: () => string; exited: Promise<CliResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<CliResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return Object.assign(child, { output: () => stdout + stderr, exited });
}
