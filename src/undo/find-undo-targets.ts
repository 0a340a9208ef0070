import path from 'node:path';
import { UsageError } from '../errors.js';
import { readItemNote, type ItemNote } from '../items/item-note.js';
import type { Item } from '../items/item.js';
import type { VaultLayout } from '../vault/layout.js';
import { listFolders, listNotes } from '../vault/list-items.js';
import { noteStem } from '../vault/note-link.js';
import { compareNames } from '../items/compare-text.js';

// Which items `undo NAME` or `undo --last N` means: items the agent took in, open or filed under Done/.

export interface UndoTarget {
  // Vault-relative folder of the item note: "Needs_Action" or "Done/2026-12".
  folder: string;
  note: ItemNote & { item: Item };
}

// Every item note the agent wrote, open ones first, then Done/ newest month first.
async function listAgentItems(layout: VaultLayout): Promise<UndoTarget[]> {
  const months = (await listFolders(layout.done)).filter((month) => /^\d{4}-\d{2}$/.test(month)).sort().reverse();
  const folders = ['Needs_Action', ...months.map((month) => `Done/${month}`)];
  const targets: UndoTarget[] = [];
  for (const folder of folders) {
    const dir = path.join(layout.root, folder);
    for (const name of await listNotes(dir)) {
      if (name.startsWith('PLAN_')) continue;
      const read = await readItemNote(dir, name).catch(() => undefined);
      if (read?.ok && read.note.item) targets.push({ folder, note: read.note as UndoTarget['note'] });
    }
  }
  return targets;
}

// The names a user may call an item by: its note, its stem, the file it describes, the name it was dropped as.
function namesOf(target: UndoTarget): string[] {
  const { name, item } = target.note;
  return [name, noteStem(name), `${target.folder}/${name}`, item.attachment, item.originalName].filter((n): n is string => !!n);
}

// `undo NAME`: exactly one item, or a UsageError saying there is none or which ones are meant.
export async function findItemNamed(layout: VaultLayout, name: string): Promise<UndoTarget> {
  const all = await listAgentItems(layout);
  const exact = all.filter((target) => target.note.name === name || `${target.folder}/${target.note.name}` === name);
  const matches = exact.length > 0 ? exact : all.filter((target) => namesOf(target).includes(name));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError(`undo: no item named "${name}" in Needs_Action/ or Done/ (give the item's note name, e.g. "call-bob.md", or use --last N)`);
  const listed = matches.map((target) => `${target.folder}/${target.note.name}`).join(', ');
  throw new UsageError(`undo: "${name}" could mean ${listed}; give one of those`);
}

// `undo --last N`: the N items taken in most recently (by ai_received), newest first; items of the
// same second (one run) in the order of their names, so the same command always means the same items.
export async function findLastItems(layout: VaultLayout, count: number): Promise<UndoTarget[]> {
  const all = await listAgentItems(layout);
  const taken = all.filter((target) => target.note.item.source === 'inbox');
  taken.sort((a, b) => b.note.item.received.getTime() - a.note.item.received.getTime() || compareNames(a.note.name, b.note.name));
  return taken.slice(0, count);
}
