// Due dates (YYYY-MM-DD) from the item's own `due` field or from its words, relative to when it
// arrived (local time). Choices, each tested in test/planning/due-date.test.ts:
// - the frontmatter `due` wins when it is a real date; otherwise the earliest date found wins;
// - ISO dates before the day the item arrived are ignored (an "invoice dated 2025-01-03");
// - "by/on/this/until/till/before/due Friday" is the next Friday after today: said on a Friday it
//   means a week later (someone meaning today writes "today"); "next Friday" is the Friday of next
//   (Monday-based) week; "sat"/"sun" are not read as weekdays ("focus on sun protection");
// - "next week" is the Monday of next week; "end of week"/"EOW" the Friday on or after today
//   (said on a weekend: the coming Friday); "end of month"/"EOM" the month's last day;
// - "today", "tonight", "EOD", "end of day" are the day it arrived; "in/within N days|weeks".

const DAY = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_ABBREVIATIONS = new Map(Object.entries({ mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5 }));
const COUNT_WORDS = new Map(Object.entries({
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'a couple of': 2, 'a few': 3,
}));
const MAX_OFFSET_DAYS = 366 * 2;

type Resolve = (match: RegExpMatchArray, today: Date) => Date | undefined;

const RULES: Array<[RegExp, Resolve]> = [
  [/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (m, today) => readIsoDate(m[0], today)],
  [/\b(?:today|tonight|eod|end\s+of\s+(?:the\s+)?day)\b/gi, (_m, today) => today],
  [/\btomorrow\b/gi, (_m, today) => addDays(today, 1)],
  // The weekday is a lookahead so "due by Friday" still sees "by Friday" after "due by".
  [/\b(by|on|this|next|until|till|before|due)\s+(?=([a-z]+)\b)/gi, (m, today) => resolveWeekday(m[1]!, m[2]!, today)],
  [/\bnext\s+week\b/gi, (_m, today) => addDays(today, 7 - ((today.getDay() + 6) % 7))],
  [/\bend\s+of\s+(?:the\s+|this\s+)?week\b|\beow\b/gi, (_m, today) => addDays(today, (5 - today.getDay() + 7) % 7)],
  [/\bend\s+of\s+(?:the\s+|this\s+)?month\b|\beom\b/gi, (_m, today) => new Date(today.getFullYear(), today.getMonth() + 1, 0)],
  [/\b(?:in|within)\s+(\d{1,3}|a couple of|a few|[a-z]+)\s+(days?|weeks?)\b/gi, (m, today) => resolveOffset(m[1]!, m[2]!, today)],
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
  // A recurrence ("🔁 every week on Monday") is not a deadline; a done or created date is not either.
  const text = words.replace(/(?:🔁[^📅⏳🛫⏫🔼🔽⏬🔺\n]*|[✅❌➕⏳🛫]\s*\d{4}-\d{2}-\d{2})/gu, ' ');
  const today = new Date(received.getFullYear(), received.getMonth(), received.getDate());
  let earliest: string | undefined;
  for (const [pattern, resolve] of RULES) {
    for (const match of text.matchAll(pattern)) {
      const date = resolve(match, today);
      const day = date ? formatLocalDate(date) : undefined;
      if (day && (earliest === undefined || day < earliest)) earliest = day;
    }
  }
  return earliest;
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

function resolveOffset(count: string, unit: string, today: Date): Date | undefined {
  const lower = count.toLowerCase().replace(/\s+/g, ' ');
  const n = /^\d+$/.test(lower) ? Number(lower) : COUNT_WORDS.get(lower);
  if (n === undefined) return undefined;
  const days = unit.toLowerCase().startsWith('week') ? n * 7 : n;
  return days > MAX_OFFSET_DAYS ? undefined : addDays(today, days);
}
