import type { Dirent } from 'node:fs';

// What intake does with one entry of Inbox/ (§6).
export type EntryVerdict = 'take' | 'hidden' | 'ignored' | 'folder' | 'not-regular';

// Turns a simple glob ("*.tmp", "~$*", "Thumbs.db") into an anchored, case-insensitive RegExp.
export function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'is');
}

export function compileIgnore(patterns: string[]): (name: string) => boolean {
  const regexps = patterns.map(globToRegExp);
  return (name) => regexps.some((re) => re.test(name));
}

export function classifyEntry(entry: Dirent, isIgnored: (name: string) => boolean): EntryVerdict {
  if (entry.name.startsWith('.')) return 'hidden';
  if (entry.isDirectory()) return 'folder';
  if (!entry.isFile()) return 'not-regular';
  if (isIgnored(entry.name)) return 'ignored';
  return 'take';
}

