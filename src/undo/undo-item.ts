import fs from 'node:fs/promises';
import path from 'node:path';
import { hashFile } from '../intake/hash-file.js';
import { forgetRestoredFile, leaveRestoredFiles, recordRestoredFile } from '../intake/restored-files.js';
import { attachmentOf } from '../items/item-note.js';
import { createAtFreeName, createFileExclusive, ensureDir, exists, moveNoOverwrite, removeFile } from '../vault/files.js';
import type { VaultLayout } from '../vault/layout.js';
import { localDateTime } from '../vault/local-day.js';
import { noteWithChanges } from '../vault/note-file.js';
import type { UndoTarget } from './find-undo-targets.js';
import { originalNoteBytes } from './original-note-bytes.js';
import { findItemPlan, type ItemPlan } from './plan-of-item.js';

// Puts one item back as it was dropped: the file returns (a note without the agent's fields), its
// companion, saved attachments and plan go, a plan the user worked on is kept under a new name.
// The file waits in .ai-employee/undo/ until intake has been told to leave it alone, then moves.

export interface UndoOptions {
  layout: VaultLayout;
  // Absolute destination folder inside the vault (Inbox/ by default).
  to: string;
  now: Date;
  // Given in a dry run: each step is reported and nothing changes.
  dryRun?: (line: string) => void;
}

export interface UndoneItem {
  item: string;
  restored: string;
  // true when the restored bytes have the sha256 recorded at intake.
  exact: boolean;
  planRemoved?: string;
  planKept?: string;
  removed: string[];
}

const rel = (layout: VaultLayout, file: string) => path.relative(layout.root, file).split(path.sep).join('/');

// Used by the undo command, once per item, under the vault lock.
export async function undoItem(target: UndoTarget, options: UndoOptions): Promise<UndoneItem> {
  const { layout, to } = options;
  const { note, folder } = target;
  const dir = path.join(layout.root, folder);
  const attachment = attachmentOf(note.name, note.item);
  const name = path.basename(note.item.originalName ?? attachment ?? note.name);
  const destination = path.join(to, name);
  const staged = path.join(layout.agentDir, 'undo', `${note.item.id}.restoring`);
  const alreadyPlaced = (await exists(destination)) && (await isPlacedByInterruptedUndo(options, target, staged, destination));
  if ((await exists(destination)) && !alreadyPlaced) throw new Error(`${rel(layout, destination)} already exists; move or rename it, then undo again`);
  const plan = await findItemPlan(layout.root, folder, note.item.plan, note.item.id);
  const savedAttachments = (note.item.attachments ?? []).map((a) => path.join(dir, path.basename(a)));
  const removed = [`${folder}/${note.name}`, ...savedAttachments.map((file) => rel(layout, file))];
  const result: UndoneItem = { item: `${folder}/${note.name}`, restored: rel(layout, destination), exact: true, removed };
  if (plan && !plan.edited) result.planRemoved = plan.relative;
  if (options.dryRun) return reportDryRun(result, plan, attachment, options.dryRun);

  if (alreadyPlaced) result.exact = note.item.sha256 === undefined || (await hashFile(destination)) === note.item.sha256;
  else {
    result.exact = await stageOriginal(staged, dir, note.name, attachment, note.item);
    await putInPlace(options, staged, destination, attachment ? path.join(dir, attachment) : undefined);
  }
  if (plan?.edited) result.planKept = await keepEditedPlan(layout, plan, options.now);
  else if (plan) await removeFile(plan.file);
  for (const file of savedAttachments) await removeFile(file);
  await removeFile(path.join(dir, note.name));
  return result;
}

// The file as dropped, in .ai-employee/undo/ (what an interrupted undo left there is taken up again);
// true when its bytes have the sha256 recorded at intake.
async function stageOriginal(staged: string, dir: string, noteName: string, attachment: string | undefined, item: UndoTarget['note']['item']): Promise<boolean> {
  await ensureDir(path.dirname(staged));
  if (attachment) {
    const inPlace = await exists(path.join(dir, attachment));
    if (inPlace && !(await moveNoOverwrite(path.join(dir, attachment), staged))) throw new Error(`${staged} is in the way; move it away, then undo again`);
    if (!inPlace && !(await exists(staged))) throw new Error(`${path.basename(dir)}/${attachment} is missing; nothing to put back`);
    return item.sha256 === undefined || (await hashFile(staged)) === item.sha256;
  }
  // The item note is removed last, so a staged copy left by an interrupted undo can be made again.
  await removeFile(staged);
  const original = originalNoteBytes(await fs.readFile(path.join(dir, noteName)), item);
  if (!(await createFileExclusive(staged, original.bytes))) throw new Error(`${staged} is in the way; move it away, then undo again`);
  return original.exact;
}

// An undo interrupted after the file reached Inbox/ left it there, recorded and untouched, with this
// very item's bytes (its file gone from beside the companion): then the rest of that undo is finished.
async function isPlacedByInterruptedUndo({ layout, to }: UndoOptions, { note, folder }: UndoTarget, staged: string, destination: string): Promise<boolean> {
  if (path.resolve(to) !== path.resolve(layout.inbox) || (await exists(staged))) return false;
  const { leftAlone } = await leaveRestoredFiles(layout, [path.basename(destination)], { dryRun: true });
  if (leftAlone.length === 0) return false;
  const attachment = attachmentOf(note.name, note.item);
  if (attachment) return !(await exists(path.join(layout.root, folder, attachment))) && note.item.sha256 !== undefined && (await hashFile(destination)) === note.item.sha256;
  const original = originalNoteBytes(await fs.readFile(path.join(layout.root, folder, note.name)), note.item);
  return (await fs.readFile(destination)).equals(original.bytes);
}

// Tells intake to leave the file alone (when it goes to Inbox/), then moves it there without replacing anything.
async function putInPlace(options: UndoOptions, staged: string, destination: string, backTo: string | undefined): Promise<void> {
  const intoInbox = path.resolve(options.to) === path.resolve(options.layout.inbox);
  const name = path.basename(destination);
  if (intoInbox) await recordRestoredFile(options.layout, name, staged);
  await ensureDir(options.to);
  if (await moveNoOverwrite(staged, destination)) return;
  if (intoInbox) await forgetRestoredFile(options.layout, name);
  if (backTo) await moveNoOverwrite(staged, backTo);
  else await removeFile(staged);
  throw new Error(`${rel(options.layout, destination)} appeared while undoing; nothing was changed`);
}

// A plan the user worked on stays, renamed, with no id or source, so no stage files or replans it.
async function keepEditedPlan(layout: VaultLayout, plan: ItemPlan, now: Date): Promise<string> {
  const { content } = await noteWithChanges(plan.file, { id: undefined, source: undefined, undone: localDateTime(now) });
  const dir = path.dirname(plan.file);
  const kept = await createAtFreeName(dir, `${path.basename(plan.file, '.md')} (undone).md`, content);
  await removeFile(plan.file);
  return rel(layout, path.join(dir, kept));
}

function reportDryRun(result: UndoneItem, plan: ItemPlan | undefined, attachment: string | undefined, report: (line: string) => void): UndoneItem {
  const [item, ...saved] = result.removed;
  const folder = path.posix.dirname(item!);
  if (attachment) {
    report(`move ${folder}/${attachment} -> ${result.restored}`);
    report(`remove ${item} (its companion note)`);
  } else report(`restore ${item} -> ${result.restored} (without the agent's fields)`);
  for (const file of saved) report(`remove ${file} (saved from the email)`);
  if (plan?.edited) report(`keep ${plan.relative} under a new name (${plan.edited})`);
  else if (plan) report(`remove ${plan.relative}`);
  return result;
}
