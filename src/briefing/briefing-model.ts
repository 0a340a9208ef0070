import { selectDue, type CompletedItem, type OpenItem } from '../vault/item-summary.js';
import type { FolderCounts, VaultSnapshot } from '../vault/snapshot.js';
import type { AgentHealth } from './agent-health.js';
import type { GoalsProgress } from './goals-progress.js';
import type { JobRunsSince } from './job-runs.js';
import { compareText } from '../items/compare-text.js';

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
  received: ReceivedItem[];
  completed: CompletedItem[];
  highPriority: OpenItem[];
  overdue: OpenItem[];
  dueToday: OpenItem[];
  staleDays: number;
  stale: OpenItem[];
  goals: GoalsProgress;
  health: AgentHealth;
  jobs: JobRunsSince;
}

export interface BriefingInputs {
  date: string;
  now: Date;
  writtenAt: Date;
  since: Date;
  sinceLastBriefing: boolean;
  otherDay: boolean;
  staleDays: number;
  snapshot: VaultSnapshot;
  goals: GoalsProgress;
  health: AgentHealth;
  jobs: JobRunsSince;
}

function within(iso: string | null, since: Date, now: Date): boolean {
  if (iso === null) return false;
  const at = Date.parse(iso);
  return at >= since.getTime() && at <= now.getTime();
}

// Picks what the briefing mentions from the snapshot; pure, so it is tested without a vault.
export function buildBriefingModel(inputs: BriefingInputs): BriefingModel {
  const { snapshot, since, now } = inputs;
  // Another day's briefing cannot know what was open then; it leaves out what came in after it.
  const open = inputs.otherDay ? snapshot.open.filter((item) => item.received === null || Date.parse(item.received) <= now.getTime()) : snapshot.open;
  const received: ReceivedItem[] = [
    ...open.map((item) => ({ ...item, done: false })),
    ...snapshot.completed.map((item) => ({ ...item, done: true })),
  ]
    .filter((item) => within(item.received, since, now))
    .map((item) => ({ name: item.name, link: item.link, title: item.title, received: item.received!, done: item.done }))
    .sort((a, b) => compareText(a.received, b.received));
  const stale = open
    .filter((item) => item.ageDays !== null && item.ageDays > inputs.staleDays)
    .sort((a, b) => compareText(a.received!, b.received!));
  return {
    date: inputs.date,
    now,
    writtenAt: inputs.writtenAt,
    since,
    sinceLastBriefing: inputs.sinceLastBriefing,
    otherDay: inputs.otherDay,
    counts: snapshot.counts,
    open: open.length,
    received,
    completed: snapshot.completed.filter((item) => within(item.completed, since, now)),
    highPriority: open.filter((item) => item.priority === 'high'),
    ...selectDue(open, inputs.date),
    staleDays: inputs.staleDays,
    stale,
    goals: inputs.goals,
    health: inputs.health,
    jobs: inputs.jobs,
  };
}
