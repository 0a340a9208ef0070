import { localDay } from '../../vault/local-day.js';

// §10: once a day, on the first iteration at or after briefing.time (local); never for a past day.

// Minutes after local midnight for "HH:MM".
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

// Whether today's briefing should be written now: the time has come and none was written today (or later).
export function isBriefingDue(now: Date, time: string, lastDate: string | null): boolean {
  const today = localDay(now);
  if (lastDate !== null && lastDate >= today) return false;
  return now.getHours() * 60 + now.getMinutes() >= minutesOf(time);
}
