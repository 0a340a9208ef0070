// What a message says itself, apart from what it carries along: quoted replies, a forwarded message,
// the signature, a legal disclaimer, pasted log lines. Intake sets an email's quoted part apart, but
// hands it to the planner too (after the body), and a .txt or pasted mail has none set apart: the
// planner cuts them again here, so that no step, date or priority comes from them.

// A reply or forward header: "On Tue, Ana wrote:", "-----Original Message-----", "*From:* Ana",
// "Begin forwarded message:", "________________".
const QUOTE_INTRO = /^(?:On\s.{4,200}\bwrote:|Am\s.{4,200}schrieb.*:|Le\s.{4,200}a écrit\s*:|-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}|Begin forwarded message:|_{5,}|[*_]{0,2}From:[*_]{0,2}\s.+)$/i;
// "-- " is the signature separator of RFC 3676; a bare "--" is how many clients write it.
const SIGNATURE_MARK = /^--\s?$/;
// A sign-off line: what follows it is the sender's name, title, address and footer.
const SIGN_OFF = /^(?:(?:best|kind|warm|many)\s+(?:regards|wishes)|regards|best|cheers|sincerely(?:\s+yours)?|yours(?:\s+(?:truly|sincerely))?|thanks(?:\s+(?:again|so much))?|thank\s+you|many\s+thanks|all\s+the\s+best|take\s+care)\s*[,.!]?$/i;
// A P.S. after the sign-off is still the sender's own words.
const POSTSCRIPT = /^p\.?\s?s\.?\b/i;
// The first line of a legal footer: "NOTICE: This message…", "This e-mail and any attachments are confidential…".
const DISCLAIMER = /^(?:\**(?:notice|confidential(?:ity)?(?:\s+notice)?|disclaimer|legal\s+notice|important\s+notice)\**\s*[:.-]|this\s+(?:e-?mail|message|communication|transmission)\b.{0,80}\b(?:confidential|privileged|intended\s+(?:only\s+)?for)|the\s+information\s+(?:contained\s+)?in\s+this\s+(?:e-?mail|message|communication)\b|if\s+you\s+(?:are\s+not|have\s+received\s+this)\b.{0,60}\b(?:intended\s+recipient|in\s+error))/i;
// A log line starts with its timestamp: "May 29 12:00:12 host proc:", "2012-05-29 12:00:12,123",
// "[2012-05-29T12:00:12Z]". Its dates are when something was logged, its words a program's.
const LOG_LINE = /^\s*\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}|\d{1,2}:\d{2}:\d{2}[.,]\d+)/i;
// A forward's dashed rule, with its header lines just below it.
const RULE_LINE = /^\s*-{5,}\s*$/;

// Used by readUserText for emails and plain-text files: the lines the sender wrote for this message.
// When nothing would remain (a message forwarded without a word), the whole text is kept: the
// forwarded message is then the item.
export function cutCarriedParts(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => !LOG_LINE.test(line));
  const own = lines.slice(0, findCarriedStart(lines));
  return own.some((line) => /[\p{L}\p{N}]/u.test(line)) ? own.join('\n') : lines.join('\n');
}

function findCarriedStart(lines: string[]): number {
  let sawText = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (isCarriedStart(lines, i, line, sawText)) return i;
    if (/[\p{L}\p{N}]/u.test(line)) sawText = true;
  }
  return lines.length;
}

function isCarriedStart(lines: string[], i: number, line: string, sawText: boolean): boolean {
  if (QUOTE_INTRO.test(line)) return true;
  // A signature or a sign-off ends something the sender wrote.
  if (!sawText) return false;
  if (SIGNATURE_MARK.test(lines[i]!) || DISCLAIMER.test(line)) return true;
  if (RULE_LINE.test(line)) return lines.slice(i + 1, i + 4).some((next) => QUOTE_INTRO.test(next.trim()));
  // A quote block that runs to the end (interleaved replies are the sender's answers, kept).
  if (/^>/.test(line)) return lines.slice(i).every((rest) => rest.trim() === '' || /^\s*>/.test(rest) || QUOTE_INTRO.test(rest.trim()));
  if (SIGN_OFF.test(line)) {
    const rest = lines.slice(i + 1).filter((rest) => rest.trim() !== '');
    // "Thanks!" in the middle of a message, followed by more of it, is not the end.
    return rest.length > 0 && rest.length <= 12 && !rest.some((next) => POSTSCRIPT.test(next.trim()));
  }
  return false;
}
