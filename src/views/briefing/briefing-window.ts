import { localDay, parseLocalDay } from '../../vault/local-day.js';

// Which stretch of time a briefing describes: today's runs up to now; another day's is the 24 hours
// before that day's briefing.time, so `briefing --date 2026-11-30` tells about 30 November, not today.

const DAY_MS = 86_400_000;

export interface BriefingWindow {
  since: Date;
  // The moment the briefing describes: now for today's, that day's briefing.time for another day's.
  until: Date;
  // false when there was no earlier briefing and `since` is simply 24 hours before `until`.
  sinceLastBriefing: boolean;
  // A briefing for a day other than today (no greeting, open items as of `until`).
  otherDay: boolean;
}

// Where "since the last briefing" starts: its time when it is a sane past moment, else 24 hours ago.
export function briefingWindowStart(lastWrittenAt: string | null, now: Date): { since: Date; sinceLastBriefing: boolean } {
  const last = lastWrittenAt ? Date.parse(lastWrittenAt) : Number.NaN;
  if (!Number.isNaN(last) && last < now.getTime()) return { since: new Date(last), sinceLastBriefing: true };
  return { since: new Date(now.getTime() - DAY_MS), sinceLastBriefing: false };
}

// The window for the briefing of `date` (YYYY-MM-DD), written at `now`; `time` is briefing.time (HH:MM).
export function briefingWindow(date: string, now: Date, time: string, lastWrittenAt: string | null): BriefingWindow {
  const day = parseLocalDay(date);
  if (!day || date === localDay(now)) return { ...briefingWindowStart(lastWrittenAt, now), until: now, otherDay: false };
  const [hours, minutes] = time.split(':').map(Number);
  const until = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours ?? 0, minutes ?? 0);
  return { since: new Date(until.getTime() - DAY_MS), until, sinceLastBriefing: false, otherDay: true };
}
