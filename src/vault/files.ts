import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

// The only module that writes or moves files. Writes are temp + fsync + rename; moves never overwrite.

export const TEMP_PREFIX = '.ai-employee-tmp-';

export class OutsideVaultError extends Error {}

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
}

// What a write puts in a file: bytes, or new leading bytes followed by the tail of another file
// (so a large note gets new frontmatter without ever being read whole into memory).
export type FileContent = string | Uint8Array | { prefix: Uint8Array; copyFrom: string; fromOffset: number };

async function writeContent(handle: fs.FileHandle, data: FileContent): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    await handle.writeFile(data);
    return;
  }
  await handle.write(data.prefix);
  const source = await fs.open(data.copyFrom, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const chunk = Buffer.alloc(1 << 20);
    let position = data.fromOffset;
    for (;;) {
      const { bytesRead } = await source.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      await handle.write(chunk.subarray(0, bytesRead));
      position += bytesRead;
    }
  } finally {
    await source.close();
  }
}

async function writeTemp(target: string, data: FileContent): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await writeContent(handle, data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

// Replaces (or creates) target atomically: readers see the old bytes or the new, never a mix.
export async function writeFileAtomic(target: string, data: FileContent): Promise<void> {
  const temp = await writeTemp(target, data);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

// Creates target atomically only if no file has that name; false if one already does.
export async function createFileExclusive(target: string, data: FileContent): Promise<boolean> {
  const temp = await writeTemp(target, data);
  try {
    await fs.link(temp, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

// Moves a file without ever replacing another: false if the destination name is taken.
// link + unlink keeps the file in at least one place at every instant; a crash between
// the two leaves two names for one inode, which recoverHardLinkedPair() resolves.
export async function moveNoOverwrite(from: string, to: string): Promise<boolean> {
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') return renameIfFree(from, to);
    throw error;
  }
  await fs.unlink(from);
  return true;
}

// Fallback for file systems without hard links: check-then-rename (not atomic against other writers).
async function renameIfFree(from: string, to: string): Promise<boolean> {
  if (await exists(to)) return false;
  await fs.rename(from, to);
  return true;
}

// "name.ext" → "name (2).ext", "name (3).ext"… for the nth candidate (n ≥ 2).
export function numberedName(fileName: string, n: number): string {
  if (n < 2) return fileName;
  const ext = splitExtension(fileName).ext;
  const stem = fileName.slice(0, fileName.length - ext.length);
  return `${stem} (${n})${ext}`;
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
    await fs.lstat(target);
    return true;
  } catch {
    return false;
  }
}

export async function ensureDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
}

export async function removeFile(target: string): Promise<void> {
  await fs.rm(target, { force: true });
}

// Makes a finished batch of renames durable: fsync each directory that changed.
export async function syncDirs(dirs: Iterable<string>): Promise<void> {
  await Promise.all(
    [...new Set(dirs)].map(async (dir) => {
      const handle = await fs.open(dir, 'r').catch(() => undefined);
      if (!handle) return;
      try {
        await handle.sync().catch(() => {});
      } finally {
        await handle.close();
      }
    }),
  );
}

// Resolves a path taken from a note against `base`, refusing anything that leaves the vault root.
export function resolveInside(root: string, base: string, relative: string): string {
  const resolved = path.resolve(base, relative);
  const rel = path.relative(root, resolved);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return resolved;
  throw new OutsideVaultError(`"${relative}" points outside the vault`);
}

// Reads at most maxBytes from the start of a file, without following a symlink at the final component.
export async function readHead(target: string, maxBytes: number): Promise<Buffer> {
  const handle = await fs.open(target, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const buffer = Buffer.alloc(maxBytes);
    let total = 0;
    while (total < maxBytes) {
      const { bytesRead } = await handle.read(buffer, total, maxBytes - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

// Appends one line to a log-like file (jobs.jsonl): O_APPEND keeps a line whole, fsync keeps it.
export async function appendLine(target: string, line: string): Promise<void> {
  if (line.includes('\n')) throw new Error(`appendLine: a line for ${target} must not contain a newline`);
  const flags = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW;
  const handle = await fs.open(target, flags, 0o644);
  try {
    await handle.write(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
