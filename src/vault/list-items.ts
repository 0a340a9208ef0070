import type { Dirent } from 'node:fs';
import { readFolderIfPresent, visitFolder } from './read-folder.js';

// Which files in a vault folder a user would count: regular files, not hidden, not an attachment
// whose companion note sits beside it. Listing only: nothing here opens a file.

// The names of regular, non-hidden files directly in `dir`; [] when it is missing or unreadable.
export async function listRegularFiles(dir: string): Promise<string[]> {
  return readFolderIfPresent(dir).filter(isUserFile).map((entry) => entry.name);
}

// A regular file a user would count (not hidden; symlinks and folders are not files here).
export function isUserFile(entry: Dirent): boolean {
  return entry.isFile() && !entry.name.startsWith('.');
}

// How many regular, non-hidden files are directly in `dir`; 0 when it is missing or unreadable.
export function countRegularFiles(dir: string): number {
  let count = 0;
  try {
    visitFolder(dir, (entry) => {
      if (isUserFile(entry)) count++;
    });
  } catch {
    return 0;
  }
  return count;
}

// The names of non-hidden sub-folders of `dir` (never a symlink to one).
export async function listFolders(dir: string): Promise<string[]> {
  return readFolderIfPresent(dir).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name);
}

// Drops "X.pdf" when "X.pdf.md" is present: the companion note is the item, the attachment is not.
export function withoutAttachments(names: string[]): string[] {
  const present = new Set(names);
  return names.filter((name) => !present.has(`${name}.md`));
}

// A markdown note (.md or .markdown, any case): an item, a plan, a companion.
export function isNoteName(name: string): boolean {
  return /\.(md|markdown)$/i.test(name);
}

// Plans are PLAN_<stem>.md, in Plans/ and, once finished, in Done/YYYY-MM/ beside their items.
export function isPlanName(name: string): boolean {
  return name.startsWith('PLAN_') && name.endsWith('.md');
}

// The markdown notes directly in a folder (no dot-files, no sub-folders, no symlinks), sorted.
export async function listNotes(dir: string): Promise<string[]> {
  return (await listRegularFiles(dir)).filter(isNoteName).sort();
}
