import fsSync from 'node:fs';

// What changes when a regular file is written in place (nanosecond mtime and ctime) or replaced
// (inode): whether a note changed since it was read. Undefined when it is gone or not a regular file.
export function fileVersion(file: string): string | undefined {
  const stat = fsSync.lstatSync(file, { bigint: true, throwIfNoEntry: false });
  return stat?.isFile() ? `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}` : undefined;
}
