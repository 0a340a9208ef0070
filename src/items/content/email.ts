import { clipText } from './clip-text.js';
import { htmlToText } from './html.js';
import type { Attachment, Content, EmailFacts } from './read-content.js';
import { fixWindows1252 } from './windows-1252.js';

// An .eml through postal-mime: decoded headers, the text body (HTML-only mail as text), its
// attachments; quoted replies and the signature are set apart from what the planners weigh.

const AUTOMATED_SENDER = /^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?|bounces?)(?:[+.-][^@]*)?@/i;
const MAX_ATTACHMENTS = 20;

export async function readEmail(bytes: Uint8Array, maxTextBytes: number): Promise<Content> {
  const PostalMime = (await import('postal-mime')).default;
  const mail = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50 });
  const header = (key: string) => mail.headers.find((h) => h.key === key)?.value;
  const body = mail.text?.trim() ? fixWindows1252(mail.text) : mail.html ? await htmlToText(fixWindows1252(mail.html)) : '';
  const { main, quoted } = splitQuoted(body);
  const from = mail.from && 'address' in mail.from ? mail.from : undefined;
  const fromAddress = from?.address || undefined;
  const email: EmailFacts = {
    // A discussion list's post (it has List-Post: members write to it) is a person's mail, not bulk.
    bulk: !header('list-post') && !!(header('list-unsubscribe') || header('list-id') || /^(?:bulk|list|junk)$/i.test(header('precedence')?.trim() ?? '')),
    automated: (!!header('auto-submitted') && !/^no$/i.test(header('auto-submitted')!.trim())) || (!!fromAddress && AUTOMATED_SENDER.test(fromAddress)),
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
    ...(email.subject ? { title: email.subject } : {}),
    email,
    ...(quoted ? { quoted: clipText(quoted, maxTextBytes).text } : {}),
    attachments: attachmentsOf(mail.attachments),
  };
}

function attachmentsOf(parts: { filename: string | null; mimeType: string; disposition: string | null; related?: boolean; content: ArrayBuffer | Uint8Array | string }[]): Attachment[] {
  return parts
    .filter((part) => part.filename && !(part.related && part.disposition !== 'attachment') && typeof part.content !== 'string')
    .slice(0, MAX_ATTACHMENTS)
    .map((part) => ({ filename: fixWindows1252(part.filename!), mimeType: part.mimeType, content: new Uint8Array(part.content as ArrayBuffer) }));
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
