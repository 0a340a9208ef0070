import { isNoteName } from '../vault/list-items.js';
import type { EntryTimes } from './inbox-stats.js';

// §6: a note the user is still typing is left alone. Obsidian creates a note empty, then saves the
// whole text every second or two; a note moved or copied in whole is written once. So a note waits
// while it is empty (until `emptyWait`), while it is open in Obsidian (until quiet for `openQuiet`),
// and while it was written again after it was created (until quiet for `editQuiet`).

export interface EditRules {
  openQuietMs: number;
  editQuietMs: number;
  emptyWaitMs: number;
  // Vault-relative paths open in Obsidian's tabs (from .obsidian/workspace.json).
  openFiles: ReadonlySet<string>;
}

export interface Waiting {
  name: string;
  until: number;
  why: 'empty' | 'open in Obsidian' | 'being edited';
}

// Used by intake before it claims anything: the names to take now, and the notes to come back for.
export function leaveNotesBeingWritten(names: string[], stats: ReadonlyMap<string, EntryTimes>, now: Date, rules: EditRules): { ready: string[]; waiting: Waiting[] } {
  const ready: string[] = [];
  const waiting: Waiting[] = [];
  for (const name of names) {
    const stat = isNoteName(name) ? stats.get(name) : undefined;
    const wait = stat && waitFor(`Inbox/${name}`, stat, now.getTime(), rules);
    if (wait && wait.until > now.getTime()) waiting.push({ name, ...wait });
    else ready.push(name);
  }
  return { ready, waiting };
}

function waitFor(relative: string, stat: EntryTimes, now: number, rules: EditRules): Omit<Waiting, 'name'> | undefined {
  const created = stat.birthtimeMs > 0 && stat.birthtimeMs <= stat.mtimeMs ? stat.birthtimeMs : undefined;
  if (stat.size === 0) return { until: (created ?? stat.mtimeMs) + rules.emptyWaitMs, why: 'empty' };
  if (rules.openFiles.has(relative)) return { until: stat.mtimeMs + rules.openQuietMs, why: 'open in Obsidian' };
  // Written again well after it was created: an editor's autosaves, not one copy or move.
  if (created !== undefined && stat.mtimeMs - created > 1000) return { until: stat.mtimeMs + rules.editQuietMs, why: 'being edited' };
  return undefined;
}
