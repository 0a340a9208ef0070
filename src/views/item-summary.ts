import { normalizePriority, type Priority } from '../items/priority.js';
import { readItem } from '../items/item-fields.js';
import type { Item } from '../items/item.js';
import { daysBetween, localDay, noteDay } from '../vault/local-day.js';
import { wikiLink } from '../vault/note-link.js';
import type { NoteHead } from '../vault/read-note-heads.js';

// One item as the dashboard and the briefing show it, built from the heads of its note and its plan.

export interface OpenItem {
  name: string;
  link: string;
  id: string | null;
  type: string;
  status: string;
  title: string | null;
  received: string | null;
  // Local calendar days since it was received (0 = today).
  ageDays: number | null;
  priority: Priority;
  due: string | null;
  plan: string | null;
  planLink: string | null;
}

export interface CompletedItem {
  name: string;
  link: string;
  id: string | null;
  type: string;
  title: string | null;
  priority: Priority;
  received: string | null;
  completed: string;
  // The Done/ month folder it is filed under, YYYY-MM.
  month: string;
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function isoTime(when: Date | undefined): string | null {
  return when && when.getTime() > 0 ? when.toISOString() : null;
}

function titleOf(head: NoteHead, item: Item | undefined, plan?: NoteHead): string | null {
  return text(head.data.title) ?? item?.email?.subject ?? item?.title ?? plan?.heading ?? null;
}

// The plan file an item points to ("[[PLAN_x]]" → "PLAN_x.md"), if it names a plain file.
export function planNameOf(item: Item | undefined): string | null {
  const name = item?.plan;
  if (!name || name.startsWith('.')) return null;
  return name.endsWith('.md') ? name : `${name}.md`;
}

// An open item in Needs_Action/: priority and due come from its plan when it has one, else from the item.
export function summarizeOpenItem(
  name: string,
  item: NoteHead | null,
  plan: { name: string; head: NoteHead } | null,
  now: Date,
): OpenItem {
  const data = item?.data ?? {};
  const own = readItem(data);
  const received = isoTime(own?.received);
  const planData = plan?.head.data ?? {};
  return {
    name,
    link: wikiLink(name),
    id: own?.id ?? null,
    type: own?.kind ?? (name.endsWith('.md') ? 'note' : 'file'),
    status: own?.status ?? 'needs_action',
    title: item ? titleOf(item, own, plan?.head) : (plan?.head.heading ?? null),
    received,
    ageDays: received === null ? null : Math.max(0, daysBetween(localDay(new Date(received)), localDay(now))),
    priority: normalizePriority(planData.priority) ?? normalizePriority(data.priority) ?? 'normal',
    due: noteDay(planData.due) ?? noteDay(data.due),
    plan: plan?.name ?? null,
    planLink: plan ? wikiLink(plan.name) : null,
  };
}

// A finished item in Done/YYYY-MM/; null when its note does not say when it was completed.
export function summarizeCompletedItem(name: string, month: string, item: NoteHead): CompletedItem | null {
  const own = readItem(item.data);
  const completed = isoTime(own?.completed);
  if (completed === null) return null;
  return {
    name,
    link: wikiLink(name),
    id: own?.id ?? null,
    type: own?.kind ?? 'note',
    title: titleOf(item, own),
    priority: normalizePriority(item.data.priority) ?? 'normal',
    received: isoTime(own?.received),
    completed,
    month,
  };
}

// "received today", "waiting 3 days": an item's age, worded so it does not read like a due date beside 📅.
export function describeWaiting(ageDays: number | null): string {
  if (ageDays === null) return 'age unknown';
  return ageDays === 0 ? 'received today' : `waiting ${describeAge(ageDays)}`;
}

// "today", "1 day", "12 days": how long an item has waited.
export function describeAge(ageDays: number | null): string {
  if (ageDays === null) return 'age unknown';
  if (ageDays === 0) return 'today';
  return ageDays === 1 ? '1 day' : `${ageDays} days`;
}
