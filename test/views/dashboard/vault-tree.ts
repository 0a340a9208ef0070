import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// Builds a real temporary vault from { "Folder/name.md": "content" } for the dashboard and briefing tests.
export type Tree = Record<string, string | Buffer>;

export async function makeTempDir(prefix = 'ai-employee-dash-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function writeTree(root: string, tree: Tree): Promise<void> {
  for (const [relative, content] of Object.entries(tree)) {
    const file = path.join(root, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

// A note with YAML frontmatter from plain key/values (strings quoted) and a body.
export function note(fields: Record<string, string | number | undefined>, body = ''): string {
  const yaml = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'number' ? value : JSON.stringify(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}

const AGENT_KEYS = new Set(['id', 'type', 'status', 'received', 'source', 'original_name', 'completed', 'plan', 'subject', 'from', 'attachment', 'title']);

// An item note as the agent writes it: its own fields carry the ai_ prefix (type file_drop is now the file's kind).
export function item(fields: Record<string, string | number | undefined>, body = ''): string {
  const named = Object.entries(fields).map(([key, value]) => [AGENT_KEYS.has(key) ? `ai_${key}` : key, key === 'type' && value === 'file_drop' ? 'file' : value]);
  return note(Object.fromEntries(named), body);
}

// A local time `days` days (and hours) before `now`, as ISO, so tests do not depend on the time zone.
export function ago(now: Date, days: number, hours = 0): string {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, now.getHours() - hours, now.getMinutes()).toISOString();
}
