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
}
interface ChronoEnglish {
  casual: { parse(text: string, ref: Date, options: { forwardDate: boolean }): ChronoResult[] };
}

// Only text that could hold such a date pays for loading chrono (~30 ms, once).
const MAY_HOLD_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d|\d\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)|\b\d{1,2}[/.]\d{1,2}\b|\b(?:in|within)\s+a\s+month\b/i;
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
}

// Used by findDueDate: each date the text writes out, with where it is (so the rules that follow
// do not read its weekday again), counted forward from `today`.
export function readCalendarDates(text: string, today: Date): CalendarDate[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const found: CalendarDate[] = [];
  for (const result of loadChrono().casual.parse(text, today, { forwardDate: true })) {
    if (!isWrittenOutDate(result, text)) continue;
    const date = result.start.date();
    found.push({ index: result.index, length: result.text.length, date: new Date(date.getFullYear(), date.getMonth(), date.getDate()) });
  }
  return found;
}

function isWrittenOutDate(result: ChronoResult, text: string): boolean {
  const tags = result.tags();
  if (tags.has('result/relativeDate')) return /^(?:in|within)\s+a\s+month$/i.test(result.text);
  if (!result.start.isCertain('day') || !result.start.isCertain('month')) return false;
  const slash = SLASH_DATE.exec(result.text.trim());
  if (slash) {
    // "1/2 cup", "3.5 stars", "v1.2": a slash or dotted pair is a date only with a year or a day past 12.
    const [first, second] = result.text.split(/[/.]/).map(Number) as [number, number];
    const after = text.slice(result.index + result.text.length, result.index + result.text.length + 1);
    return /^[\s,;:)]?$/.test(after) && (slash[1] !== undefined || first > 12 || second > 12);
  }
  return true;
}
