import { selectDue, type CompletedItem, type OpenItem } from '../vault/item-summary.js';
import type { FolderCounts, VaultSnapshot } from '../vault/snapshot.js';
import type { AgentHealth } from './agent-health.js';
import type { GoalsProgress } from './goals-progress.js';
import type { JobRunsSince } from './job-runs.js';

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
  now: Date;
  since: Date;
  // false when there was no earlier briefing and `since` is simply 24 hours ago.
  sinceLastBriefing: boolean;
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
  since: Date;
  sinceLastBriefing: boolean;
  staleDays: number;
  snapshot: VaultSnapshot;
  goals: GoalsProgress;
  health: AgentHealth;
  jobs: JobRunsSince;
}

const DAY_MS = 86_400_000;

function within(iso: string | null, since: Date, now: Date): boolean {
  if (iso === null) return false;
  const at = Date.parse(iso);
  return at >= since.getTime() && at <= now.getTime();
}

// Where "since the last briefing" starts: its time when it is a sane past moment, else 24 hours ago.
export function briefingWindowStart(lastWrittenAt: string | null, now: Date): { since: Date; sinceLastBriefing: boolean } {
  const last = lastWrittenAt ? Date.parse(lastWrittenAt) : Number.NaN;
  if (!Number.isNaN(last) && last < now.getTime()) return { since: new Date(last), sinceLastBriefing: true };
  return { since: new Date(now.getTime() - DAY_MS), sinceLastBriefing: false };
}

// Picks what the briefing mentions from the snapshot; pure, so it is tested without a vault.
export function buildBriefingModel(inputs: BriefingInputs): BriefingModel {
  const { snapshot, since, now } = inputs;
  const received: ReceivedItem[] = [
    ...snapshot.open.map((item) => ({ ...item, done: false })),
    ...snapshot.completed.map((item) => ({ ...item, done: true })),
  ]
    .filter((item) => within(item.received, since, now))
    .map((item) => ({ name: item.name, link: item.link, title: item.title, received: item.received!, done: item.done }))
    .sort((a, b) => a.received.localeCompare(b.received));
  const stale = snapshot.open
    .filter((item) => item.ageDays !== null && item.ageDays > inputs.staleDays)
    .sort((a, b) => a.received!.localeCompare(b.received!));
  return {
    date: inputs.date,
    now,
    since,
    sinceLastBriefing: inputs.sinceLastBriefing,
    counts: snapshot.counts,
    open: snapshot.open.length,
    received,
    completed: snapshot.completed.filter((item) => within(item.completed, since, now)),
    highPriority: snapshot.open.filter((item) => item.priority === 'high'),
    ...selectDue(snapshot.open, inputs.date),
    staleDays: inputs.staleDays,
    stale,
    goals: inputs.goals,
    health: inputs.health,
    jobs: inputs.jobs,
  };
}
