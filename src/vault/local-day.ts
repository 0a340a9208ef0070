// Calendar days as the user reads them (local time), written YYYY-MM-DD.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// The local calendar day of an instant: what "today" means on the dashboard and in briefings.
export function localDay(when: Date): string {
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
}

// Local midnight at the start of a YYYY-MM-DD day; undefined for anything that is not a real date.
export function parseLocalDay(day: string): Date | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return undefined;
  return start;
}

// The `count` local days ending with the day of `now`, oldest first (for the 14-day chart).
export function lastLocalDays(now: Date, count: number): string[] {
  const days: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    days.push(localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - back)));
  }
  return days;
}

// "YYYY-MM" month folders under Done/, newest first: the month of `now` and the `count - 1` before it.
export function recentMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let back = 0; back < count; back++) {
    const first = new Date(now.getFullYear(), now.getMonth() - back, 1);
    months.push(`${first.getFullYear()}-${pad(first.getMonth() + 1)}`);
  }
  return months;
}

// A date taken from a note: the YYYY-MM-DD at its start, if it is a real date (a Date the YAML reader made counts too).
export function noteDay(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const day = value.trim().slice(0, 10);
  return parseLocalDay(day) ? day : null;
}

// "YYYY-MM-DD HH:MM" in local time, for "last updated" lines a person reads.
export function localMinute(when: Date): string {
  return `${localDay(when)} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

// Whole local calendar days from day `from` to day `to` (both YYYY-MM-DD); positive when `to` is later.
export function daysBetween(from: string, to: string): number {
  const a = parseLocalDay(from);
  const b = parseLocalDay(to);
  if (!a || !b) return 0;
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}

// Obsidian's Date & time property form, local time "YYYY-MM-DDTHH:mm:ss" (what the agent writes).
export function localDateTime(when: Date): string {
  return `${localDay(when)}T${pad(when.getHours())}:${pad(when.getMinutes())}:${pad(when.getSeconds())}`;
}
