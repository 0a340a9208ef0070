import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { readFolderIfPresent } from './read-folder.js';
import { namingFailure, namingFailureAsync } from './write-error.js';

// The only module that writes or moves files. Writes are temp + fsync + rename; moves never overwrite.
// A failure is a FileWriteError naming the path and what was being done (write-error.ts).
// Small local operations are synchronous (several times faster than fs/promises' FileHandles and
// microseconds each); only fsync, the one slow call, runs on the thread pool, so many overlap.

export const TEMP_PREFIX = '.ai-employee-tmp-';

const fsyncOnPool = promisify(fsSync.fsync);
const COPY_CHUNK = 1 << 20;

// The writer's pid is in the name, so a later run can tell a dead writer's leftover from its own write in flight.
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${PID}-${randomSuffix()}`);
}

// Read once: process.pid asks the kernel again on every read (one getpid per file written).
const PID = process.pid;

// node:crypto takes ~8 ms to load, and a run that writes nothing (--status) never needs it.
const require = createRequire(import.meta.url);
let randomUUID: (() => string) | undefined;
function randomSuffix(): string {
  randomUUID ??= (require('node:crypto') as typeof import('node:crypto')).randomUUID;
  return randomUUID().slice(0, 13);
}

// After a crash: removes the temporary files dead writers left directly in `dir` (this process's are kept).
// Call it only while holding the vault lock, when no other process writes in the vault.
export async function removeLeftoverTemps(dir: string): Promise<number> {
  const own = `${TEMP_PREFIX}${PID}-`;
  const names = readFolderIfPresent(dir).map((entry) => entry.name);
  const leftovers = names.filter((name) => name.startsWith(TEMP_PREFIX) && !name.startsWith(own));
  for (const name of leftovers) unlinkIfPresent(path.join(dir, name));
  return leftovers.length;
}

// What a write puts in a file: bytes, or new leading bytes followed by the tail of another file
// (so a large note gets new frontmatter without ever being read whole into memory).
export type FileContent = string | Uint8Array | { prefix: Uint8Array; copyFrom: string; fromOffset: number };

async function writeContent(fd: number, data: FileContent): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    writeAll(fd, typeof data === 'string' ? Buffer.from(data) : data);
    return;
  }
  writeAll(fd, data.prefix);
  const source = await fs.open(data.copyFrom, fsSync.constants.O_RDONLY | fsSync.constants.O_NOFOLLOW);
  try {
    const chunk = Buffer.allocUnsafe(COPY_CHUNK);
    let position = data.fromOffset;
    for (;;) {
      const { bytesRead } = await source.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      writeAll(fd, chunk.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await source.close();
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) offset += fsSync.writeSync(fd, bytes, offset, bytes.byteLength - offset);
}

async function writeTemp(target: string, data: FileContent): Promise<string> {
  const temp = tempPathFor(target);
  const fd = fsSync.openSync(temp, 'wx', 0o644);
  try {
    await writeContent(fd, data);
    await fsyncOnPool(fd);
  } catch (error) {
    fsSync.closeSync(fd);
    unlinkIfPresent(temp);
    throw error;
  }
  fsSync.closeSync(fd);
  return temp;
}

// Replaces (or creates) target atomically: readers see the old bytes or the new, never a mix.
export async function writeFileAtomic(target: string, data: FileContent): Promise<void> {
  await namingFailureAsync('write', target, async () => {
    const temp = await writeTemp(target, data);
    try {
      fsSync.renameSync(temp, target);
    } catch (error) {
      unlinkIfPresent(temp);
      throw error;
    }
  });
}

// Creates target atomically only if no file has that name; false if one already does.
export async function createFileExclusive(target: string, data: FileContent): Promise<boolean> {
  return namingFailureAsync('write', target, async () => {
    const temp = await writeTemp(target, data);
    try {
      fsSync.linkSync(temp, target);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      unlinkIfPresent(temp);
    }
  });
}

// Moves a file without ever replacing another: false if the destination name is taken.
// link + unlink keeps the file in at least one place at every instant; a crash between
// the two leaves two names for one inode, which recoverHardLinkedPair() resolves.
export async function moveNoOverwrite(from: string, to: string): Promise<boolean> {
  return namingFailureAsync(`move ${path.basename(from)} to`, to, async () => {
    try {
      fsSync.linkSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') return renameIfFree(from, to);
      throw error;
    }
    fsSync.unlinkSync(from);
    return true;
  });
}

// Fallback for file systems without hard links: check-then-rename (not atomic against other writers).
async function renameIfFree(from: string, to: string): Promise<boolean> {
  if (await exists(to)) return false;
  fsSync.renameSync(from, to);
  return true;
}

// A rename to a name that embeds a fresh unique id, which therefore cannot replace anything.
export async function renameToFreshName(from: string, to: string): Promise<void> {
  namingFailure(`move ${path.basename(from)} to`, to, () => fsSync.renameSync(from, to));
}

// Moves a file into a folder created for it alone (so the move cannot replace anything).
export async function moveIntoNewFolder(from: string, dir: string): Promise<string> {
  return namingFailure(`move ${path.basename(from)} into`, dir, () => moveIntoNewFolderNow(from, dir));
}

function moveIntoNewFolderNow(from: string, dir: string): string {
  try {
    fsSync.mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fsSync.mkdirSync(path.dirname(dir), { recursive: true });
    fsSync.mkdirSync(dir);
  }
  const to = path.join(dir, path.basename(from));
  try {
    fsSync.renameSync(from, to);
  } catch (error) {
    removeEmptyFolderNow(dir);
    throw error;
  }
  return to;
}

// Removes a folder only if it is empty; anything left inside keeps it (and is never deleted).
export async function removeEmptyFolder(dir: string): Promise<void> {
  removeEmptyFolderNow(dir);
}

function removeEmptyFolderNow(dir: string): void {
  try {
    fsSync.rmdirSync(dir);
  } catch {
    // not empty, or already gone: either way nothing of the user's is touched
  }
}

// "name.ext" → "name (2).ext", "name (3).ext"… for the nth candidate (n ≥ 2).
// A name near the 255-byte limit gives up characters at the end of its stem to make room for the number.
export function numberedName(fileName: string, n: number): string {
  if (n < 2) return fileName;
  const ext = splitExtension(fileName).ext;
  return `${fitName(fileName.slice(0, fileName.length - ext.length), ` (${n})${ext}`)} (${n})${ext}`;
}

export const MAX_NAME_BYTES = 255;

// `stem` cut (by whole characters) so that stem + suffix fits in one file name.
export function fitName(stem: string, suffix: string): string {
  const room = MAX_NAME_BYTES - Buffer.byteLength(suffix);
  if (Buffer.byteLength(stem) <= room) return stem;
  const chars = [...stem];
  while (chars.length > 0 && Buffer.byteLength(chars.join('')) > room) chars.pop();
  return chars.join('');
}

// The extension as users see it: "report.pdf" → ".pdf", "notes.pdf.md" → ".md", ".bashrc" → "".
export function splitExtension(fileName: string): { stem: string; ext: string } {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return { stem: fileName, ext: '' };
  return { stem: fileName.slice(0, dot), ext: fileName.slice(dot) };
}

// Moves `from` into `dir` under its own name, or the first free numbered variant; returns the name used.
export async function moveToFreeName(from: string, dir: string, fileName: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = numberedName(fileName, n);
    if (await moveNoOverwrite(from, path.join(dir, candidate))) return candidate;
  }
}

// Writes a new file in `dir` under `fileName` or the first free numbered variant; returns the name used.
export async function createAtFreeName(dir: string, fileName: string, data: FileContent): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = numberedName(fileName, n);
    if (await createFileExclusive(path.join(dir, candidate), data)) return candidate;
  }
}

export async function exists(target: string): Promise<boolean> {
  try {
    return fsSync.lstatSync(target, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

export async function ensureDir(dir: string): Promise<void> {
  namingFailure('create the folder', dir, () => fsSync.mkdirSync(dir, { recursive: true }));
}

export async function removeFile(target: string): Promise<void> {
  unlinkIfPresent(target);
}

// One unlink (rmSync would lstat first); a file already gone is fine.
function unlinkIfPresent(target: string): void {
  try {
    fsSync.unlinkSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}



// Runs `use` on a temporary copy of `bytes` in `dir` (a hidden temp name a later run sweeps), then removes it.
export async function withScratchFile<T>(dir: string, bytes: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const file = tempPathFor(path.join(dir, 'scratch'));
  namingFailure('write a scratch file in', dir, () => fsSync.writeFileSync(file, bytes, { flag: 'wx', mode: 0o600 }));
  try {
    return await use(file);
  } finally {
    unlinkIfPresent(file);
  }
}

// Appends one line to a log-like file (jobs.jsonl): O_APPEND keeps a line whole, fsync keeps it.
export async function appendLine(target: string, line: string): Promise<void> {
  if (line.includes('\n')) throw new Error(`appendLine: a line for ${target} must not contain a newline`);
  const flags = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW;
  await namingFailureAsync('append to', target, async () => {
    const handle = await fs.open(target, flags, 0o644);
    try {
      await handle.write(`${line}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}
