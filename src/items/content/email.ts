import { clipText } from './clip-text.js';
import { htmlToText } from './html.js';
import type { Attachment, Content, EmailFacts } from './read-content.js';
import { headerLength, slimMessage, type SlimMessage } from './mime/slim-message.js';
import { fixWindows1252 } from './windows-1252.js';

// An .eml through postal-mime: decoded headers, the text body (HTML-only mail as text), its
// attachments (their exact bytes from mime/); quoted replies and the signature are set apart from
// what the planners weigh.

const AUTOMATED_SENDER = /^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?|bounces?)(?:[+.-][^@]*)?@/i;
// A monitor's mailbox ("automated-alerts@…"), told by its local part alone (at most 64 characters).
const ALERT_SENDER = /\b(?:alerts?|alarms?)\b/i;
// Mailboxes that send to many at once: what they send is a newsletter even without list headers.
const BULK_SENDER = /^(?:newsletters?|news|marketing|promotions?|promo|offers?|deals|campaigns?|mailings?)(?:[+.-][^@]*)?@/i;
const MAX_ATTACHMENTS = 20;

// Each text part is cut, as it stands in the message, to this many times the text kept (markup,
// encoding), and never below 4 MiB: a 45 MB text body took ~1 GB and 12 s to read whole.
const TEXT_PART_FACTOR = 16;
const MIN_TEXT_PART_BYTES = 4 * 1024 * 1024;

export async function readEmail(bytes: Uint8Array, maxTextBytes: number): Promise<Content> {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (looksBinary(raw)) throw new Error('binary data, not an email');
  const PostalMime = (await import('postal-mime')).default;
  const parse = (message: Buffer) => PostalMime.parse(message, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50 });
  let slim: SlimMessage | undefined = slimMessage(raw, Math.max(MIN_TEXT_PART_BYTES, maxTextBytes * TEXT_PART_FACTOR));
  let mail = await parse(slim.raw);
  // postal-mime saw a part differently (text taken for an attachment, a nested message saved
  // whole that was walked into): read the message as it is.
  if (leaks(mail, slim)) {
    slim = undefined;
    mail = await parse(raw);
  }
  const header = (key: string) => mail.headers.find((h) => h.key === key)?.value;
  const body = mail.text?.trim() ? fixWindows1252(mail.text) : mail.html ? await htmlToText(fixWindows1252(mail.html)) : '';
  const { main, quoted } = splitQuoted(clipText(body, maxTextBytes * 2).text);
  const from = mail.from && 'address' in mail.from ? mail.from : undefined;
  const fromAddress = from?.address || undefined;
  const email: EmailFacts = {
    // A discussion list's post (it has List-Post: members write to it) is a person's mail, not bulk;
    // so is a reply in a thread that offers no unsubscribing (an old list's "Re:"): newsletters reply to no one.
    bulk: (!!fromAddress && BULK_SENDER.test(fromAddress) && !isReply(header) && !header('list-post')) || (!header('list-post') && !(isReply(header) && !header('list-unsubscribe')) && !!(header('list-unsubscribe') || header('list-id') || /^(?:bulk|list|junk)$/i.test(header('precedence')?.trim() ?? ''))),
    automated: (!!header('auto-submitted') && !/^no$/i.test(header('auto-submitted')!.trim())) || (!!fromAddress && (AUTOMATED_SENDER.test(fromAddress) || ALERT_SENDER.test(localPart(fromAddress)))),
  };
  const fromName = from?.name ? fixWindows1252(from.name) : undefined;
  if (from) email.from = fromName && fromAddress ? `${fromName} <${fromAddress}>` : (fromName ?? fromAddress);
  if (fromAddress) email.fromAddress = fromAddress;
  const to = (mail.to ?? []).map((a) => (a.address ? (a.name ? `${fixWindows1252(a.name)} <${a.address}>` : a.address) : a.name)).filter(Boolean).join(', ');
  if (to) email.to = to;
  if (mail.subject) email.subject = fixWindows1252(mail.subject);
  if (mail.messageId) email.messageId = mail.messageId;
  const date = mail.date ? new Date(mail.date) : undefined;
  if (date && !Number.isNaN(date.getTime())) email.date = date;
  const clipped = clipText(main, maxTextBytes);
  return {
    ...clipped,
    truncated: clipped.truncated || !!slim?.clipped || Buffer.byteLength(body) > maxTextBytes * 2,
    ...(email.subject ? { title: email.subject } : {}),
    email,
    ...(quoted ? { quoted: clipText(quoted, maxTextBytes).text } : {}),
    attachments: attachmentsOf(mail.attachments, slim),
  };
}

// Attachments are the exact bytes of their parts (postal-mime turns CRLF into LF in text parts and
// in binary ones, and adds a line end); a part inside a nested message keeps postal-mime's bytes.
function attachmentsOf(parts: { filename: string | null; mimeType: string; disposition: string | null; related?: boolean; content: ArrayBuffer | Uint8Array | string }[], slim: SlimMessage | undefined): Attachment[] {
  return parts
    .filter((part) => part.filename && !(part.related && part.disposition !== 'attachment') && typeof part.content !== 'string')
    .slice(0, MAX_ATTACHMENTS)
    .map((part) => {
      const content = new Uint8Array(part.content as ArrayBuffer);
      const exact = slim?.exactBytes(content);
      return { filename: fixWindows1252(part.filename!), mimeType: part.mimeType, content: exact ? new Uint8Array(exact.buffer, exact.byteOffset, exact.byteLength) : content };
    });
}

function leaks(mail: { text?: string; html?: string; attachments: { content: ArrayBuffer | Uint8Array | string }[] }, slim: SlimMessage): boolean {
  if (`${mail.text ?? ''}${mail.html ?? ''}`.includes(slim.token)) return true;
  return mail.attachments.some((part) => typeof part.content !== 'string' && !slim.exactBytes(new Uint8Array(part.content)) && Buffer.from(part.content as ArrayBuffer).includes(slim.token));
}

// A message starts with header lines: NUL bytes or many control characters among them mean
// another format under an .eml name (an Outlook .msg is an OLE container).
function looksBinary(raw: Buffer): boolean {
  const head = raw.subarray(0, Math.min(1024, headerLength(raw)));
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x1b) controls++;
  }
  return controls > head.length / 20;
}

const QUOTE_INTRO = /^(?:On .{4,200}wrote:|Am .{4,200}schrieb.*:|Le .{4,200}a écrit\s*:|-{2,}\s*Original Message\s*-{2,}|_{5,}|From: .+)$/i;

// Used to keep the planners on what this message says: everything from the first quote block,
// reply header or "-- " signature line on is set apart.
export function splitQuoted(text: string): { main: string; quoted: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const cut = lines.findIndex((line, i) => line === '-- ' || line === '--' || QUOTE_INTRO.test(line.trim()) || (/^\s*>/.test(line) && lines.slice(i).filter((l) => l.trim() !== '').every((l) => /^\s*>/.test(l) || QUOTE_INTRO.test(l.trim()))));
  if (cut === -1) return { main: text.trim(), quoted: '' };
  return { main: lines.slice(0, cut).join('\n').trim(), quoted: lines.slice(cut).join('\n').trim() };
}

function isReply(header: (key: string) => string | undefined): boolean {
  return !!(header('in-reply-to') || header('references'));
}

function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 && at <= 64 ? address.slice(0, at) : '';
}
