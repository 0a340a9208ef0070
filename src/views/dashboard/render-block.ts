import type { Deferral } from '../../runner/state.js';
import { describeAge, describeWaiting, type OpenItem } from '../item-summary.js';
import { daysBetween, localMinute } from '../../vault/local-day.js';
import { noteStem, safeInline } from '../../vault/note-link.js';
import type { VaultSnapshot } from '../snapshot.js';
import { renderActivityChart, summarizeActivity } from './activity-chart.js';

// The agent's block of Dashboard.md (§9): what a person glances at to know where things stand.

export interface FailedJob {
  name: string;
  result: string;
  at: string | null;
}

export interface DashboardInfo {
  now: Date;
  // e.g. "daemon (pid 4242)" or "once".
  runnerState: string;
  deferred: Pick<Deferral, 'stage' | 'reason'>[];
  failedItems: { item: string; reason: string; at?: string; notice?: true }[];
  failedJobs: FailedJob[];
}

const PRIORITY_LABEL = { high: 'High', normal: 'Normal', low: 'Low' } as const;
const RECENT_COMPLETIONS = 10;
const MAX_DUE = 50;

// "[[Call the bank]] — Pay the March invoice": the link, then the title when it says more than the name.
export function describeItem(item: { name: string; link: string; title: string | null }): string {
  const title = item.title && item.title !== noteStem(item.name) ? ` — ${safeInline(item.title, 80)}` : '';
  return `${item.link}${title}`;
}

function describeOpen(item: OpenItem, today: string): string {
  const parts = [describeItem(item), describeWaiting(item.ageDays)];
  if (item.due) parts.push(item.due < today ? `⚠️ overdue (due ${item.due})` : `📅 ${item.due}`);
  if (item.planLink) parts.push(item.planLink);
  return `- ${parts.join(' · ')}`;
}

function renderCounts(counts: VaultSnapshot['counts']): string[] {
  return ['| Inbox | Needs action | Plans | Done |', '|:-:|:-:|:-:|:-:|', `| ${counts.inbox} | ${counts.needsAction} | ${counts.plans} | ${counts.done} |`];
}

// Warning lines: held stages, failed items and jobs, notes that could not be read.
export function renderWarnings(snapshot: VaultSnapshot, info: Pick<DashboardInfo, 'deferred' | 'failedItems' | 'failedJobs'>): string[] {
  const lines = [
    ...info.deferred.map((held) => `- ⏸️ ${safeInline(held.stage)} is waiting: ${safeInline(held.reason)}`),
    // A sub-folder or a symlink left alone on purpose is a notice, not a failure.
    ...info.failedItems.map((failed) => (failed.notice ? `- ℹ️ ${safeInline(failed.reason.replace(/^intake: /, ''))}` : `- ❌ ${safeInline(failed.item)} failed: ${safeInline(failed.reason)}`)),
    ...info.failedJobs.map((job) => `- ❌ job ${safeInline(job.name)}: ${safeInline(job.result)}${job.at ? ` (${safeInline(job.at)})` : ''}`),
    ...snapshot.skipped.slice(0, 10).map((note) => `- 📝 ${safeInline(note.file)} could not be read: ${safeInline(note.reason)}`),
  ];
  if (snapshot.skipped.length > 10) lines.push(`- 📝 …and ${snapshot.skipped.length - 10} more notes that could not be read`);
  return lines;
}

// Shows at most `cap` lines, then "…and N more" for the rest of `total` (lines kept or only counted).
export function capList(lines: string[], total: number, cap: number): string[] {
  const shown = lines.slice(0, cap);
  return total <= shown.length ? shown : [...shown, `- _…and ${total - shown.length} more_`];
}

function dueLine(item: OpenItem, today: string): string {
  if (item.due === today) return `- 📅 ${describeItem(item)} · due today`;
  return `- ⚠️ ${describeItem(item)} · overdue by ${describeAge(daysBetween(item.due!, today))} (due ${item.due})`;
}

// Overdue first, then due today; "…and N more" counts both lists' items that were not kept.
export function dueLines(open: Pick<VaultSnapshot['open'], 'overdue' | 'dueToday'>, today: string, cap: number): string[] {
  const { overdue, dueToday } = open;
  return capList([...overdue.items, ...dueToday.items].map((item) => dueLine(item, today)), overdue.count + dueToday.count, cap);
}

function renderDue(snapshot: VaultSnapshot): string[] {
  const due = dueLines(snapshot.open, snapshot.today, MAX_DUE);
  return due.length > 0 ? due : ['Nothing is due today or overdue.'];
}

function renderOpen(snapshot: VaultSnapshot): string[] {
  const { count, byPriority, mostUrgent } = snapshot.open;
  if (count === 0) return ['Nothing open. 🎉'];
  const lines: string[] = [];
  for (const priority of ['high', 'normal', 'low'] as const) {
    const group = mostUrgent.filter((item) => item.priority === priority);
    if (group.length === 0) continue;
    lines.push(`**${PRIORITY_LABEL[priority]}** (${byPriority[priority]})`, ...group.map((item) => describeOpen(item, snapshot.today)), '');
  }
  if (count > mostUrgent.length) lines.push(`_…and ${count - mostUrgent.length} more in Needs_Action._`, '');
  return lines.slice(0, lines.at(-1) === '' ? -1 : undefined);
}

function renderCompleted(snapshot: VaultSnapshot): string[] {
  const recent = snapshot.completed.slice(0, RECENT_COMPLETIONS);
  if (recent.length === 0) return ['Nothing completed recently.'];
  return recent.map((item) => `- ✅ ${localMinute(new Date(item.completed))} ${describeItem(item)}`);
}

// The markdown that goes between the markers: built only from the snapshot and `info`, no I/O.
export function renderDashboardBlock(snapshot: VaultSnapshot, info: DashboardInfo): string {
  const warnings = renderWarnings(snapshot, info);
  return [
    '## 🤖 AI Employee',
    '',
    `_Updated ${localMinute(info.now)} · runner: ${safeInline(info.runnerState)}_`,
    '',
    ...renderCounts(snapshot.counts),
    '',
    '### Warnings',
    ...(warnings.length > 0 ? warnings : ['None. ✅']),
    '',
    '### Due today and overdue',
    ...renderDue(snapshot),
    '',
    `### Open items (${snapshot.open.count})`,
    ...renderOpen(snapshot),
    '',
    '### Recently completed',
    ...renderCompleted(snapshot),
    '',
    '### Last 14 days',
    renderActivityChart(snapshot.days),
    summarizeActivity(snapshot.days),
  ].join('\n');
}
