import { readItemKind, readProseLines, readUserText } from './item-text.js';
import { chooseTitle } from './describe-item.js';
import { writeEmailSteps } from './email-steps.js';
import type { PlanItem, PlanStep } from '../planner.js';
import { readOwnRequests, readQuestions, readRequestList } from './requests.js';
import { CHECKBOX, readSentences } from './sentences.js';
import { toSingleLine } from '../single-line.js';


// Steps of a rules plan, in order of preference: the item's own unchecked checkboxes, else its
// action sentences, else steps suited to its kind. Nothing generic is appended: the user's own
// list is the plan, and each kind's fallback already ends with a closing step.
// A checkbox copied from the item keeps exactly the fields the user wrote (no ⏫ or 📅 of the plan's:
// Tasks shows both copies, and the user never set them). On steps the planner writes, the item's due
// date goes on the last step only (the deadline is for finishing the item; a date on every step
// would flood Tasks' "due" views), and ⏫ on every step of a high-priority item.

// Used to cap what an item can put into a plan: at most 10 steps of at most 200 characters.
export const MAX_STEPS = 10;
export const MAX_STEP_LENGTH = 200;

const FALLBACK: Record<ReturnType<typeof readItemKind>, (name: string, item: PlanItem, asks: boolean) => string[]> = {
  email: (_name, item, asks) => writeEmailSteps(item, readQuestions(readUserText(item))[0], asks),
  pdf: (name) => [`Review the document ${name}`, 'Note any amounts, dates or actions it asks for', 'File the document'],
  image: (name) => [`Look at the image ${name}`, 'File it where it belongs'],
  file: (name) => [`Open and review ${name}`, 'Decide the next action'],
  note: (_name, item) => [`Review the note "${chooseTitle(item)}"${gistOf(item)}`, 'Decide the next action'],
};

const DUE_SIGNIFIER = /📅\s*(\d{4}-\d{2}-\d{2})/u;
// Where an Obsidian Tasks line's fields begin: its first priority, date, recurrence or id sign.
const TASK_FIELDS = /\s*(?:[⏫🔼🔽⏬🔺📅⏳🛫➕🔁✅❌🆔⛔]|🏁)/u;

// Used by the rules planner for every item; `asks` is false when the item asks nothing and names no deadline.
// `owed` is true when it asks for money (an invoice, a bill): paying is then the first step of a document.
export function buildSteps(item: PlanItem, due: string | undefined, high: boolean, asks = true, owed = false): PlanStep[] {
  const own = readCheckboxSteps(item.text);
  if (own.length > 0) return own;
  // A newsletter's "Book your next adventure" is marketing, not a task.
  const sentences = item.email?.bulk ? [] : readActionSentences(readUserText(item), item.kind === 'email');
  // "I hope you can join." makes the step "Join": a step of one word says what it is about.
  const found: PlanStep[] = (sentences.length > 0 ? sentences.map((text) => (/\s/.test(text) ? text : `${text}: ${chooseTitle(item)}`)) : readListItems(item)).map((text) => ({ text }));
  const paying = owed && readItemKind(item) !== 'note' && !found.some((step) => /\bpay\b/i.test(step.text));
  const pay: PlanStep[] = paying ? [{ text: 'Pay the invoice (check the amount and the payee first)' }] : [];
  const fallback = found.length > 0 ? [] : fallbackSteps(item, asks);
  // Found steps come after paying; a fallback's "Review the document" comes before it.
  const steps = found.length > 0 ? [...pay, ...found] : [...fallback.slice(0, 1), ...pay, ...fallback.slice(1)];
  return steps.map((step, index) => {
    const stepDue = index === steps.length - 1 ? due : undefined;
    return { text: step.text, ...(stepDue ? { due: stepDue } : {}), ...(high ? { high: true } : {}) };
  });
}

// Used for the item's own to-do list: "- [ ] x" / "* [ ] x" / "1. [ ] x" lines; ticked ones are skipped.
export function readCheckboxSteps(text: string): PlanStep[] {
  const steps: PlanStep[] = [];
  for (const line of readProseLines(text)) {
    const match = CHECKBOX.exec(line);
    if (!match || match[1] !== ' ') continue;
    const task = match[2]!;
    const due = DUE_SIGNIFIER.exec(task)?.[1];
    const at = TASK_FIELDS.exec(task)?.index ?? task.length;
    const stepText = toSingleLine(task.slice(0, at), MAX_STEP_LENGTH);
    const fields = toSingleLine(task.slice(at), MAX_STEP_LENGTH);
    if (stepText !== '') steps.push({ text: stepText, ...(due ? { due } : {}), ...(fields ? { fields } : {}) });
    if (steps.length === MAX_STEPS) break;
  }
  return steps;
}

// A note named as a list ("Shopping list", "Groceries", "To do", "Packing list", "Errands").
const LIST_NAME = /\b(?:shopping|grocer(?:y|ies)|to-?\s?dos?|to\s+buy|checklist|packing|errands)\b/i;
const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+(?!\[.\])(.*\S)\s*$/;

// Used when a note named as a list has plain bullets, no checkboxes: each bullet is a step.
export function readListItems(item: PlanItem): string[] {
  if (item.kind !== 'note') return [];
  const text = readUserText(item);
  const heading = /^[ \t]*#{1,6}[ \t]+(.*)$/m.exec(text)?.[1] ?? '';
  if (!LIST_NAME.test(`${chooseTitle(item)}\n${heading}`)) return [];
  const items: string[] = [];
  for (const line of readProseLines(text)) {
    const bullet = BULLET.exec(line)?.[1];
    if (bullet) items.push(toSingleLine(bullet, MAX_STEP_LENGTH));
    if (items.length === MAX_STEPS) break;
  }
  return items;
}

// Used when the item has no checkboxes: the steps its requests make (requests.ts), someone else's
// action items ("Tom: book the photographer") only when there is none of the reader's own.
export function readActionSentences(text: string, byOthers = false): string[] {
  const steps: string[] = [];
  const seen = new Set<string>();
  for (const request of readOwnRequests(text, byOthers)) {
    const step = toSingleLine(request.step, MAX_STEP_LENGTH);
    if (step.length < 3 || seen.has(step.toLowerCase())) continue;
    seen.add(step.toLowerCase());
    steps.push(step);
    if (steps.length === MAX_STEPS) break;
  }
  return steps;
}

function fallbackSteps(item: PlanItem, asks: boolean): PlanStep[] {
  const name = toSingleLine(item.attachment?.name ?? item.stem, 120);
  const kind = readItemKind(item);
  const texts = !asks && kind === 'note' ? [nothingAsked(item)] : FALLBACK[kind](name, item, asks);
  return texts.map((text) => ({ text }));
}

// A note that asks nothing and names no date is something to keep (an idea, a reading note, minutes):
// the step names it, so the task list says what is kept.
function nothingAsked(item: PlanItem): string {
  return `Nothing is asked in "${chooseTitle(item)}"${gistOf(item)}: keep it for reference (tick to file it in Done/)`;
}

// The note's first sentence, in brackets, unless the title already says it.
function gistOf(item: PlanItem): string {
  const first = toSingleLine((readSentences(readUserText(item))[0] ?? '').replace(/[.:;,]+$/, ''), 80);
  return first !== '' && !chooseTitle(item).toLowerCase().includes(first.toLowerCase()) ? ` (${first})` : '';
}

// Used for the due date: the lines and sentences where a deadline can be — tasks, requests, and
// sentences naming one ("due", "by", "deadline", "expires"…); not a diff's date or a story's.
export function readDeadlineText(text: string): string {
  const tasks = readProseLines(text).filter((line) => CHECKBOX.test(line));
  const requests = new Set(readRequestList(text).map((request) => request.sentence));
  const sentences = readSentences(text).filter((sentence) => !QUOTE_ATTRIBUTION.test(sentence) && (requests.has(sentence) || DEADLINE_WORD.test(sentence)));
  return [...tasks, ...sentences].join('\n');
}

// "On 5/7/2019 11:44 AM, Kenneth wrote:" dates the quoted message, not a deadline.
const QUOTE_ATTRIBUTION = /^(?:on\b.{0,120}\bwrote:|-{2,}\s*(?:original|forwarded) message)/i;
const DEADLINE_WORD = /\b(?:due|deadline|by|before|until|till|within|no later than|expires?|expiring|renews?|renewal|valid|ends?|latest|need(?:s|ed)?|must|please|when|meet|meeting|on|invit\w*|eod|cob|eow|asap)\b|\?/i;
