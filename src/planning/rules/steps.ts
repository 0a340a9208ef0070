import { readItemKind, readProseLines, readUserText } from './item-text.js';
import { writeEmailSteps } from './email-steps.js';
import { compilePhrases } from './phrases.js';
import type { PlanItem, PlanStep } from '../planner.js';
import { toSingleLine } from '../single-line.js';
import { rememberLast } from './remember-last.js';

// Steps of a rules plan, in order of preference: the item's own unchecked checkboxes, else its
// action sentences, else steps suited to its kind. Nothing generic is appended: the user's own
// list is the plan, and each kind's fallback already ends with a closing step.
// The item's due date goes on the last step only (the deadline is for finishing the item; a date on
// every step would flood Tasks' "due" views), unless a checkbox carries its own 📅 date; ⏫ goes on
// every step of a high-priority item, so Tasks' priority queries find all of them.

// Used to cap what an item can put into a plan: at most 10 steps of at most 200 characters.
export const MAX_STEPS = 10;
export const MAX_STEP_LENGTH = 200;

// Used to recognise action sentences (whole words, any case).
export const ACTION_VERBS = [
  'reply', 'respond', 'send', 'pay', 'call', 'phone', 'schedule', 'review', 'book', 'prepare', 'sign',
  'follow up', 'email', 'submit', 'renew', 'confirm', 'buy', 'order', 'fix', 'update', 'check',
  'cancel', 'contact', 'write', 'draft', 'finish', 'complete', 'arrange', 'register', 'apply', 'print',
  'scan', 'return', 'remind', 'ask', 'discuss', 'approve', 'forward', 'share', 'upload',
  'fill in', 'fill out', 'read', 'visit', 'collect', 'pick up', 'drop off', 'transfer', 'invite',
  'reset', 'get', 'bring', 'take', 'find', 'give', 'set up', 'put', 'tell', 'show', 'join', 'attend',
  'move', 'add', 'remove', 'delete', 'change', 'create', 'organize', 'organise', 'plan', 'clean',
  'install', 'test', 'verify', 'ensure', 'provide', 'request', 'reserve', 'notify', 'inform', 'let',
  'make', 'meet', 'deliver', 'post', 'mail', 'ship', 'file', 'backup', 'back up', 'restart', 'rotate',
  'revoke', 'grant', 'migrate', 'deploy', 'merge', 'publish', 'edit', 'translate', 'research', 'look into',
  'investigate', 'decide', 'choose', 'agree', 'accept', 'decline', 'reject', 'resend', 'refund',
  'reimburse', 'invoice', 'quote', 'estimate', 'sort out', 'clear', 'tidy', 'repair', 'replace', 'water',
  'feed', 'walk', 'cook', 'wash', 'charge', 'top up', 'book in', 'sign up', 'log in', 'download',
];

// Lines that are an email's or a website's boilerplate, never an action of the item's.
const BOILERPLATE = /\b(?:unsubscribe|help cent(?:er|re)|privacy policy|terms of (?:service|use)|view (?:this|it) in your browser|reply to this (?:e-?mail|message)|do not reply|don['’]t reply|if you have any questions|for further assistance|manage (?:your )?(?:preferences|subscription)|you (?:are )?receiv(?:e|ed|ing) this|click here|all rights reserved|sent from my)\b/i;

const FALLBACK: Record<ReturnType<typeof readItemKind>, (name: string, item: PlanItem) => string[]> = {
  email: (_name, item) => writeEmailSteps(item, readQuestions(readUserText(item))[0]),
  pdf: (name) => [`Review the document ${name}`, 'Note any amounts, dates or actions it asks for', 'File the document'],
  image: (name) => [`Look at the image ${name}`, 'File it where it belongs'],
  file: (name) => [`Open and review ${name}`, 'Decide the next action'],
  note: () => ['Review the note', 'Decide the next action'],
};

// Tasks inside a callout ("> - [ ] x") are tasks too.
const CHECKBOX = /^(?:\s*>)*\s*(?:[-*+]|\d+[.)])\s+\[([^\]])\]\s+(.*\S)\s*$/;
const DUE_SIGNIFIER = /📅\s*(\d{4}-\d{2}-\d{2})/u;
// Where an Obsidian Tasks line's fields begin: its first priority, date, recurrence or id sign.
const TASK_FIELDS = /\s*(?:[⏫🔼🔽⏬🔺📅⏳🛫➕🔁✅❌🆔⛔]|🏁)/u;
const POLITE_START = /^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,.!?]{0,40}[,!]\s*|(?:please|pls|kindly|also|then|and)[,\s]+|(?:can|could|would|will)\s+you\s+(?:please\s+)?)+/i;
// "Could you get them to me by tomorrow?": a request for any verb.
const REQUEST = /^(?:(?:hi|hello|hey|dear)\b[^,.!?]{0,40}[,!]\s*)?(?:can|could|would|will)\s+you\s+(?:please\s+)?[a-z]{2,}\b/i;

// Used by the rules planner for every item; `asks` is false when the item asks nothing and names no deadline.
// `owed` is true when it asks for money (an invoice, a bill): paying is then the first step of a document.
export function buildSteps(item: PlanItem, due: string | undefined, high: boolean, asks = true, owed = false): PlanStep[] {
  const own = readCheckboxSteps(item.text);
  const found: PlanStep[] = own.length > 0 ? own : readActionSentences(readUserText(item)).map((text) => ({ text }));
  const paying = owed && own.length === 0 && readItemKind(item) !== 'note' && !found.some((step) => /\bpay\b/i.test(step.text));
  const pay: PlanStep[] = paying ? [{ text: 'Pay the invoice (check the amount and the payee first)' }] : [];
  const fallback = found.length > 0 ? [] : fallbackSteps(item, asks);
  // Found steps come after paying; a fallback's "Review the document" comes before it.
  const steps = found.length > 0 ? [...pay, ...found] : [...fallback.slice(0, 1), ...pay, ...fallback.slice(1)];
  return steps.map((step, index) => {
    if (step.fields) return high && !/[⏫🔼🔽⏬🔺]/u.test(step.fields) ? { ...step, fields: `⏫ ${step.fields}`, high: true } : step;
    const stepDue = step.due ?? (index === steps.length - 1 ? due : undefined);
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

// Used when the item has no checkboxes: sentences asking for an action, either starting with an
// action verb ("Send the report", "Please pay…", "Could you call…?") or naming one after a modal
// ("We need to renew…", "Don't forget to book…"). A mere mention ("Thanks for your email") is not a step.
export function readActionSentences(text: string): string[] {
  const steps: string[] = [];
  const seen = new Set<string>();
  for (const sentence of readRequests(text)) {
    const action = sentence.replace(CLICK_TO, '').replace(/:\s*\S*https?:\/\/\S*$/, '');
    const step = toSingleLine(capitalize(action.replace(POLITE_START, '').replace(/[.!?]+$/, '')), MAX_STEP_LENGTH);
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
  const texts = !asks && kind === 'note' ? NOTHING_ASKED : FALLBACK[kind](name, item);
  return texts.map((text) => ({ text }));
}

// A note that asks nothing and names no date is something to keep (a recipe, a reading note, minutes).
const NOTHING_ASKED = ['Nothing is asked here: keep it for reference (tick to file it in Done/)'];

// A leading verb must be followed by a word ("Update the address", not "Update: we moved").
const VERB = compilePhrases(ACTION_VERBS)!.source;
const LEADING_VERB = new RegExp(`^${VERB}(?=\\s+[\\p{L}\\p{N}"'“‘])`, 'iu');
const MODAL_VERB = new RegExp(
  `\\b(?:please|kindly|(?<!\\b(?:may|might)\\s)needs?\\s+to|have\\s+to|has\\s+to|must|should|remember\\s+to|(?:don['’]t|do\\s+not)\\s+forget\\s+to|` +
    `(?:can|could|would|will)\\s+you|i['’]ll|we['’]ll|i\\s+will|we\\s+will|going\\s+to)\\s+(?:please\\s+|also\\s+)?${VERB}`,
  'iu',
);

// "Invoice 4711 is overdue; pay it by Friday": the action is the clause after the semicolon.
const LATER_CLAUSE_VERB = new RegExp(`;\\s+(?:please\\s+)?${VERB}(?=\\s+[\\p{L}\\p{N}"'“‘])`, 'iu');

// "Click here to reset your password", "Use this link to confirm…": the action is what follows "to".
const CLICK_TO = /^(?:please\s+)?(?:click|tap|use|follow|visit|open)\b[^.!?]{0,60}?\bto\s+/i;

// "File name : x.js", "Check number: 42": a form's label, not an imperative.
const LABEL_LINE = /^[\p{L}]+\s+[\p{L}]+\s*:\s/u;

function isActionSentence(sentence: string): boolean {
  const clickTo = CLICK_TO.exec(sentence);
  if (clickTo) return LEADING_VERB.test(sentence.slice(clickTo[0].length));
  if (BOILERPLATE.test(sentence) || LABEL_LINE.test(sentence)) return false;
  return LEADING_VERB.test(sentence.replace(POLITE_START, '')) || LATER_CLAUSE_VERB.test(sentence) || MODAL_VERB.test(sentence) || (REQUEST.test(sentence) && !/^(?:hi|hello|hey|dear)?[^,]*\byou\s+(?:please\s+)?(?:be|have|know|like|mind|think)\b/i.test(sentence));
}

// Used by priority: the sentences of an item that ask for something.
export const readRequests = rememberLast((text): readonly string[] => readSentences(text).filter(isActionSentence));

// Used for an email's reply step and priority: the questions it asks (not rhetorical one-worders).
export function readQuestions(text: string): string[] {
  return readSentences(text).filter((sentence) => /\?$/.test(sentence) && sentence.split(/\s+/).length >= 4 && !BOILERPLATE.test(sentence));
}

// Used for the due date: the lines and sentences where a deadline can be — tasks, requests, and
// sentences naming one ("due", "by", "deadline", "expires"…); not a diff's date or a story's.
export function readDeadlineText(text: string): string {
  const tasks = readProseLines(text).filter((line) => CHECKBOX.test(line));
  const sentences = readSentences(text).filter((sentence) => !QUOTE_ATTRIBUTION.test(sentence) && (isActionSentence(sentence) || DEADLINE_WORD.test(sentence)));
  return [...tasks, ...sentences].join('\n');
}

// "On 5/7/2019 11:44 AM, Kenneth wrote:" dates the quoted message, not a deadline.
const QUOTE_ATTRIBUTION = /^(?:on\b.{0,120}\bwrote:|-{2,}\s*(?:original|forwarded) message)/i;
const DEADLINE_WORD = /\b(?:due|deadline|by|before|until|till|no later than|expires?|expiring|valid|ends?|latest|need(?:s|ed)?|must|please|when|meet|meeting|on|invit\w*|eod|cob|eow|asap)\b|\?/i;

const readSentences = rememberLast((text): readonly string[] => {
  const sentences: string[] = [];
  for (const line of readParagraphs(text)) {
    sentences.push(...line.split(/(?<=[.!?])\s+|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])/).map((s) => s.trim()).filter((s) => s !== ''));
  }
  return sentences;
});

// Lines of prose, a hard-wrapped paragraph (as in most plain-text mail) joined back into one line;
// list items, headings, quotes, tables and tasks are their own lines or left out.
function readParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let open = false;
  for (const raw of readProseLines(text)) {
    if (/^\s*(?:#|>|\||!?\[\[)/.test(raw) || CHECKBOX.test(raw) || raw.trim() === '') {
      open = false;
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+/.test(raw);
    const line = raw
      .replace(/<[^>]{0,200}>/g, ' ')
      .replace(/\*\*|__|`/g, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
      .trim();
    const previous = paragraphs.length - 1;
    if (open && !item && !/[.!?:]$/.test(paragraphs[previous]!) && /^[\p{Ll}\p{N}`'"(]/u.test(line)) paragraphs[previous] += ` ${line}`;
    else paragraphs.push(line);
    open = true;
  }
  return paragraphs;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
