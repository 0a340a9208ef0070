import { readCalendarDates } from './calendar-dates.js';

// Due dates (YYYY-MM-DD) from the item's own `due` field or from its words, relative to when it
// arrived (local time). Choices, each tested in test/planning/due-date.test.ts:
// - the frontmatter `due` wins when it is a real date; otherwise the earliest date found wins;
// - ISO dates before the day the item arrived are ignored (an "invoice dated 2025-01-03");
// - "by/on/this/until/till/before/due Friday" is the next Friday after today: said on a Friday it
//   means a week later (someone meaning today writes "today"); "next Friday" is the Friday of next
//   (Monday-based) week; "sat"/"sun" are not read as weekdays ("focus on sun protection");
// - "next week" is the Monday of next week; "end of week"/"EOW" the Friday on or after today
//   (said on a weekend: the coming Friday); "end of month"/"EOM" the month's last day;
// - "this weekend" is its Saturday, "next weekend" next week's; "due last Friday" is that past day;
// - "end of next week" is next week's Friday; "EOD Wednesday" that Wednesday; "before Christmas" Dec 25;
// - "today", "tonight", "EOD", "COB", "end of day" are the day it arrived; "in/within N days|weeks";
//   "day after tomorrow"; "by the 15th" (this month's, or next month's once passed); "the 1st of next month";
// - dates written out ("Dec 15", "15/12", "Thursday 10 Dec") are read by chrono-node (calendar-dates.ts);
// - a Tasks line's 📅 date counts even when past (the task is overdue).

const DAY = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_ABBREVIATIONS = new Map(Object.entries({ mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5 }));
const COUNT_WORDS = new Map(Object.entries({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'a couple of': 2, 'a few': 3,
}));
const MAX_OFFSET_DAYS = 366 * 2;

type Resolve = (match: RegExpMatchArray, today: Date) => Date | undefined;

const TASK_DUE = /(?:📅\s*|\[due::\s*)(\d{4}-\d{2}-\d{2})\]?/giu;
// Stands in for a date chrono-node has read, so no rule reads its words again.
const WRITTEN_DATE = '\uE000';
const DAY_AFTER_TOMORROW = /\b(?:the\s+)?day\s+after\s+tomorrow\b/gi;

const NEXT_WEEK = /\bnext\s+week\b/gi;
// Phrases naming a stretch of time rather than a day: used only when no day is named.
const VAGUE = new Set<RegExp>([NEXT_WEEK]);

// The weekday is a lookahead so "due by Friday" still sees "by Friday" after "due by".
// "before noon Monday", "by 5pm Friday": a time of day may come between.
const WEEKDAY_AFTER_WORD = /\b(by|on|this|next|until|till|before|due)\s+(?:(?:noon|midday|midnight|\d{1,2}(?::\d{2})?\s*(?:am|pm)?)\s+(?:on\s+)?)?(?=([a-z]+)\b)/gi;
// "How's Tuesday at 11?", "Wednesday 1 PM", "Friday morning works": a weekday with a time of day is an appointment's day.
const WEEKDAY_WITH_TIME = /\b([a-z]+day|mon|tues?|wed|thur?s?|fri)\s+(?:at\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?|\d{1,2}(?::\d{2})?\s*(?:am|pm)|(?:morning|afternoon|evening|noon|lunch(?:time)?))\b/gi;
// An appointment's weekday said with "next week" ("Lunch next week? Wednesday 1 PM") is next week's;
// a deadline's ("by Friday") is not moved by a "next week" said of something else.
const WEEKDAYS = new Set<RegExp>([WEEKDAY_WITH_TIME]);

const RULES: Array<[RegExp, Resolve]> = [
  [/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (m, today) => readIsoDate(m[0], today)],
  // "COB February 22nd", "end of day Wednesday": that day's close of business, not today's.
  [/\b(?:today|tonight)\b(?![\s,]*(?:on\s+)?\uE000)/gi, (_m, today) => today],
  [/\b(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+(?:business|play))\b(?![\s,]*(?:on\s+)?(?:\uE000|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b))/gi, (_m, today) => today],
  [/\b(?:eod|cob|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+(?:business|play))[\s,]+(?:on\s+)?(?=([a-z]+)\b)/gi, (m, today) => resolveWeekday('by', m[1]!, today)],
  [/\btomorrow\b/gi, (_m, today) => addDays(today, 1)],
  // "by the 15th", "before the 1st": that day of this month, or of the next once it has passed.
  [/\b(?:by|before|until|till|due|on)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\s+next\s+month)/gi, (m, today) => resolveDayOfMonth(Number(m[1]), today, 0)],
  [/\bthe\s+(\d{1,2})(?:st|nd|rd|th)\s+of\s+next\s+month\b/gi, (m, today) => resolveDayOfMonth(Number(m[1]), today, 1)],
  // The weekday is a lookahead so "due by Friday" still sees "by Friday" after "due by".
  // "before noon Monday", "by 5pm Friday": a time of day may come between.
  [WEEKDAY_AFTER_WORD, (m, today) => resolveWeekday(m[1]!, m[2]!, today)],
  [WEEKDAY_WITH_TIME, (m, today) => resolveWeekday('on', m[1]!, today)],
  [NEXT_WEEK, (_m, today) => addDays(today, 7 - ((today.getDay() + 6) % 7))],
  // "this weekend": its Saturday (today, said on a Sunday); "next weekend": the Saturday of next week.
  [/\bthis\s+weekend\b/gi, (_m, today) => (today.getDay() === 0 ? today : addDays(today, 6 - today.getDay()))],
  [/\bnext\s+weekend\b/gi, (_m, today) => addDays(today, 7 - ((today.getDay() + 6) % 7) + 5)],
  // "was due last Friday", "due back last Monday": a past day, so the item is overdue.
  [/\bdue\s+(?:back\s+)?last\s+(?=([a-z]+)\b)/gi, (m, today) => resolvePastWeekday(m[1]!, today)],
  [/\bend\s+of\s+(?:the\s+|this\s+)?week\b|\beow\b/gi, (_m, today) => addDays(today, (5 - today.getDay() + 7) % 7)],
  [/\bend\s+of\s+next\s+week\b/gi, (_m, today) => addDays(today, 7 - ((today.getDay() + 6) % 7) + 4)],
  // Holidays by name: this year's, or next year's once passed.
  [/\b(?:christmas\s+eve|xmas\s+eve)\b/gi, (_m, today) => nextDayOfYear(11, 24, today)],
  [/\b(?:christmas|xmas)(?!\s+eve)\b/gi, (_m, today) => nextDayOfYear(11, 25, today)],
  [/\bnew\s+year['’]?s\s+eve\b/gi, (_m, today) => nextDayOfYear(11, 31, today)],
  [/\bend\s+of\s+(?:the\s+|this\s+)?month\b|\beom\b/gi, (_m, today) => new Date(today.getFullYear(), today.getMonth() + 1, 0)],
  [/\b(?:in|within)\s+(\d{1,3}|a couple of|a few|[a-z]+)\s+(days?|weeks?)\b/gi, (m, today) => resolveOffset(m[1]!, m[2]!, today)],
  // "This link expires in 24 hours", "valid for the next 48 hours": the day it runs out.
  [/\b(?:expires?|expiring|valid|ends?)\s+(?:only\s+)?(?:in|within|for)\s+(?:the\s+next\s+)?(\d{1,3}|a couple of|a few|[a-z]+)\s+(hours?|days?|weeks?)\b/gi, (m, today) => resolveOffset(m[1]!, m[2]!, today)],
];

// Used to format a local calendar day the way plans and Obsidian Tasks write it.
export function formatLocalDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// Used for the item's frontmatter `due`: a YYYY-MM-DD string (or an ISO time starting with one)
// naming a real calendar day; undefined otherwise.
export function readOwnDue(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value);
  return match && isCalendarDate(match[1]!) ? match[1] : undefined;
}

// Used by the rules planner: the earliest due date the text names, relative to `received`.
export function findDueDate(words: string, received: Date): string | undefined {
  const today = new Date(received.getFullYear(), received.getMonth(), received.getDate());
  // Not deadlines: a recurrence ("🔁 every week on Monday"), a done, created or scheduled date, a
  // ticked task, a line that is only a date (a daily note's name), a section heading ("## Do today"),
  // a forwarded message's header lines ("Date: 13 Sep 2001").
  let text = words
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^ \]]\].*$/gm, ' ')
        // (Each alternative starts with a non-blank, so a long run of blanks is not tried in many ways.)
    .replace(/^[ \t]*(?:#{2,6}[ \t]+.*|(?:#[ \t]*)?\d{4}-\d{2}-\d{2}[ \t]*|(?:>[> \t]*)?[*_]{0,2}(?:date|sent|from|to|cc|subject)[ \t]*:.*)$/gim, ' ')
    // "if it was scheduled for tomorrow": a hypothetical's date is no deadline.
    .replace(/\b(?:if|unless|suppose|imagine|as\s+if|even\s+if)\b(?=[^,;:.!?\n]{0,200}?\b(?:was|were|had|would|could|might)\b)[^,;:.!?\n]{0,300}/gi, ' ')
    .replace(/(?:🔁[^📅⏳🛫⏫🔼🔽⏬🔺\n]*|[✅❌➕⏳🛫]\s*\d{4}-\d{2}-\d{2})/gu, ' ')
    // A link's digits are no date ("…/2026/02/17/issue").
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  const days: Date[] = [];
  // A task's own 📅 date counts even when it has passed: the task is overdue.
  // So does a Dataview field, [due:: 2026-12-01].
  for (const match of text.matchAll(TASK_DUE)) if (isCalendarDate(match[1]!)) days.push(readLocalDate(match[1]!));
  text = text.replace(TASK_DUE, ' ');
  for (const found of readCalendarDates(text, today)) {
    // "Due: February 1, 2023" is overdue, not void: a past date counts only right after "due".
    if (found.span) {
      // A span says when something happens ("the conference (Jan 14-16)"), unless it is a deadline's.
    } else if (found.date >= today || /\bdue\b[\s:]*(?:on\s+|by\s+|date\s*:?\s*)?$/i.test(text.slice(Math.max(0, found.index - 20), found.index))) days.push(found.date);
    text = text.slice(0, found.index) + WRITTEN_DATE.repeat(found.length) + text.slice(found.index + found.length);
  }
  // Read once, then blanked out, so "tomorrow" does not read it again.
  text = text.replace(DAY_AFTER_TOMORROW, () => (days.push(addDays(today, 2)), ' '));
  const vague: Date[] = [];
  const nextMonday = addDays(today, 7 - ((today.getDay() + 6) % 7));
  const inNextWeek = NEXT_WEEK.test(text);
  NEXT_WEEK.lastIndex = 0;
  for (const [pattern, resolve] of RULES) {
    for (const match of text.matchAll(pattern)) {
      const date = resolve(match, today);
      if (!date) continue;
      if (VAGUE.has(pattern)) vague.push(date);
      else days.push(inNextWeek && WEEKDAYS.has(pattern) && date < nextMonday ? addDays(date, 7) : date);
    }
  }
  // "Next week catch-up? I'm free on Wednesday": the day named beats the week it is in.
  if (days.length === 0) days.push(...vague);
  const earliest = days.filter((day) => day.getTime() - today.getTime() <= MAX_OFFSET_DAYS * 86_400_000).sort((a, b) => a.getTime() - b.getTime())[0];
  return earliest ? formatLocalDate(earliest) : undefined;
}

// Used by the rules planner: the item's own `due` wins, else the earliest date in its words.
export function chooseDueDate(ownDue: unknown, text: string, received: Date): string | undefined {
  return readOwnDue(ownDue) ?? findDueDate(text, received);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

function readLocalDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

function resolveDayOfMonth(day: number, today: Date, monthsAhead: number): Date | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let ahead = monthsAhead; ahead < monthsAhead + 3; ahead++) {
    const date = new Date(today.getFullYear(), today.getMonth() + ahead, day);
    if (date.getDate() !== day) continue; // the 31st of a shorter month
    if (monthsAhead > 0 || date >= today) return date;
  }
  return undefined;
}

function readIsoDate(iso: string, today: Date): Date | undefined {
  if (!isCalendarDate(iso)) return undefined;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  return date < today ? undefined : date;
}

function readWeekday(word: string): number | undefined {
  const lower = word.toLowerCase();
  const full = DAY.indexOf(lower);
  return full >= 0 ? full : DAY_ABBREVIATIONS.get(lower);
}

function resolveWeekday(preposition: string, word: string, today: Date): Date | undefined {
  const weekday = readWeekday(word);
  if (weekday === undefined) return undefined;
  if (preposition.toLowerCase() === 'next') {
    const nextMonday = addDays(today, 7 - ((today.getDay() + 6) % 7));
    return addDays(nextMonday, (weekday + 6) % 7);
  }
  return addDays(today, ((weekday - today.getDay() + 6) % 7) + 1);
}

function nextDayOfYear(month: number, day: number, today: Date): Date {
  const date = new Date(today.getFullYear(), month, day);
  return date < today ? new Date(today.getFullYear() + 1, month, day) : date;
}

function resolvePastWeekday(word: string, today: Date): Date | undefined {
  const weekday = readWeekday(word);
  return weekday === undefined ? undefined : addDays(today, -(((today.getDay() - weekday + 6) % 7) + 1));
}

function resolveOffset(count: string, unit: string, today: Date): Date | undefined {
  const lower = count.toLowerCase().replace(/\s+/g, ' ');
  const n = /^\d+$/.test(lower) ? Number(lower) : COUNT_WORDS.get(lower);
  if (n === undefined) return undefined;
  const lowerUnit = unit.toLowerCase();
  const days = lowerUnit.startsWith('week') ? n * 7 : lowerUnit.startsWith('hour') ? Math.ceil(n / 24) : n;
  return days > MAX_OFFSET_DAYS ? undefined : addDays(today, days);
}
