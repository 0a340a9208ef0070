import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// Real file-system faults that bind root too: an immutable folder (chattr +i) and a full disk (a tiny tmpfs).
const run = promisify(execFile);

export async function tryRun(program: string, args: string[]): Promise<boolean> {
  return run(program, args).then(
    () => true,
    () => false,
  );
}

export async function setImmutable(target: string, on: boolean): Promise<boolean> {
  return tryRun('chattr', [on ? '+i' : '-i', target]);
}

export async function mountTinyTmpfs(dir: string, sizeKB: number): Promise<boolean> {
  return tryRun('mount', ['-t', 'tmpfs', '-o', `size=${sizeKB}k`, 'tmpfs', dir]);
}

export async function resizeTmpfs(dir: string, sizeKB: number): Promise<boolean> {
  return tryRun('mount', ['-o', `remount,size=${sizeKB}k`, dir]);
}

export async function unmount(dir: string): Promise<boolean> {
  return tryRun('umount', [dir]);
}
