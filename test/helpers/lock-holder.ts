import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.js';

const HOLDER = fileURLToPath(new URL('../fixtures/core/hold-ai-employee-lock.mjs', import.meta.url));

export interface LockHolder {
  child: ChildProcess;
  pid: number;
  // Ends stdin: the holder releases the lock and exits.
  release(): Promise<void>;
  // SIGKILL: the lock stays behind, as after a crash.
  kill9(): Promise<void>;
}

// A real process that holds `lockFile` through dist/runner/lock.js until released or killed.
export async function holdLock(lockFile: string): Promise<LockHolder> {
  const child = spawn(process.execPath, [HOLDER, lockFile], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await waitFor(() => out.includes('locked') || child.exitCode !== null, 'the lock holder to take the lock');
  if (!out.includes('locked')) throw new Error(`lock holder failed: ${err}`);
  return {
    child,
    pid: child.pid!,
    async release() {
      child.stdin!.end();
      await exited;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
