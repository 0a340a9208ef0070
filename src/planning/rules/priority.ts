import type { PriorityKeywords } from './handbook-keywords.js';
import { compilePhrases, hasPhrase, maskPhrases } from './phrases.js';
import { normalizePriority, type Priority } from '../../items/priority.js';

// Words that make an item high or low priority when the item does not say so itself.

// Used when the item has no own priority: any of these (whole words) makes it high.
export const URGENT_WORDS = [
  'urgent', 'urgently', 'asap', 'as soon as possible', 'immediately', 'right away', 'overdue',
  'past due', 'final notice', 'final reminder', 'high priority',
  'top priority', 'critical', 'emergency', 'time sensitive', 'time-sensitive', 'action required',
  // Said of the thing asked, not of a topic ("important dates" stays normal).
  "it's important", 'it’s important', 'it is important', 'very important', 'really important', 'running late',
];

// Negations ("not urgent", "no deadline") are here too: low words are blanked out before the
// urgent words are looked for, so "not urgent" is low while "FYI: the invoice is overdue" is high.
export const RELAXED_WORDS = [
  'someday', 'some day', 'no rush', 'no hurry', 'whenever', 'fyi', 'for your information', 'for information',
  'low priority', 'when you have time', 'when you get a chance', 'not urgent', 'non-urgent',
  'no urgency', 'not a priority', 'not important', 'nice to have', 'eventually', 'at your leisure',
  'no deadline', 'not time sensitive', 'not time-sensitive',
];

// A contingency, not an urgency: "keep some stock in case of emergency", "if urgent, call me".
const CONTINGENCIES = ['in case of emergency', 'in case of an emergency', 'in an emergency', 'emergency contact', 'emergency number', 'if urgent', 'if it is urgent', 'if it’s urgent', "if it's urgent"];

export interface PrioritySignals {
  // The item asks for something (a request or an imperative sentence).
  asks: boolean;
  // Its deadline is within two days.
  soon: boolean;
  // A newsletter, a no-reply sender or an automated notice.
  sentByMachine: boolean;
  // It names a deadline.
  dated: boolean;
  // It asks for money owed (an invoice, a bill), not a receipt.
  moneyOwed?: boolean;
  // A machine's alert about something of the reader's: it asks nothing, but is no FYI either.
  alert?: boolean;
}

// Used by the rules planner: the user's word wins; mail sent by a machine that asks nothing is low,
// unless it is a monitor's alert
// (an advert naming a bank is still an advert); then the user's own keywords (handbook,
// configuration) anywhere in `allText`, urgent words, a near deadline on a request, money owed by a
// date, relaxed words;
// an item that asks nothing and names no deadline is reference (low); else normal.
export function choosePriority(ownPriority: unknown, text: string, extra: PriorityKeywords, signals: PrioritySignals = { asks: true, soon: false, sentByMachine: false, dated: false }, allText = text): Priority {
  const own = normalizePriority(ownPriority);
  if (own) return own;
  const machineNotice = signals.sentByMachine && !signals.alert;
  if (machineNotice && !signals.asks) return 'low';
  const relaxed = compilePhrases([...RELAXED_WORDS, ...extra.low]);
  const theirs = compilePhrases(extra.high);
  if (theirs && hasPhrase(theirs, maskPhrases(relaxed, allText))) return 'high';
  const urgent = compilePhrases(URGENT_WORDS);
  if (hasPhrase(urgent, maskPhrases(compilePhrases(CONTINGENCIES), maskPhrases(relaxed, text))) && (signals.asks || !signals.sentByMachine)) return 'high';
  // A near deadline on a request ("reset it within 24 hours"), or money owed by a date.
  if (signals.soon && signals.asks && !hasPhrase(relaxed, text)) return 'high';
  if (signals.moneyOwed && signals.dated) return 'high';
  if (hasPhrase(relaxed, text) || machineNotice) return 'low';
  return signals.asks || signals.dated || signals.alert ? 'normal' : 'low';
}
