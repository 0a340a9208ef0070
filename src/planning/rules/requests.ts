import { actionVerbLengths, startsWithActionVerb } from './action-verbs.js';
import { imperativeVerb } from './imperative.js';
import { rememberLast } from './remember-last.js';
import { readSentences } from './sentences.js';

// Which sentences of an item ask for an action, and the step each one makes. A sentence asks when
// it starts with a verb ("Send the report", "Ping Sarah about it"), names one after a modal or a
// polite form ("We need to renew…", "Could you call…?", "Can we get: …", "I hope you can check it",
// "I wanted to discuss…", "The form needs to be signed"), after a to-do label ("TODO: dentist",
// "URGENT: submit…", "Me: send…"), or in a later clause ("Mom's birthday on the 12th - order flowers").
// A mere mention ("Thanks for your email") is not a step.

// Lines that are an email's or a website's boilerplate, never an action of the item's.
const BOILERPLATE = /\b(?:unsubscribe|help cent(?:er|re)|privacy policy|terms of (?:service|use)|view (?:this|it) in your browser|reply to this (?:e-?mail|message)|do not reply|don['’]t reply|if you have any questions|for further assistance|manage (?:your )?(?:preferences|subscription)|you (?:are )?receiv(?:e|ed|ing) this|click here|all rights reserved|sent from my|intended recipient|received this (?:e-?mail|message|communication) in error|check out our|feel free to|(?:please )?find (?:attached|enclosed)|attached (?:please find|you will find))\b/i;

// A to-do label makes the rest of its line a task, whatever it says: "TODO: dentist", "Me: send…"
// (written as a label: "Action       : deleted" in a form is a field).
const TASK_LABEL = /^(?:to-?\s?do|task|action(?:\s+items?)?|reminder|remember|next(?:\s+steps?)?|follow[- ]?up|someday|maybe|me|myself):\s*(?=\S)/i;
// Someday/maybe items keep their label: it says the task may wait.
const KEPT_LABEL = /^(?:someday|maybe)\b/i;
// A label that only introduces the sentence: "Note: send it by Friday", "URGENT: submit the report"
// (its word still counts for priority: the sentence is kept as written).
const PLAIN_LABEL = /^(?:note|nb|important|urgent|asap|also|p\.?\s?s\.?)\s*[:,-]?\s+(?=\S)/i;
// Someone else's action item in minutes: "Tom: book the photographer".
const OWNER_LABEL = /^(\p{Lu}\p{Ll}+)\s*:\s*(?=\p{Ll})/u;
// "File name : x.js", "Check number: 42": a form's label, not an imperative.
const LABEL_LINE = /^[\p{L}]+\s+[\p{L}]+\s*:\s/u;

const POLITE_START = /^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,.!?]{0,40}[,!]\s*|\p{Lu}\p{Ll}+,\s+(?=(?:can|could|would|will|please|pls|kindly)\b)|(?:please|pls|kindly|also|then|and)[,\s]+|(?:can|could|would|will)\s+(?:you|we|i)\s+(?:please\s+)?)+/iu;
// "Could you get them to me by tomorrow?", "Can we get: …": a request for any verb.
const REQUEST = /^(?:(?:hi|hello|hey|dear)\b[^,.!?]{0,40}[,!]\s*|\p{Lu}\p{Ll}+,\s+)?(?:can|could|would|will)\s+(?:you|we|i)\s+(?:please\s+)?(?!(?:be|have|know|like|mind|think|say|imagine|believe|help)\b)[a-z]{2,}\b/iu;
// "I hope you can check it", "I was wondering if you could send…", "I need you to sign…": the step is what follows.
const INDIRECT_REQUEST = /\b(?:i\s+(?:was\s+|am\s+)?(?:hope|hoping|wonder(?:ing)?)\s+(?:if\s+|whether\s+|that\s+)?you\s+(?:can|could|would|will|might)|(?:would\s+)?(?:appreciate\s+(?:it\s+)?|be\s+(?:great|grateful|helpful|awesome|good)\s+)if\s+you\s+(?:can|could|would)|(?:i|we)\s+(?:need|want|would\s+like|['’]d\s+like)\s+you\s+to|any\s+chance\s+you\s+(?:can|could))\s+(?:please\s+)?(?=[a-z]{2,})/i;
// "I wanted to discuss the payment system": the writer's own next step with the reader; not "I wanted
// to let you know / say thanks", which tell.
const WANT_TO = /^(?:i|we)\s+(?:just\s+|really\s+)?(?:wanted|want|would\s+like|['’]d\s+like)\s+to\s+(?!(?:let|tell|say|thank|inform|update|share|mention|introduce|apologi[sz]e|remind|reach|give|be|know|see|hear|make\s+sure|point|note|add|follow)\b)[a-z]{3,}\b/i;
// "The first point needs to be checked", "The form must be signed".
const PASSIVE_NEED = /\b(?:needs?\s+to|has\s+to|have\s+to|must)\s+be\s+[a-z]+(?:ed|en)\b/i;
// "On your remote host you can run:" followed by the command: an instruction.
const YOU_CAN_COLON = /\byou\s+(?:can|could|should|may|might|need\s+to|have\s+to|must)\s+(?:also\s+)?(\p{Ll}{2,})\b[^.!?]{0,60}:$/iu;

// "Please send…", "could you call…", "I'll book…": a known action verb after a word that asks or promises.
const MODAL = /\b(?:please|kindly|(?<!\b(?:may|might)\s)needs?\s+to|have\s+to|has\s+to|must|should|remember\s+to|(?:don['’]t|do\s+not)\s+forget\s+to|(?:can|could|would|will)\s+you|i['’]ll|we['’]ll|i\s+will|we\s+will|going\s+to)\s+(?:please\s+|also\s+)?/giu;
// "Invoice 4711 is overdue; pay it by Friday", "Mom's birthday on the 12th - order flowers": the action is the later clause.
const LATER_CLAUSE = /(?:;|\s[-–—]\s|,\s+(?:so|then|and)\s+)\s*(?:please\s+)?(?=\S)/gu;
// "Click here to reset your password", "Use this link to confirm…": the action is what follows "to".
// "I'll send it", "We will get back to you", "I am going to call": the writer's own promise.
const PROMISE = /^(?:(?:and|so|then)\s+)?(?:i|we)(?:['’]ll|\s+will|\s+shall|['’]m\s+going\s+to|['’]re\s+going\s+to|\s+am\s+going\s+to|\s+are\s+going\s+to)\s/i;
// A request whose object is what comes next.
const POINTS_ON = /:$|\bthe\s+following\b|\b(?:listed|items?)\s+below\b/i;
// "If you would like to make any changes, please visit…": an offer, not a request.
const OFFER = /^if\s+you\s+(?:would\s+like|['’]d\s+like|wish|want|prefer|are\s+interested)\b/i;
// "Test test", "Hello, hello": a word said twice is a check or a greeting, not an action.
const ECHO = /^(\p{L}+)[\s,]+\1(?:[\s,.!?]+\p{L}+)?[\s.!?]*$/iu;
// A whole sentence of courtesy: "Let me know if you need any further details.", "Please plan accordingly."
const COURTESY = /^(?:(?:and|also|please)\s+)?(?:(?:do\s+not|don['’]t)\s+hesitate\s+to\s+(?:contact|call|reach|ask)\b[^.!?]*|(?:let\s+(?:me|us)\s+know|please\s+advise|call\s+me|contact\s+(?:me|us))\s+if\s+you\s+(?:need|have|require)\s+(?:any(?:thing)?(?:\s+else)?|more|further|other)(?:\s+(?:further|other|more))?(?:\s+(?:questions?|help|information|info|details|assistance))?|plan\s+accordingly)[\s.!]*$/i;
const CLICK_TO = /^(?:please\s+)?(?:click|tap|use|follow|visit|open)\b[^.!?]{0,60}?\bto\s+/i;

export interface Request {
  // The sentence as written (its words count for priority and dates).
  sentence: string;
  // The step it makes.
  step: string;
  // Someone else's action item ("Tom: book…"): a step only when the item has none of the reader's.
  theirs?: boolean;
  // The writer's own promise ("I'll send it", "We will get back to you"): the reader's task only
  // when the reader wrote it (a note), not in someone's email.
  promise?: boolean;
}

// Used by the rules planner: each sentence of the text that asks for an action, in order.
export const readRequestList = rememberLast((text): readonly Request[] => {
  const sentences = readSentences(text);
  const found: Request[] = [];
  sentences.forEach((sentence, index) => {
    const request = readRequest(sentence);
    if (!request) return;
    // "Can we get:" / "you can run:" / "update the following by Friday" take the line after as their object.
    const next = sentences[index + 1];
    if (POINTS_ON.test(request.step) && next !== undefined && next.length <= 160) request.step = `${request.step.replace(/:?$/, ':')} ${next}`;
    found.push(request);
  });
  return found;
});

// Used by priority: the sentences that ask the reader for something (others' action items only
// when there is none of the reader's: "Priya: draft the newsletter copy" is not the reader's newsletter).
// `byOthers` for text someone else wrote (an email): the writer's promises are not the reader's tasks.
export function readRequests(text: string, byOthers = false): readonly string[] {
  return (byOthers ? readOthersRequestSentences : readOwnRequestSentences)(text);
}

const readOwnRequestSentences = rememberLast((text) => readOwnRequests(text).map((request) => request.sentence));
const readOthersRequestSentences = rememberLast((text) => readOwnRequests(text, true).map((request) => request.sentence));

// Used for steps: the reader's own requests, else everyone's.
export function readOwnRequests(text: string, byOthers = false): readonly Request[] {
  const requests = readRequestList(text).filter((request) => !(byOthers && request.promise));
  const mine = requests.filter((request) => !request.theirs);
  return mine.length > 0 ? mine : requests;
}

function readRequest(sentence: string): Request | undefined {
  const task = TASK_LABEL.exec(sentence);
  if (task) {
    const rest = sentence.slice(task[0].length);
    return { sentence, step: KEPT_LABEL.test(sentence) ? sentence : toStep(rest) };
  }
  const body = sentence.replace(PLAIN_LABEL, '');
  const owner = OWNER_LABEL.exec(body);
  if (owner && !/^(?:re|fw|fwd|subject|from|to|cc|date|sent|note|update|status|ps)$/i.test(owner[1]!)) {
    const rest = body.slice(owner[0].length);
    return asksForAction(rest) ? { sentence, step: `Follow up with ${owner[1]}: ${toStep(rest).replace(/^\p{Lu}/u, (c) => c.toLowerCase())}`, theirs: true } : undefined;
  }
  if (!asksForAction(body)) return undefined;
  // "We will send the contract, so please sign it by Friday": the later clause asks the reader.
  const promise = PROMISE.test(body) && !/\bplease\b/i.test(body) && !laterClauseAsks(body);
  return promise ? { sentence, step: toStep(body), promise: true } : { sentence, step: toStep(body) };
}

function asksForAction(sentence: string): boolean {
  const clickTo = CLICK_TO.exec(sentence);
  if (clickTo) return startsWithActionVerb(sentence.slice(clickTo[0].length));
  if (BOILERPLATE.test(sentence) || LABEL_LINE.test(sentence) || ECHO.test(sentence) || OFFER.test(sentence) || COURTESY.test(sentence)) return false;
  const bare = sentence.replace(POLITE_START, '');
  if (startsWithActionVerb(bare) || imperativeVerb(bare) || hasModalActionVerb(sentence) || INDIRECT_REQUEST.test(sentence)) return true;
  if (WANT_TO.test(sentence) || PASSIVE_NEED.test(sentence) || (sentence.endsWith(':') && YOU_CAN_COLON.test(sentence))) return true;
  if (REQUEST.test(sentence)) return true;
  return laterClauseAsks(sentence);
}

function laterClauseAsks(sentence: string): boolean {
  for (const clause of sentence.matchAll(LATER_CLAUSE)) {
    const rest = sentence.slice(clause.index + clause[0].length);
    if (startsWithActionVerb(rest) || imperativeVerb(rest)) return true;
  }
  return false;
}

// The step a request makes: the words after "click here to", "please", "could you", "I hope you can";
// "you can run:" becomes "Run:"; a trailing link is dropped.
function toStep(sentence: string): string {
  const indirect = INDIRECT_REQUEST.exec(sentence);
  const youCan = sentence.endsWith(':') ? YOU_CAN_COLON.exec(sentence) : null;
  let action = indirect ? sentence.slice(indirect.index + indirect[0].length) : youCan ? `${youCan[1]}:` : sentence;
  action = action.replace(CLICK_TO, '').replace(/:\s*\S*https?:\/\/\S*$/, '').replace(POLITE_START, '').replace(/[.!?]+$/, '');
  return action.charAt(0).toUpperCase() + action.slice(1);
}

const ASKED_OF_YOU = /^(?:(?:so|and|but)\s+)?(?:can|could|would|will)\s+you\s+\p{L}/iu;

// Used for an email's reply step and priority: the questions it asks (not rhetorical one-worders).
export function readQuestions(text: string): string[] {
  // Short ones count when they are put to the reader ("Can you help?"), not when rhetorical ("Why not?").
  return readSentences(text).filter((sentence) => /\?$/.test(sentence) && (sentence.split(/\s+/).length >= 4 || ASKED_OF_YOU.test(sentence)) && !BOILERPLATE.test(sentence));
}

function hasModalActionVerb(sentence: string): boolean {
  for (const modal of sentence.matchAll(MODAL)) if (actionVerbLengths(sentence.slice(modal.index + modal[0].length)).length > 0) return true;
  return false;
}
