import { chooseTitle, writeObjective } from './describe-item.js';
import { chooseDueDate, formatLocalDate, readOwnDue } from './due-date.js';
import { isAlert, isInvitation } from './email-steps.js';
import { isReceipt, owesMoney } from './money.js';
import { looksLikeScam, SCAM_STEPS } from './scam-signs.js';
import { readHandbookKeywords } from './handbook-keywords.js';
import { readKindTag, readStringField, readUserText } from './item-text.js';
import type { PlanContext, PlanDraft, PlanItem } from '../planner.js';
import { choosePriority } from './priority.js';
import { normalizePriority } from '../../items/priority.js';
import { isReferenceNote } from './reference-note.js';
import { buildSteps, readCheckboxSteps, readDeadlineText, readListItems } from './steps.js';
import { readQuestions, readRequests } from './requests.js';

const TAG = /^[\p{L}\p{N}_/-]{1,60}$/u;
const RECEIPT_STEPS = [{ text: 'A receipt: nothing to pay; keep it for your records' }, { text: 'File it' }];

// Used by the task-planner stage for every item (and as the command planner's fallback):
// deterministic, offline and pure — the same item and context always give the same draft.
export function planWithRules(item: PlanItem, ctx: PlanContext): PlanDraft {
  const keywords = readHandbookKeywords(ctx.handbook);
  const title = chooseTitle(item);
  const ownTags = readOwnTags(item.frontmatter.tags);
  const tags = [...new Set(['ai-employee', readKindTag(item), ...ownTags])];
  if (isReferenceNote(item)) return planReference(item, title, tags);
  const sent = item.email?.date;
  const received = sent && !Number.isNaN(sent.getTime()) ? sent : Number.isNaN(item.received.getTime()) ? ctx.now : item.received;
  const userText = readUserText(item);
  const requests = readRequests(userText, item.kind === 'email');
  const ownTasks = readCheckboxSteps(item.text);
  // "Physio receipt: … fill in the claim form": the user's own note that asks is no receipt.
  const receipt = ownTasks.length === 0 && !(item.kind === 'note' && requests.length > 0) && isReceipt([item.title, item.email?.subject, userText].join('\n'));
  // A scam's "respond urgently" is no request of the user's: it is treated as a machine's mail.
  const scam = item.kind === 'email' && looksLikeScam([item.email?.subject, userText].join('\n'));
  const sentByMachine = scam || !!(item.email?.bulk || item.email?.automated);
  // A person's question asks for an answer, an invitation for an RSVP; a receipt asks for nothing.
  const asks = !receipt && !scam && (requests.length > 0 || ownTasks.length > 0 || readListItems(item).length > 0 || isInvitation(item) || (item.kind === 'email' && !sentByMachine && readQuestions(userText).length > 0));
  // An email's subject names the thread's event ("Team Dinner on Friday"): a deadline only when the
  // email asks for something, not on a reply that only informs.
  const subject = item.kind === 'email' && !asks ? undefined : item.title;
  const dateWords = [readStringField(item, 'title'), subject, readDeadlineText(userText)].join('\n');
  // A machine's mail that asks nothing has no deadline of the user's ("Next Week" in an advert).
  const due = sentByMachine && !asks ? readOwnDue(item.frontmatter.due) : chooseDueDate(item.frontmatter.due, dateWords, received);
  // Urgency counts where it matters: the title and subject, and the sentences that ask for something.
  const words = [title, item.email?.subject, item.stem, ...ownTags, ...requests, ...ownTasks.map((s) => s.text)].join('\n');
  // A ticked task is done: its words ("give notice to landlord") no longer weigh.
  const allWords = [words, userText.replace(TICKED_TASK, '')].join('\n');
  const owed = owesMoney(allWords);
  // A file whose text could not be read may ask anything: it is not taken for reference.
  const unread = item.kind !== 'note' && userText.trim() === '';
  const priority = choosePriority(item.frontmatter.priority, words, {
    high: [...keywords.high, ...ctx.highKeywords],
    low: keywords.low,
  }, { asks: asks || unread, soon: isSoon(due, received), sentByMachine, dated: due !== undefined, moneyOwed: owed && isWithinDays(due, received, 7), alert: !scam && isAlert(item) }, allWords);
  return {
    title,
    objective: writeObjective(item, title),
    steps: scam ? SCAM_STEPS : receipt ? RECEIPT_STEPS : buildSteps(item, due, priority === 'high', asks || due !== undefined, owed),
    priority,
    ...(due ? { due } : {}),
    tags,
    planner: 'rules',
  };
}

// Blanks, not \s: a line-anchored \s* would run across every following blank line (quadratic).
const TICKED_TASK = /^(?:[ \t]*>)*[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^ \]]\].*$/gm;

// A clipping, help page or recipe (reference-note.ts): kept, not done. The user's own priority and
// due fields still win.
function planReference(item: PlanItem, title: string, tags: string[]): PlanDraft {
  const due = readOwnDue(item.frontmatter.due);
  return {
    title,
    objective: writeObjective(item, title),
    steps: [{ text: `Keep "${title}" for reference: nothing is asked (tick to file it in Done/)`, ...(due ? { due } : {}) }],
    priority: normalizePriority(item.frontmatter.priority) ?? 'low',
    ...(due ? { due } : {}),
    tags,
    planner: 'rules',
  };
}

// Money owed weighs when it is due within the week, or overdue: a bill due in a month is normal.
function isWithinDays(due: string | undefined, received: Date, days: number): boolean {
  return !!due && due <= formatLocalDate(new Date(received.getFullYear(), received.getMonth(), received.getDate() + days));
}

// §7's "deadline within two days", for deadlines that name a day (they end when the day ends): one
// due today or tomorrow ends within 48 hours of when the item arrived (or was sent); "by Friday" said
// on a Wednesday morning ends later, and is a plan for the week, not an emergency.
function isSoon(due: string | undefined, received: Date): boolean {
  if (!due) return false;
  return due <= formatLocalDate(new Date(received.getFullYear(), received.getMonth(), received.getDate() + 1));
}

// Used for the item's own `tags`: a list of strings, or one string of comma/space-separated tags;
// a leading "#" is dropped and anything that is not a valid Obsidian tag is left out.
export function readOwnTags(value: unknown): string[] {
  const raw = typeof value === 'string' ? value.split(/[,\s]+/) : Array.isArray(value) ? value : [];
  return raw
    .filter((tag): tag is string => typeof tag === 'string')
    .map((tag) => tag.trim().replace(/^#/, ''))
    .filter((tag) => TAG.test(tag));
}
