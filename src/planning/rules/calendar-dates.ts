import { createRequire } from 'node:module';

// Calendar dates written out ("December 15, 2026", "Dec 15", "15/12", "Thursday 10 Dec", "March 3rd",
// "by COB February 22nd", "in a month") read by chrono-node's English parser, kept only where it
// names a day and month for certain: chrono also reads "Monday meeting", "5 days", "1/2 cup" and
// "Next Week" as dates; the weekday and relative phrases are left to our own rules in due-date.ts.

interface ChronoResult {
  index: number;
  text: string;
  tags(): Set<string>;
  start: { isCertain(component: string): boolean; date(): Date };
  end?: { date(): Date } | null;
}
interface ChronoEnglish {
  casual: { parse(text: string, ref: Date, options: { forwardDate: boolean }): ChronoResult[] };
}

// Only text that could hold such a date pays for loading chrono (~30 ms, once).
const MAY_HOLD_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d|\d\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\b\d{1,2}[/.]\d{1,2}\b|\b(?:in|within)\s+a\s+month\b/i;
const FAR_AHEAD_MS = 335 * 86_400_000;
const SLASH_DATE = /^\d{1,2}[/.]\d{1,2}(?:[/.](\d{2,4}))?$/;

let chrono: ChronoEnglish | undefined;

function loadChrono(): ChronoEnglish {
  chrono ??= createRequire(import.meta.url)('chrono-node/en') as ChronoEnglish;
  return chrono;
}

export interface CalendarDate {
  index: number;
  length: number;
  date: Date;
  // A span ("Jan 14-16", "from May 3 to May 5"): when something happens, not a deadline.
  span?: boolean;
}

// "(was due Nov 20)", "overdue since March 3", "expired on Jun 1": a month and day without a year
// after these words is the last one, not the next (chrono counts forward).
const PAST_CONTEXT = /\b(?:(?:was|were|had\s+been|became)\s+(?:due|expected|paid|sent)|overdue\s+since|since|expired|last)\s*(?:on\s+|in\s+)?$/i;

// Used by findDueDate: each date the text writes out, with where it is (so the rules that follow
// do not read its weekday again), counted forward from `today`.
export function readCalendarDates(text: string, today: Date): CalendarDate[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const found: CalendarDate[] = [];
  for (const result of loadChrono().casual.parse(text, today, { forwardDate: true })) {
    if (!isWrittenOutDate(result, text)) continue;
    const date = result.start.date();
    let day = new Date(date.getFullYear(), date.getMonth(), date.getDate());
    // Without a year, a day over 11 months ahead is one just passed ("the outage on Feb 8", said on Feb 10).
    if (day > today && !result.start.isCertain('year') && (PAST_CONTEXT.test(text.slice(Math.max(0, result.index - 30), result.index)) || day.getTime() - today.getTime() > FAR_AHEAD_MS)) {
      day = new Date(day.getFullYear() - 1, day.getMonth(), day.getDate());
    }
    found.push({ index: result.index, length: result.text.length, date: day, ...(spansDays(result) ? { span: true } : {}) });
  }
  return found;
}

// "Jan 14-16" spans days; "Thu Apr 11, 2024 11am - 12pm" is one day's hours.
function spansDays(result: ChronoResult): boolean {
  return !!result.end && result.end.date().toDateString() !== result.start.date().toDateString();
}

function isWrittenOutDate(result: ChronoResult, text: string): boolean {
  // "now", "today", "tonight": our own rules read those (chrono would read "now has the latest version").
  const tags = result.tags();
  if (tags.has('result/relativeDate')) return /^(?:in|within)\s+a\s+month$/i.test(result.text);
  if (!/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(result.text)) return false;
  if (!result.start.isCertain('day') || !result.start.isCertain('month')) return false;
  const slash = SLASH_DATE.exec(result.text.trim());
  if (slash) {
    // "1/2 cup", "3.5 stars", "v1.2": a slash or dotted pair is a date only with a year or a day past 12.
    const [first, second] = result.text.split(/[/.]/).map(Number) as [number, number];
    // A sentence may end right after it ("renews 12/20."), but "12/20.5" is no date.
    const after = text.slice(result.index + result.text.length, result.index + result.text.length + 2);
    return /^(?:$|[\s,;:)]|\.(?!\d))/.test(after) && (slash[1] !== undefined || first > 12 || second > 12);
  }
  return true;
}
