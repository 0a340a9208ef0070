import type { PlanItem } from '../planner.js';
import { readUserText } from './item-text.js';
import { toSingleLine } from '../single-line.js';

// The steps for an email none of whose sentences asks for an action, by what kind of mail it is:
// reply only to a person who asked something; a bounce says which message failed to whom.

const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|bounces?|mail-?delivery(?:-?subsystem)?)(?:[+.-][^@]*)?@/i;
const BOUNCE_SUBJECT = /\b(?:undeliver(?:able|ed)|delivery (?:status notification|failure|has failed)|returned mail|failure notice|mail delivery failed|could not be delivered)\b/i;
const READ_RECEIPT = /^(?:read|displayed|return receipt)\b|\bread receipt\b|\bdisposition notification\b/i;
const INVITATION = /\byou(?:['’]ve| have| are)?\s+(?:been\s+)?invited\b|\binvitation\b|^BEGIN:VEVENT$/im;
// "Accepted: Team meeting", "Invitation accepted": an answer to an invitation, not one.
const INVITATION_ANSWER = /\b(?:accepted|declined|tentative(?:ly accepted)?)\b/i;

// A monitor's alarm about something of the reader's ("[ALERT] API latency exceeding threshold").
const ALERT_SUBJECT = /\b(?:alert|alarm|outage|is\s+down|went\s+down|exceed(?:s|ed|ing)?\s+(?:the\s+)?threshold|threshold\s+exceeded|degraded|error\s+rate)\b/i;
// Not about a system of the reader's: a job, price or news alert; or an all-clear.
const NOT_AN_ALARM = /\b(?:job|price|deal|fare|google|news|search|travel|stock)\s+alerts?\b|\b(?:resolved|recovered|back\s+to\s+normal|ok)\b/i;

// Used for steps and priority: a machine's mail that says something of the reader's needs a look
// (not a bounce, which is about a message, not a system).
export function isAlert(item: PlanItem): boolean {
  const email = item.email;
  if (item.kind !== 'email' || !email?.automated || email.bulk || isBounce(item)) return false;
  return ALERT_SUBJECT.test(email.subject ?? '') && !NOT_AN_ALARM.test(email.subject ?? '');
}

function isBounce(item: PlanItem): boolean {
  return (!!item.email?.fromAddress && BOUNCE_SENDER.test(item.email.fromAddress)) || BOUNCE_SUBJECT.test(item.email?.subject ?? '');
}

// Used for steps and priority: an invitation that asks for an RSVP.
export function isInvitation(item: PlanItem): boolean {
  if (item.kind !== 'email') return false;
  const subject = item.email?.subject ?? '';
  return !INVITATION_ANSWER.test(subject) && (INVITATION.test(subject) || INVITATION.test(readUserText(item)));
}

// Used by the rules planner's email fallback; `question` is the first question the email asks, if any.
export function writeEmailSteps(item: PlanItem, question: string | undefined, asks = false): string[] {
  const email = item.email;
  const subject = email?.subject ?? '';
  const text = readUserText(item);
  if (isBounce(item)) {
    const failed = /(?:to|for)\s+<?([^\s<>@]+@[^\s<>]+)/i.exec(item.text)?.[1]?.replace(/[.,:;)>]+$/, '');
    return [`A bounce: check which message could not be delivered${failed ? ` to ${failed}` : ''} and why`, 'Check the address and resend it, if it still matters'];
  }
  if (READ_RECEIPT.test(subject)) return ['A read receipt: the message was displayed to its recipient', 'File it'];
  if (isInvitation(item)) {
    const summary = /^SUMMARY:(.+)$/m.exec(text)?.[1] ?? subject;
    return [`RSVP: accept or decline the invitation to ${toSingleLine(summary, 100)}`, `Attend ${toSingleLine(summary, 100)}, or say you cannot`];
  }
  const about = subject ? ` about "${toSingleLine(subject.replace(/^(?:re|aw|fwd?):\s*/i, ''), 80)}"` : '';
  if (isAlert(item)) return [`Look into the alert${about}: check what it reports and whether it still holds`, 'File it once it is handled'];
  // Named by its subject, so the task list says which notice it was.
  if (email?.bulk || email?.automated) return [`A ${email.bulk ? 'newsletter or list mail' : 'notice sent by a machine'}${about}: nothing is asked`, 'File or delete it'];
  const sender = email?.from ? toSingleLine(email.from, 80) : 'the sender';
  // A short question ("Can you help?") is quoted with what comes before it, so the step says about what.
  const end = question ? text.indexOf(question) + question.length : -1;
  const context = end > 150 ? `…${text.slice(end - 150, end).replace(/^\S*\s/, '')}` : text.slice(0, end);
  const asked = question && question.split(/\s+/).length < 4 && end > question.length ? context : question;
  if (asked) return ['Read the email', `Answer ${sender}${about}: "${toSingleLine(asked, 160)}"`];
  // Named, so the task list says what was said and about what.
  const said = text.trim() === '' ? '' : `: "${toSingleLine(text, 100)}"`;
  // A mail with a deadline or money owed but no sentence that asks ("Payment is due by Friday") is no FYI.
  if (asks) return [`Read the email from ${sender}${about}${said}`, 'File it, or answer if it needs one'];
  return [`Read the email from ${sender}${about}${said} — nothing is asked, no action needed (FYI)`, 'File it, or answer if it needs one'];
}
