import type { Priority } from '../planning/planner.js';
import type { Frontmatter } from './frontmatter.js';
import { daysBetween, localDay, noteDay } from './local-day.js';
import { wikiLink } from './note-link.js';
import type { NoteHead } from './read-note-heads.js';

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

// An ISO time from a note, normalised; null when it is missing or not a time.
export function noteTime(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const when = new Date(raw);
  return Number.isNaN(when.getTime()) ? null : when.toISOString();
}

// high | normal | low; anything else a user wrote counts as normal.
export function notePriority(value: unknown): Priority | null {
  const raw = text(value)?.toLowerCase();
  return raw === 'high' || raw === 'normal' || raw === 'low' ? raw : null;
}

function titleOf(item: Frontmatter, plan?: NoteHead): string | null {
  return text(item.title) ?? text(item.subject) ?? plan?.heading ?? null;
}

// The plan file an item points to ("[[PLAN_x]]" → "PLAN_x.md"), if it names a plain file.
export function planNameOf(item: Frontmatter): string | null {
  const raw = text(item.plan);
  const match = raw ? /^\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]$/.exec(raw) : null;
  const name = match?.[1]?.trim();
  if (!name || /[/\\]/.test(name) || name.startsWith('.')) return null;
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
  const received = noteTime(data.received);
  const planData = plan?.head.data ?? {};
  return {
    name,
    link: wikiLink(name),
    id: text(data.id),
    type: text(data.type) ?? (name.endsWith('.md') ? 'note' : 'file'),
    status: text(data.status) ?? 'needs_action',
    title: titleOf(data, plan?.head),
    received,
    ageDays: received === null ? null : Math.max(0, daysBetween(localDay(new Date(received)), localDay(now))),
    priority: notePriority(planData.priority) ?? notePriority(data.priority) ?? 'normal',
    due: noteDay(planData.due) ?? noteDay(data.due),
    plan: plan?.name ?? null,
    planLink: plan ? wikiLink(plan.name) : null,
  };
}

// A finished item in Done/YYYY-MM/; null when its note does not say when it was completed.
export function summarizeCompletedItem(name: string, month: string, item: NoteHead): CompletedItem | null {
  const completed = noteTime(item.data.completed);
  if (completed === null) return null;
  return {
    name,
    link: wikiLink(name),
    id: text(item.data.id),
    type: text(item.data.type) ?? 'note',
    title: titleOf(item.data),
    priority: notePriority(item.data.priority) ?? 'normal',
    received: noteTime(item.data.received),
    completed,
    month,
  };
}

// Open items due before today (earliest first) and due today, for "due today and overdue" lists.
export function selectDue(open: OpenItem[], today: string): { overdue: OpenItem[]; dueToday: OpenItem[] } {
  const overdue = open.filter((item) => item.due !== null && item.due < today);
  overdue.sort((a, b) => a.due!.localeCompare(b.due!) || a.name.localeCompare(b.name));
  return { overdue, dueToday: open.filter((item) => item.due === today) };
}

// "today", "1 day", "12 days": how long an item has waited.
export function describeAge(ageDays: number | null): string {
  if (ageDays === null) return 'age unknown';
  if (ageDays === 0) return 'today';
  return ageDays === 1 ? '1 day' : `${ageDays} days`;
}
