import path from 'node:path';
import { readHead } from './files.js';
import { splitFrontmatter, type Frontmatter } from './frontmatter.js';
import { isNoteName, listRegularFiles } from './list-items.js';

// The frontmatter of an agent-kept note, from its first bytes only; undefined if missing or broken.
export async function readNoteFrontmatter(file: string, maxBytes = 16 * 1024): Promise<Frontmatter | undefined> {
  try {
    const split = splitFrontmatter(await readHead(file, maxBytes));
    return split.kind === 'yaml' ? split.data : undefined;
  } catch {
    return undefined;
  }
}

// The markdown notes directly in a folder (no dot-files, no sub-folders, no symlinks), sorted.
export async function listNotes(dir: string): Promise<string[]> {
  return (await listRegularFiles(dir)).filter(isNoteName).sort();
}

export function noteStem(fileName: string): string {
  return path.basename(fileName).replace(/\.md$/i, '');
}
