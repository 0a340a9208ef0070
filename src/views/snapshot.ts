import path from 'node:path';
import { readItem } from '../items/item-fields.js';
import type { Priority } from '../items/priority.js';
import { summarizeCompletedItem, summarizeOpenItem, planNameOf, type CompletedItem, type OpenItem } from './item-summary.js';
import type { VaultLayout } from '../vault/layout.js';
import { isPlanName, listFolders, listRegularFiles, withoutAttachments } from '../vault/list-items.js';
import { lastLocalDays, localDay, recentMonths } from '../vault/local-day.js';
import { noteStem } from '../vault/note-link.js';
import { readNoteHeads, type NoteHead, type NoteHeadResult } from '../vault/read-note-heads.js';

// One read of the vault for the dashboard and the briefing: what is open, what was finished, how busy it was.

import type { FolderCounts } from '../status/count-items.js';
import { compareNames, compareText } from '../items/compare-text.js';
import { collectGarbageIfGrown } from '../system/collect-garbage.js';
import { BoundedList, type Listed } from './bounded-list.js';

export type { FolderCounts };

export interface DayActivity {
  day: string;
  received: number;
  completed: number;
}

// What is open, as counts and the few items each list shows: memory holds `listLimit` items per list,
// not every open item (100,000 open items held whole took the dashboard stage from 135 to 293 MB).
export interface OpenSummary {
  count: number;
  byPriority: Record<Priority, number>;
  // Most urgent first: high before normal before low, then earliest due, then oldest. High sorts
  // first, so its high items are the first of all high items (or all of them).
  mostUrgent: OpenItem[];
  // Earliest due first.
  overdue: Listed<OpenItem>;
  dueToday: Listed<OpenItem>;
  // Waiting more than `staleDays`, oldest first (none unless the option is given).
  stale: Listed<OpenItem>;
  // Received within `receivedWindow`, earliest first (none unless the option is given).
  received: Listed<OpenItem>;
}

export interface VaultSnapshot {
  takenAt: string;
  today: string;
  counts: FolderCounts;
  open: OpenSummary;
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
  // Items kept per list (default 50).
  listLimit?: number;
  // The day "overdue" and "due today" are measured against (default: the local day of `now`).
  dueDay?: string;
  staleDays?: number;
  receivedWindow?: { since: Date; until: Date };
  // Leaves out open items received later (a briefing for an earlier day).
  openReceivedBy?: Date;
}

// Days of received/completed counts the dashboard charts.
export const CHART_DAYS = 14;
const MONTH_FOLDER = /^\d{4}-\d{2}$/;
const RANK: Record<Priority, number> = { high: 0, normal: 1, low: 2 };

type Skipped = VaultSnapshot['skipped'];
type Options = Required<Omit<SnapshotOptions, 'staleDays' | 'receivedWindow' | 'openReceivedBy'>> & SnapshotOptions;

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

// In batches: a batch's item and plan heads are summarised and let go before the next is read, and
// each summary only counted or kept in a bounded list.
async function readOpenItems(layout: VaultLayout, planFiles: string[], options: Options, skipped: Skipped, days: DayCounter) {
  const files = withoutAttachments(await listRegularFiles(layout.needsAction));
  const plans = new Set(planFiles);
  const open = openCollector(options);
  for (let start = 0; start < files.length; start += options.batchSize) {
    for (const item of await summarizeOpenBatch(layout, files.slice(start, start + options.batchSize), plans, options, skipped)) {
      days.received(item.received);
      if (options.openReceivedBy && item.received !== null && Date.parse(item.received) > options.openReceivedBy.getTime()) continue;
      open.add(item);
    }
    collectGarbageIfGrown();
  }
  return { count: files.length, open: open.result() };
}

// Counts open items and keeps each list's first ones; exported so views can be tested without a vault.
export function openCollector(options: Pick<Options, 'listLimit' | 'dueDay' | 'staleDays' | 'receivedWindow'>) {
  const { listLimit: limit, dueDay, staleDays, receivedWindow } = options;
  const byReceived = (a: OpenItem, b: OpenItem) => compareText(a.received ?? '9999', b.received ?? '9999') || compareNames(a.name, b.name);
  const byDue = (a: OpenItem, b: OpenItem) => compareText(a.due!, b.due!) || compareNames(a.name, b.name);
  const lists = {
    mostUrgent: new BoundedList(compareByUrgency, limit),
    overdue: new BoundedList(byDue, limit),
    dueToday: new BoundedList(compareByUrgency, limit),
    stale: new BoundedList(byReceived, limit),
    received: new BoundedList(byReceived, limit),
  };
  const byPriority: Record<Priority, number> = { high: 0, normal: 0, low: 0 };
  const since = receivedWindow?.since.getTime() ?? 0;
  const until = receivedWindow?.until.getTime() ?? 0;
  return {
    add(item: OpenItem) {
      byPriority[item.priority]++;
      lists.mostUrgent.add(item);
      if (item.due !== null && item.due < dueDay) lists.overdue.add(item);
      if (item.due === dueDay) lists.dueToday.add(item);
      if (staleDays !== undefined && item.ageDays !== null && item.ageDays > staleDays) lists.stale.add(item);
      const at = item.received === null ? NaN : Date.parse(item.received);
      if (receivedWindow && at >= since && at <= until) lists.received.add(item);
    },
    result(): OpenSummary {
      const mostUrgent = lists.mostUrgent.result();
      return {
        count: mostUrgent.count,
        byPriority,
        mostUrgent: mostUrgent.items,
        overdue: lists.overdue.result(),
        dueToday: lists.dueToday.result(),
        stale: lists.stale.result(),
        received: lists.received.result(),
      };
    },
  };
}

// One batch of Needs_Action/ files: their heads, the heads of their plans, their summaries.
async function summarizeOpenBatch(layout: VaultLayout, batch: string[], plans: Set<string>, options: Options, skipped: Skipped): Promise<OpenItem[]> {
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

async function readDone(layout: VaultLayout, options: Options, skipped: Skipped) {
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

type DayCounter = ReturnType<typeof dayCounter>;

// Received and completed per local day, for the chart: counted as items go by.
function dayCounter(now: Date) {
  const days = new Map(lastLocalDays(now, CHART_DAYS).map((day) => [day, { day, received: 0, completed: 0 }]));
  const at = (iso: string | null) => (iso === null ? undefined : days.get(localDay(new Date(iso))));
  const received = (iso: string | null) => {
    const entry = at(iso);
    if (entry) entry.received++;
  };
  const completed = (item: CompletedItem) => {
    received(item.received);
    const entry = at(item.completed);
    if (entry) entry.completed++;
  };
  return { received, completed, result: (): DayActivity[] => [...days.values()] };
}

// Reads Inbox/, Needs_Action/, Plans/ and Done/ (heads only); never throws for a broken or vanished note.
export async function readVaultSnapshot(layout: VaultLayout, opts: SnapshotOptions): Promise<VaultSnapshot> {
  const options: Options = { doneMonths: 2, batchSize: 128, listLimit: 50, dueDay: localDay(opts.now), ...opts };
  const skipped: Skipped = [];
  const days = dayCounter(options.now);
  const [inboxFiles, planFiles] = await Promise.all([listRegularFiles(layout.inbox), listRegularFiles(layout.plans)]);
  const plans = planFiles.filter((name) => name.endsWith('.md'));
  const [needsAction, done] = await Promise.all([
    readOpenItems(layout, plans, options, skipped, days),
    readDone(layout, options, skipped),
  ]);
  for (const item of done.completed) days.completed(item);
  return {
    takenAt: options.now.toISOString(),
    today: localDay(options.now),
    counts: { inbox: inboxFiles.length, needsAction: needsAction.count, plans: plans.length, done: done.count },
    open: needsAction.open,
    completed: done.completed,
    days: days.result(),
    skipped,
  };
}
