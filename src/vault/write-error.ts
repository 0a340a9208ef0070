import path from 'node:path';

// A write, move or folder creation that failed, with the path and what was being done named: the
// system's own message ("ENOSPC: no space left on device, write") names neither.
export class FileWriteError extends Error {
  override name = 'FileWriteError';
  // The system's code (ENOSPC, EACCES…), kept so that callers can still tell failures apart.
  readonly code: string | undefined;
  constructor(
    readonly doing: string,
    readonly target: string,
    cause: unknown,
  ) {
    super(`could not ${doing} ${target}: ${plainReason(cause)}`, { cause });
    this.code = (cause as NodeJS.ErrnoException | undefined)?.code;
  }

  // The same message with the path relative to the vault, as a user reads it ("Plans/PLAN_x.md").
  relativeTo(root: string): string {
    const relative = path.relative(root, this.target);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : this.target;
    return `could not ${this.doing} ${shown}: ${plainReason(this.cause)}`;
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'a file of that name is in the way',
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

// "no space left on device (ENOSPC)": what happened in words, with the code to search for. Never the
// system's message, which can name a temporary file: the same failure then reads the same each run,
// so it is logged once.
export function plainReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

// Runs one file-system step; a failure becomes a FileWriteError naming `target` and `doing`.
export function namingFailure<T>(doing: string, target: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw error instanceof FileWriteError ? error : new FileWriteError(doing, target, error);
  }
}

export async function namingFailureAsync<T>(doing: string, target: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof FileWriteError ? error : new FileWriteError(doing, target, error);
  }
}
