import path from 'node:path';
import { readHead } from './files.js';
import { splitFrontmatter, type Frontmatter } from './frontmatter.js';

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
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && /\.(md|markdown)$/i.test(e.name))
    .map((e) => e.name)
    .sort();
}

export function noteStem(fileName: string): string {
  return path.basename(fileName).replace(/\.md$/i, '');
}
