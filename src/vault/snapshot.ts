import path from 'node:path';
import { readItem } from '../items/item-fields.js';
import type { Priority } from '../items/priority.js';
import { summarizeCompletedItem, summarizeOpenItem, planNameOf, type CompletedItem, type OpenItem } from './item-summary.js';
import type { VaultLayout } from './layout.js';
import { isPlanName, listFolders, listRegularFiles, withoutAttachments } from './list-items.js';
import { lastLocalDays, localDay, recentMonths } from './local-day.js';
import { noteStem } from './note-link.js';
import { readNoteHeads, type NoteHead, type NoteHeadResult } from './read-note-heads.js';

// One read of the vault for the dashboard and the briefing: what is open, what was finished, how busy it was.

import type { FolderCounts } from '../status/count-items.js';
import { compareNames, compareText } from '../items/compare-text.js';
import { collectGarbageIfGrown } from '../system/collect-garbage.js';

export type { FolderCounts };

export interface DayActivity {
  day: string;
  received: number;
  completed: number;
}

export interface VaultSnapshot {
  takenAt: string;
  today: string;
  counts: FolderCounts;
  // Most urgent first: high before normal before low, then earliest due, then oldest.
  open: OpenItem[];
  // Newest first, from the Done/ months that were read.
  completed: CompletedItem[];
  // The last 14 local days, oldest first.
  days: DayActivity[];
  // Notes that could not be read (vault-relative path and why); they are counted but not listed.
  skipped: { file: string; reason: string }[];
}

export interface SnapshotOptions {
  now: Date;
  // Done/ month folders read for completions: the current month and those before it (default 2, enough for 14 days).
  doneMonths?: number;
  // Note heads read between two turns of the event loop (default 128).
  batchSize?: number;
}

// Days of received/completed counts the dashboard charts.
export const CHART_DAYS = 14;
const MONTH_FOLDER = /^\d{4}-\d{2}$/;
const RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

type Skipped = VaultSnapshot['skipped'];

function headOf(results: Map<string, NoteHeadResult>, name: string, folder: string, skipped: Skipped): NoteHead | undefined {
  const result = results.get(name);
  if (!result) return undefined;
  if (result.ok) return result.head;
  if (result.reason !== 'vanished') skipped.push({ file: `${folder}/${name}`, reason: result.reason });
  return undefined;
}

// Compares open items by urgency, for every list that shows them.
export function compareByUrgency(a: OpenItem, b: OpenItem): number {
  return (
    RANK[a.priority] - RANK[b.priority] ||
    compareText(a.due ?? '9999', b.due ?? '9999') ||
    compareText(a.received ?? '9999', b.received ?? '9999') ||
    compareNames(a.name, b.name)
  );
}

// In batches: a batch's item and plan heads are summarised and let go before the next is read, so
// memory holds the summaries of 100,000 items, not their frontmatter and their plans' as well.
async function readOpenItems(layout: VaultLayout, planFiles: string[], options: Required<SnapshotOptions>, skipped: Skipped) {
  const files = withoutAttachments(await listRegularFiles(layout.needsAction));
  const plans = new Set(planFiles);
  const open: OpenItem[] = [];
  for (let start = 0; start < files.length; start += options.batchSize) {
    open.push(...(await summarizeOpenBatch(layout, files.slice(start, start + options.batchSize), plans, options, skipped)));
    collectGarbageIfGrown();
  }
  return { count: files.length, open: open.sort(compareByUrgency) };
}

// One batch of Needs_Action/ files: their heads, the heads of their plans, their summaries.
async function summarizeOpenBatch(layout: VaultLayout, batch: string[], plans: Set<string>, options: Required<SnapshotOptions>, skipped: Skipped): Promise<OpenItem[]> {
  const read = { batchSize: options.batchSize };
  const notes = batch.filter((name) => name.endsWith('.md'));
  const itemHeads = await readNoteHeads(layout.needsAction, notes, read);
  const planOf = new Map<string, string>();
  for (const name of notes) {
    const result = itemHeads.get(name);
    const named = result?.ok ? planNameOf(readItem(result.head.data)) : null;
    const planName = named && plans.has(named) ? named : `PLAN_${noteStem(name)}.md`;
    if (plans.has(planName)) planOf.set(name, planName);
  }
  const planHeads = await readNoteHeads(layout.plans, [...new Set(planOf.values())], read);
  const open: OpenItem[] = [];
  for (const name of batch) {
    const item = name.endsWith('.md') ? headOf(itemHeads, name, 'Needs_Action', skipped) : null;
    if (item === undefined) continue;
    const planName = planOf.get(name);
    const planHead = planName ? headOf(planHeads, planName, 'Plans', skipped) : undefined;
    open.push(summarizeOpenItem(name, item, planName && planHead ? { name: planName, head: planHead } : null, options.now));
  }
  return open;
}

async function readDone(layout: VaultLayout, options: Required<SnapshotOptions>, skipped: Skipped) {
  const months = (await listFolders(layout.done)).filter((name) => MONTH_FOLDER.test(name));
  const wanted = new Set(recentMonths(options.now, options.doneMonths));
  const read = { batchSize: options.batchSize };
  let count = 0;
  const completed: CompletedItem[] = [];
  for (const month of months) {
    const dir = path.join(layout.done, month);
    const items = withoutAttachments(await listRegularFiles(dir)).filter((name) => !isPlanName(name));
    count += items.length;
    if (!wanted.has(month)) continue;
    const notes = items.filter((name) => name.endsWith('.md'));
    const heads = await readNoteHeads(dir, notes, read);
    for (const name of notes) {
      const head = headOf(heads, name, `Done/${month}`, skipped);
      const summary = head ? summarizeCompletedItem(name, month, head) : null;
      if (summary) completed.push(summary);
    }
  }
  completed.sort((a, b) => compareText(b.completed, a.completed) || compareNames(a.name, b.name));
  return { count, completed };
}

function countByDay(now: Date, open: OpenItem[], completed: CompletedItem[]): DayActivity[] {
  const days = new Map(lastLocalDays(now, CHART_DAYS).map((day) => [day, { day, received: 0, completed: 0 }]));
  for (const item of [...open, ...completed]) {
    if (item.received) {
      const entry = days.get(localDay(new Date(item.received)));
      if (entry) entry.received++;
    }
  }
  for (const item of completed) {
    const entry = days.get(localDay(new Date(item.completed)));
    if (entry) entry.completed++;
  }
  return [...days.values()];
}

// Reads Inbox/, Needs_Action/, Plans/ and Done/ (heads only); never throws for a broken or vanished note.
export async function readVaultSnapshot(layout: VaultLayout, opts: SnapshotOptions): Promise<VaultSnapshot> {
  const options: Required<SnapshotOptions> = { doneMonths: 2, batchSize: 128, ...opts };
  const skipped: Skipped = [];
  const [inboxFiles, planFiles] = await Promise.all([listRegularFiles(layout.inbox), listRegularFiles(layout.plans)]);
  const plans = planFiles.filter((name) => name.endsWith('.md'));
  const [needsAction, done] = await Promise.all([
    readOpenItems(layout, plans, options, skipped),
    readDone(layout, options, skipped),
  ]);
  return {
    takenAt: options.now.toISOString(),
    today: localDay(options.now),
    counts: { inbox: inboxFiles.length, needsAction: needsAction.count, plans: plans.length, done: done.count },
    open: needsAction.open,
    completed: done.completed,
    days: countByDay(options.now, needsAction.open, done.completed),
    skipped,
  };
}
