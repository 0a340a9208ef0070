import type { CompletedItem, OpenItem } from '../item-summary.js';
import type { Listed } from '../bounded-list.js';
import type { FolderCounts, SnapshotOptions, VaultSnapshot } from '../snapshot.js';
import type { AgentHealth } from './agent-health.js';
import type { GoalsProgress } from './goals-progress.js';
import type { JobRecords } from '../../jobs/history.js';
import { compareText } from '../../items/compare-text.js';

// Everything one briefing says, decided before any of it is written down.

export interface ReceivedItem {
  name: string;
  link: string;
  title: string | null;
  received: string;
  done: boolean;
}

export interface BriefingModel {
  date: string;
  // The moment the briefing describes (the end of its window); `writtenAt` is when it was written.
  now: Date;
  writtenAt: Date;
  since: Date;
  // false when there was no earlier briefing and `since` is simply 24 hours before `now`.
  sinceLastBriefing: boolean;
  // For a day other than today: no greeting, and open items are those received by `now`.
  otherDay: boolean;
  counts: FolderCounts;
  open: number;
  // Each list holds its first items and counts them all.
  received: Listed<ReceivedItem>;
  completed: CompletedItem[];
  highPriority: Listed<OpenItem>;
  overdue: Listed<OpenItem>;
  dueToday: Listed<OpenItem>;
  staleDays: number;
  stale: Listed<OpenItem>;
  goals: GoalsProgress;
  health: AgentHealth;
  jobs: JobRecords;
}

export interface BriefingInputs {
  date: string;
  now: Date;
  writtenAt: Date;
  since: Date;
  sinceLastBriefing: boolean;
  otherDay: boolean;
  staleDays: number;
  // Read with this briefing's window, stale days and due day (see `briefingSnapshotOptions`).
  snapshot: VaultSnapshot;
  goals: GoalsProgress;
  health: AgentHealth;
  jobs: JobRecords;
}

function within(iso: string | null, since: Date, now: Date): boolean {
  if (iso === null) return false;
  const at = Date.parse(iso);
  return at >= since.getTime() && at <= now.getTime();
}

// What the snapshot must collect for a briefing: its window, its day, its idea of stale.
export function briefingSnapshotOptions(inputs: Pick<BriefingInputs, 'date' | 'now' | 'since' | 'otherDay' | 'staleDays'>): Omit<SnapshotOptions, 'now' | 'doneMonths'> {
  return {
    dueDay: inputs.date,
    staleDays: inputs.staleDays,
    receivedWindow: { since: inputs.since, until: inputs.now },
    // Another day's briefing cannot know what was open then; it leaves out what came in after it.
    ...(inputs.otherDay ? { openReceivedBy: inputs.now } : {}),
  };
}

const asReceived = (item: OpenItem | CompletedItem, done: boolean): ReceivedItem => ({ name: item.name, link: item.link, title: item.title, received: item.received!, done });

// Picks what the briefing mentions from the snapshot; pure, so it is tested without a vault.
export function buildBriefingModel(inputs: BriefingInputs): BriefingModel {
  const { snapshot, since, now } = inputs;
  const open = snapshot.open;
  const completedReceived = snapshot.completed.filter((item) => within(item.received, since, now));
  const kept = open.received.items.length;
  // When the open list was cut at N, no open item left out comes before the N-th of the merged list.
  const received = [...open.received.items.map((item) => asReceived(item, false)), ...completedReceived.map((item) => asReceived(item, true))]
    .sort((a, b) => compareText(a.received, b.received))
    .slice(0, open.received.count > kept ? kept : undefined);
  return {
    date: inputs.date,
    now,
    writtenAt: inputs.writtenAt,
    since,
    sinceLastBriefing: inputs.sinceLastBriefing,
    otherDay: inputs.otherDay,
    counts: snapshot.counts,
    open: open.count,
    received: { count: open.received.count + completedReceived.length, items: received },
    completed: snapshot.completed.filter((item) => within(item.completed, since, now)),
    highPriority: { count: open.byPriority.high, items: open.mostUrgent.filter((item) => item.priority === 'high') },
    overdue: open.overdue,
    dueToday: open.dueToday,
    staleDays: inputs.staleDays,
    stale: open.stale,
    goals: inputs.goals,
    health: inputs.health,
    jobs: inputs.jobs,
  };
}
