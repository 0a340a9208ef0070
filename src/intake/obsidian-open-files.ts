import fs from 'node:fs/promises';
import path from 'node:path';

// The notes open in Obsidian's tabs, from <vault>/.obsidian/workspace.json. The file is the user's
// (hostile input like any other): read only when small, parsed as JSON data, never trusted further.

const MAX_WORKSPACE_BYTES = 4 * 1024 * 1024;

// Used by intake: vault-relative paths of open markdown tabs; empty when Obsidian is not used.
export async function readObsidianOpenFiles(vaultRoot: string): Promise<Set<string>> {
  const file = path.join(vaultRoot, '.obsidian', 'workspace.json');
  const open = new Set<string>();
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile() || stat.size > MAX_WORKSPACE_BYTES) return open;
    collectOpenFiles(JSON.parse(await fs.readFile(file, 'utf8')), open, 0);
  } catch {
    // No Obsidian, or a workspace file being rewritten: nothing is known to be open.
  }
  return open;
}

// A leaf is { type: 'markdown', state: { file: 'Inbox/x.md' } } anywhere in the layout tree.
function collectOpenFiles(node: unknown, open: Set<string>, depth: number): void {
  if (depth > 50 || node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const state = record.state as Record<string, unknown> | undefined;
  if (record.type === 'markdown' && state && typeof state.file === 'string') open.add(state.file);
  for (const [key, value] of Object.entries(record)) if (key !== 'lastOpenFiles') collectOpenFiles(value, open, depth + 1);
}
