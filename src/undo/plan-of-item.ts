import fs from 'node:fs/promises';
import path from 'node:path';
import { readTime } from '../items/item-fields.js';
import { readNoteHead, bodyOf } from '../vault/note-file.js';

// The plan undo would take away with an item, and whether the user has worked on it since it was written.

export interface ItemPlan {
  // Vault-relative path, e.g. "Plans/PLAN_call-bob.md".
  relative: string;
  file: string;
  // Why undo must keep it (the user's edits), or undefined when it is as the agent wrote it.
  edited?: string;
}

// Writing a plan takes a moment after its `created` second; anything later is someone's edit.
const WRITE_SLACK_MS = 3000;
const TICKED = /^[ \t]*[-*+] \[[xX-]\]/m;

// Used by undo: the item's plan in Plans/ (open item) or beside it in Done/ (filed item), if there is one.
export async function findItemPlan(vaultRoot: string, itemFolder: string, planStem: string | undefined, itemId: string): Promise<ItemPlan | undefined> {
  if (!planStem) return undefined;
  const folder = itemFolder === 'Needs_Action' ? 'Plans' : itemFolder;
  const relative = `${folder}/${planStem}.md`;
  const file = path.join(vaultRoot, relative);
  const stat = await fs.lstat(file).catch(() => undefined);
  if (!stat?.isFile()) return undefined;
  const head = await readNoteHead(file, 1024 * 1024);
  const data = head.split.kind === 'yaml' ? head.split.data : {};
  if (data.id !== undefined && data.id !== itemId) return undefined;
  return { relative, file, edited: whyEdited(data, bodyOf(head).toString('utf8'), stat.mtimeMs) };
}

function whyEdited(data: Record<string, unknown>, body: string, mtimeMs: number): string | undefined {
  if (TICKED.test(body)) return 'it has ticked steps';
  if (data.status !== undefined && data.status !== 'pending') return `its status is ${String(data.status)}`;
  const created = readTime(data.created);
  if (!created) return 'it has no created time to compare with';
  if (mtimeMs > created.getTime() + WRITE_SLACK_MS) return 'it changed after it was written';
  return undefined;
}
