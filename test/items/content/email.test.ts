import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../../src/items/content/read-content.js';
import { makeTempDir } from '../../helpers/make-vault.js';

// Emails as they come: attachments are the exact bytes their parts encode, odd charsets are read,
// a huge body is read only as far as it is needed, and a file that is no email is said to be one.
// Real messages are in test/fixtures/content/emails/ (SOURCES.md says where each comes from).

const LIMIT = { maxTextBytes: 256 * 1024 };
const FIXTURES = path.resolve('test/fixtures/content/emails');

async function readEml(bytes: Buffer, options = {}) {
  const file = path.join(await makeTempDir(), 'm.eml');
  await fs.writeFile(file, bytes);
  return readContent(file, 'email', { ...LIMIT, ...options });
}

// A multipart/mixed message whose parts are given as they stand (headers, blank line, body).
function mixed(...parts: (string | Buffer)[]): Buffer {
  const chunks: Buffer[] = [Buffer.from('From: a@b.test\r\nSubject: Parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="XX"\r\n\r\npreamble\r\n')];
  for (const part of ['Content-Type: text/plain; charset=utf-8\r\n\r\nSee attached.', ...parts]) chunks.push(Buffer.from('--XX\r\n'), Buffer.from(part as string, 'latin1'), Buffer.from('\r\n'));
  chunks.push(Buffer.from('--XX--\r\n'));
  return Buffer.concat(chunks);
}

const png = Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\r\n\r\nend', 'latin1');
const ics = 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const zip = Buffer.from('PK\x03\x04 a small zip, in fact \x00\x01\x02\xff', 'latin1');

describe('attachments are the exact bytes of their parts', () => {
  test.each([
    ['a 7bit text part keeps its CRLF and gains no line end', 'Content-Type: text/plain; name="notes.txt"\r\nContent-Disposition: attachment; filename="notes.txt"\r\nContent-Transfer-Encoding: 7bit\r\n\r\nline one\r\nline two', 'notes.txt', Buffer.from('line one\r\nline two')],
    ['a binary part keeps every CR, LF and NUL', Buffer.concat([Buffer.from('Content-Type: image/png\r\nContent-Disposition: attachment; filename="x.png"\r\nContent-Transfer-Encoding: binary\r\n\r\n'), png]).toString('latin1'), 'x.png', png],
    ['a base64 calendar invite keeps its CRLF', `Content-Type: text/calendar; method=REQUEST; name="invite.ics"\r\nContent-Disposition: attachment; filename="invite.ics"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(ics).toString('base64').replace(/.{76}/g, '$&\r\n')}`, 'invite.ics', Buffer.from(ics)],
    ['an 8bit HTML part with LF line ends keeps them', 'Content-Type: text/html; charset=utf-8\r\nContent-Disposition: attachment; filename="page.html"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<p>caf\xc3\xa9</p>\n<p>two</p>\n', 'page.html', Buffer.from('<p>café</p>\n<p>two</p>\n')],
    ['a quoted-printable part', 'Content-Type: text/plain; name="q.txt"\r\nContent-Disposition: attachment; filename="q.txt"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nTotal =E2=82=AC 5=\r\n0\r\n', 'q.txt', Buffer.from('Total € 50\r\n')],
    ['an x-uuencode part is decoded', `Content-Type: application/zip; name="quote.zip"\r\nContent-Disposition: attachment; filename="quote.zip"\r\nContent-Transfer-Encoding: x-uuencode\r\n\r\nbegin 644 quote.zip\r\n${uuencode(zip)}\`\r\nend`, 'quote.zip', zip],
  ])('%s', async (_what, part, name, expected) => {
    const result = await readEml(mixed(part));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = result.content.attachments!.find((a) => a.filename === name);
    expect(saved && Buffer.from(saved.content)).toEqual(expected);
    expect(result.content.text).toBe('See attached.');
  });

  test('an attachment inside a forwarded message shown inline', async () => {
    const inner = 'From: c@d.test\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary="YY"\r\n\r\n--YY\r\nContent-Type: text/plain\r\n\r\nInner text.\r\n--YY\r\nContent-Type: text/plain; name="in.txt"\r\nContent-Disposition: attachment; filename="in.txt"\r\n\r\nA\r\nB\r\n\r\n--YY--\r\n';
    const result = await readEml(mixed(`Content-Type: message/rfc822\r\n\r\n${inner}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // postal-mime shows the forwarded message after a line and its headers: kept apart as quoted.
    expect(result.content.quoted).toContain('Inner text.');
    expect(Buffer.from(result.content.attachments!.find((a) => a.filename === 'in.txt')!.content).toString('latin1')).toBe('A\r\nB\r\n');
  });

  test('a delivery report keeps the returned message as an attachment and its text clean', async () => {
    const report = Buffer.from('From: mailer-daemon@b.test\r\nSubject: Undelivered\r\nContent-Type: multipart/report; report-type=delivery-status; boundary="RR"\r\n\r\n--RR\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n--RR\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\n\r\n--RR\r\nContent-Type: message/rfc822\r\n\r\nFrom: me@b.test\r\nSubject: Original\r\nContent-Type: multipart/mixed; boundary="ZZ"\r\n\r\n--ZZ\r\nContent-Type: text/plain\r\n\r\nHello\r\n--ZZ\r\nContent-Type: application/pdf; name="a.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0=\r\n--ZZ--\r\n\r\n--RR--\r\n');
    const result = await readEml(report);
    expect(result).toMatchObject({ ok: true, content: { text: 'Your message could not be delivered.' } });
    if (!result.ok) return;
    expect(result.content.text).not.toMatch(/ai-employee-part/);
    for (const attachment of result.content.attachments ?? []) expect(Buffer.from(attachment.content).toString('latin1')).not.toMatch(/ai-employee-part/);
  });

  test('a real message (mikel/mail): ciële.txt is "Hi there.\\r\\n", no more', async () => {
    const result = await readEml(await fs.readFile(path.join(FIXTURES, 'mikel-attachment-nonascii-filename.eml')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.attachments!.map((a) => [a.filename, Buffer.from(a.content).toString('latin1')])).toEqual([['ciële.txt', 'Hi there.\r\n']]);
  });
});

describe('charsets', () => {
  test('an unknown charset (X-UNKNOWN) holding valid UTF-8 is read as UTF-8 (real message, mikel/mail)', async () => {
    const result = await readEml(await fs.readFile(path.join(FIXTURES, 'mikel-raw-email10-x-unknown.eml')));
    expect(result).toMatchObject({ ok: true, content: { text: expect.stringContaining('Envoyé par le service de messagerie texte de Bell Mobilité.') } });
  });

  test('an unknown charset whose bytes are not UTF-8 is left to postal-mime', async () => {
    const eml = Buffer.from('From: a@b.test\r\nSubject: x\r\nContent-Type: text/plain; charset=x-made-up\r\nContent-Transfer-Encoding: 8bit\r\n\r\ncaf\xe9\r\n', 'latin1');
    expect(await readEml(eml)).toMatchObject({ ok: true, content: { text: 'café' } });
  });

  test('UTF-7 subject, names and body, as Outlook 2000 sent them (real message, stalwartlabs/mail-parser)', async () => {
    const result = await readEml(await fs.readFile(path.join(FIXTURES, 'stalwart-legacy-001-utf7.eml')));
    expect(result).toMatchObject({ ok: true, content: { email: { subject: 'Die Hasen und die Frösche (Microsoft Outlook 00)', to: expect.stringContaining('Jürgen Schmürgen') } } });
    if (result.ok) expect(result.content.text).toContain('Die Hasen klagten einst über ihre mißliche Lage; "wir leben"');
  });
});

describe('what is not read', () => {
  test('an Outlook .msg (an OLE container) named .eml gives no text', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('Subject: looks like text later\r\n\r\nbody')]);
    expect(await readEml(ole)).toEqual({ ok: false, reason: 'binary data, not an email' });
  });

  test('binary bytes right after the headers are still an email', async () => {
    const result = await readEml(Buffer.concat([Buffer.from('From: a@b.test\r\nSubject: Scan\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename="s.png"\r\nContent-Transfer-Encoding: binary\r\n\r\n'), png]));
    expect(result).toMatchObject({ ok: true, content: { email: { subject: 'Scan' } } });
    if (result.ok) expect(Buffer.from(result.content.attachments![0]!.content)).toEqual(png);
  });

  test('a 12 MB text body is read only as far as it is needed', async () => {
    const body = 'The quick brown fox jumps over the lazy dog.\r\n'.repeat(270_000);
    const result = await readEml(Buffer.from(`From: a@b.test\r\nSubject: Big\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n${body}`), { maxTextBytes: 1000 });
    expect(result).toMatchObject({ ok: true, content: { truncated: true, email: { subject: 'Big' } } });
    if (!result.ok) return;
    expect(result.content.text.startsWith('The quick brown fox jumps over the lazy dog.\nThe quick')).toBe(true);
    expect(Buffer.byteLength(result.content.text)).toBeLessThanOrEqual(1000);
  });
});

describe('a list mail is a newsletter, unless people talk on it', () => {
  const post = (headers: string) => Buffer.from(`From: Ingo <ingo@example.org>\r\nTo: dev@lists.example.org\r\nSubject: Re: running as root\r\n${headers}\r\nWhat about switching to an EUID of nobody early?\r\n`);
  test.each([
    ['Precedence: bulk, nothing else', 'Precedence: bulk\r\n', true],
    ['a newsletter with List-Unsubscribe', 'List-Id: <news.example.org>\r\nList-Unsubscribe: <mailto:leave@example.org>\r\n', true],
    ['a member\'s post (List-Post)', 'List-Post: <mailto:dev@lists.example.org>\r\nPrecedence: list\r\n', false],
    ['a reply in an old list\'s thread (References, no unsubscribing)', 'References: <1@example.org>\r\nPrecedence: bulk\r\n', false],
    ['a reply that still offers unsubscribing', 'In-Reply-To: <1@example.org>\r\nList-Unsubscribe: <mailto:leave@example.org>\r\n', true],
  ])('%s', async (_what, headers, bulk) => {
    const result = await readEml(post(headers));
    expect(result.ok && result.content.email?.bulk).toBe(bulk);
  });

  test.each([
    ['promotions@traveldeals.example', true],
    ['newsletter+weekly@shop.example', true],
    ['marketing@company.example', true],
    ['anna@company.example', false],
    ['info@venue.example', false],
    ['marketing@client.example (a reply: In-Reply-To)', false],
  ])('mail from %s, without list headers: bulk %s', async (from, bulk) => {
    const reply = from.includes('In-Reply-To') ? 'In-Reply-To: <1@example.org>\r\n' : '';
    const result = await readEml(Buffer.from(`From: ${from.split(' ')[0]}\r\nTo: me@example.org\r\n${reply}Subject: Deals\r\n\r\nBook your next adventure at a discounted rate.\r\n`));
    expect(result.ok && result.content.email?.bulk).toBe(bulk);
  });
});

// uuencode(1)'s lines for `data`, written from the format's description (the decoder under test is not used).
function uuencode(data: Buffer): string {
  let out = '';
  for (let at = 0; at < data.length; at += 45) {
    const chunk = data.subarray(at, at + 45);
    let line = String.fromCharCode(32 + chunk.length);
    for (let i = 0; i < chunk.length; i += 3) {
      const [a = 0, b = 0, c = 0] = [chunk[i], chunk[i + 1], chunk[i + 2]];
      for (const sextet of [a >> 2, ((a & 3) << 4) | (b >> 4), ((b & 15) << 2) | (c >> 6), c & 63]) line += sextet === 0 ? '`' : String.fromCharCode(32 + sextet);
    }
    out += `${line}\r\n`;
  }
  return out;
}

describe('a machine’s mail is told by its sender', () => {
  test.each([
    ['no-reply@aws.example', true],
    ['automated-alerts@monitoring.example', true],
    ['it-monitoring@corp.example', false],
    ['alex@monitoring-team.example', false],
    ['anna@company.example', false],
  ])('%s: automated %s', async (from, automated) => {
    const file = path.join(await makeTempDir(), 'm.eml');
    await fs.writeFile(file, `From: ${from}\r\nTo: me@example.org\r\nSubject: [ALERT] API latency exceeding threshold\r\n\r\np99 > 2000 ms\r\n`);
    const result = await readContent(file, 'email', LIMIT);
    expect(result.ok && result.content.email?.automated).toBe(automated);
  });
});
