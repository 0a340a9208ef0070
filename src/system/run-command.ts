import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';

// The one way the agent starts another program: the command planner and scheduled jobs both
// come through here. The child leads its own process group so a timeout or an abort can end
// everything it started; output is streamed and capped; the promise never rejects.

export interface RunCommandOptions {
  cwd: string;
  input?: string; // written to stdin, then stdin closed
  timeoutMs: number;
  killGraceMs?: number; // default 5000: SIGTERM to the process group, then SIGKILL after this
  maxOutputBytes: number; // stdout and stderr each captured up to this, the rest drained and dropped
  shell?: boolean; // only for jobs with shell: true and a string command
  signal?: AbortSignal; // abort → same kill sequence
  env?: Record<string, string>; // when given, the child's whole environment (nothing inherited)
}

export interface RunCommandResult {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  durationMs: number;
  startedAt: Date;
  endedAt: Date;
  spawnError?: string; // e.g. 'ENOENT: program "foo" not found'
}

const DEFAULT_KILL_GRACE_MS = 5000;
// After SIGKILL, how long to let pipes drain before giving up on a process that escaped the group.
const DRAIN_AFTER_KILL_MS = 200;

interface Capture {
  text(): string;
  truncated(): boolean;
  ended: Promise<void>;
  destroy(): void;
}

// Keeps the first maxBytes of a stream and reads (and drops) the rest, so the child never blocks.
function captureCapped(stream: Readable | null | undefined, maxBytes: number): Capture {
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  if (!stream) return { text: () => '', truncated: () => false, ended: Promise.resolve(), destroy: () => {} };
  stream.on('data', (chunk: Buffer | string) => {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const room = maxBytes - size;
    if (room <= 0) {
      if (buf.length > 0) cut = true;
      return;
    }
    if (buf.length > room) cut = true;
    const kept = buf.length > room ? buf.subarray(0, room) : buf;
    chunks.push(kept);
    size += kept.length;
  });
  const ended = new Promise<void>((resolve) => {
    stream.once('close', resolve);
    stream.once('end', resolve);
    stream.once('error', () => resolve());
  });
  return {
    text: () => Buffer.concat(chunks).toString('utf8'),
    truncated: () => cut,
    ended,
    destroy: () => stream.destroy(),
  };
}

// Signals every process in the group the child leads; a group already gone is not an error.
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}

function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The result of a command that never ran (refused, or could not be started).
export function notStartedResult(message: string, startedAt: Date, endedAt = startedAt, durationMs = 0): RunCommandResult {
  return {
    exitCode: null,
    signal: null,
    timedOut: false,
    stdout: '',
    stderr: '',
    stdoutTruncated: false,
    stderrTruncated: false,
    durationMs,
    startedAt,
    endedAt,
    spawnError: message,
  };
}

function describeSpawnError(code: string | undefined, message: string, program: string): string {
  if (code === 'ENOENT') return `ENOENT: program "${program}" not found`;
  if (code === 'EACCES') return `EACCES: program "${program}" is not executable`;
  return code ? `${code}: ${message}` : message;
}

async function checkCwd(cwd: string): Promise<string | null> {
  try {
    const stat = await fs.stat(cwd);
    return stat.isDirectory() ? null : `ENOTDIR: working directory "${cwd}" is not a folder`;
  } catch {
    return `ENOENT: working directory "${cwd}" not found`;
  }
}

interface Invocation {
  file: string;
  args: string[];
  shell: boolean;
}

// A list runs as exact argv (never a shell); a string runs only when shell: true is set.
function toInvocation(command: string[] | string, shell: boolean | undefined): Invocation | string {
  if (typeof command === 'string') {
    if (!shell) return 'a single string command runs through a shell: pass a list [program, args…] or set shell: true';
    if (command.trim() === '') return 'empty command';
    return { file: command, args: [], shell: true };
  }
  const [file, ...args] = command;
  if (!file) return 'empty command';
  return { file, args, shell: false };
}

// Runs a program to completion (or until timeout/abort), returning exit status and capped output.
export async function runCommand(command: string[] | string, options: RunCommandOptions): Promise<RunCommandResult> {
  const startedAt = new Date();
  const t0 = performance.now();
  const notStarted = (message: string) => notStartedResult(message, startedAt, new Date(), Math.round(performance.now() - t0));
  const invocation = toInvocation(command, options.shell);
  if (typeof invocation === 'string') return notStarted(invocation);
  if (options.signal?.aborted) return notStarted('aborted before start');
  const cwdProblem = await checkCwd(options.cwd);
  if (cwdProblem) return notStarted(cwdProblem);

  const { execa } = await import('execa');
  let child;
  try {
    child = execa(invocation.file, invocation.args, {
      cwd: options.cwd,
      shell: invocation.shell,
      detached: true,
      cleanup: false,
      buffer: false,
      reject: false,
      stripFinalNewline: false,
      ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
      stdout: 'pipe',
      stderr: 'pipe',
      ...(options.env ? { env: options.env, extendEnv: false } : {}),
    });
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    return notStarted(describeSpawnError(err.code, err.message, invocation.file));
  }

  const pid = child.pid;
  if (pid === undefined) {
    const result = await child;
    const code = (result as { code?: string }).code;
    return notStarted(describeSpawnError(code, result.message ?? 'could not start', invocation.file));
  }
  return await superviseChild(child, pid, options, startedAt, t0);
}

type Child = ReturnType<typeof import('execa').execa>;

// Waits for the child to exit and its pipes to close, killing the group on timeout or abort.
async function superviseChild(
  child: Child,
  pid: number,
  options: RunCommandOptions,
  startedAt: Date,
  t0: number,
): Promise<RunCommandResult> {
  child.catch(() => {}); // every outcome is read from events below; never an unhandled rejection
  const stdout = captureCapped(child.stdout, options.maxOutputBytes);
  const stderr = captureCapped(child.stderr, options.maxOutputBytes);
  const grace = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;

  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  let resolveKilled!: () => void;
  const killedHard = new Promise<void>((resolve) => (resolveKilled = resolve));

  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  // SIGTERM now, SIGKILL after the grace period, whatever the direct child does meanwhile.
  let killing = false;
  const startKill = () => {
    if (killing) return;
    killing = true;
    signalGroup(pid, 'SIGTERM');
    killTimer = setTimeout(() => {
      signalGroup(pid, 'SIGKILL');
      resolveKilled();
    }, grace);
  };
  const timeoutTimer = setTimeout(() => {
    timedOut = true;
    startKill();
  }, options.timeoutMs);
  const onAbort = () => startKill();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const pipesClosed = Promise.all([stdout.ended, stderr.ended]);
  const afterHardKill = killedHard.then(
    () => new Promise<void>((resolve) => setTimeout(resolve, DRAIN_AFTER_KILL_MS)),
  );
  const status = await exited;
  await Promise.race([pipesClosed, afterHardKill]);

  clearTimeout(timeoutTimer);
  options.signal?.removeEventListener('abort', onAbort);
  // A kill under way runs to its end only while something of the group remains.
  if (killTimer) {
    if (isGroupAlive(pid)) killTimer.unref();
    else clearTimeout(killTimer);
  }
  stdout.destroy();
  stderr.destroy();

  const endedAt = new Date();
  return {
    exitCode: status.code,
    signal: status.signal,
    timedOut,
    stdout: stdout.text(),
    stderr: stderr.text(),
    stdoutTruncated: stdout.truncated(),
    stderrTruncated: stderr.truncated(),
    durationMs: Math.round(performance.now() - t0),
    startedAt,
    endedAt,
  };
}
