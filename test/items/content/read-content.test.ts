import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../../src/items/content/read-content.js';
import { makeDocx, makeZip } from '../../fixtures/content/make-docx.js';
import { makeEmail, makeMultipart } from '../../fixtures/content/make-email.js';
import { makePdf } from '../../fixtures/content/make-pdf.js';
import { makeTempDir } from '../../helpers/make-vault.js';

// §6.1 on files the tests build; the readers run in their child process, as in a real run.

const LIMIT = { maxTextBytes: 256 * 1024 };

async function fileWith(name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(await makeTempDir(), name);
  await fs.writeFile(file, bytes);
  return file;
}

async function read(name: string, bytes: Buffer | string, kind: Parameters<typeof readContent>[1], options = {}) {
  return readContent(await fileWith(name, bytes), kind, { ...LIMIT, ...options });
}

describe('documents', () => {
  test('a PDF with a text layer: its text and its own title', async () => {
    const result = await read('invoice.pdf', makePdf(['Invoice 4711 due 15 December 2026', 'Total EUR 120.00'], 'ACME invoice 4711'), 'pdf');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.text).toContain('Invoice 4711 due 15 December 2026');
    expect(result.content.text).toContain('Total EUR 120.00');
    expect(result.content.title).toBe('ACME invoice 4711');
  });

  test('a .docx: its paragraphs', async () => {
    const result = await read('letter.docx', makeDocx(['Dear tenant,', 'Please sign the renewal by 20 December 2026.']), 'docx');
    expect(result).toMatchObject({ ok: true, content: { text: expect.stringContaining('Please sign the renewal by 20 December 2026.') } });
  });

  test('an HTML page: the text without markup, its title', async () => {
    const result = await read('page.html', '<html><head><title>Offsite</title><style>p{}</style></head><body><h1>Plan</h1><p>Book the <a href="https://x.test">venue</a> &amp; <b>food</b>.</p><script>alert(1)</script></body></html>', 'html');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.text).toMatch(/Book the venue & food\./);
    expect(result.content.text).not.toMatch(/alert|https:|<p>/);
    expect(result.content.title).toBe('Offsite');
  });

  test('plain text: cut at maxTextBytes on a character boundary', async () => {
    const result = await read('notes.txt', `${'é'.repeat(10)}tail`, 'text', { maxTextBytes: 5 });
    expect(result).toEqual({ ok: true, content: { text: 'éé', truncated: true } });
  });
});

describe('emails', () => {
  test('a base64 body is decoded, headers read', async () => {
    const body = Buffer.from('Please pay invoice 4711 by Friday.\n').toString('base64');
    const eml = makeEmail({ From: 'Billing <billing@acme.test>', To: 'me@home.test', Subject: 'Invoice 4711', Date: 'Tue, 01 Dec 2026 10:00:00 +0000', 'Message-ID': '<a1@acme.test>', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Transfer-Encoding': 'base64' }, body);
    const result = await read('m.eml', eml, 'email');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.text).toBe('Please pay invoice 4711 by Friday.');
    expect(result.content.email).toMatchObject({ from: 'Billing <billing@acme.test>', fromAddress: 'billing@acme.test', to: 'me@home.test', subject: 'Invoice 4711', messageId: '<a1@acme.test>', bulk: false, automated: false });
    expect(result.content.email!.date!.toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  test('quoted-printable in windows-1252 reads as a browser would (– and €, not C1 controls)', async () => {
    const eml = makeEmail({ From: 'a@b.test', Subject: '=?windows-1252?Q?caf=E9_=96_=80?=', 'Content-Type': 'text/plain; charset=windows-1252', 'Content-Transfer-Encoding': 'quoted-printable' }, 'Price =80 5 =96 due today.\n');
    const result = await read('m.eml', eml, 'email');
    expect(result).toMatchObject({ ok: true, content: { text: 'Price € 5 – due today.', email: { subject: 'café – €' } } });
  });

  test.each([
    ['EUC-KR', '=?EUC-KR?B?vsiz5w==?=', '안녕'],
    ['ISO-2022-JP', '=?ISO-2022-JP?B?GyRCJDMkcyRLJEEkTxsoQg==?=', 'こんにちは'],
    ['a UTF-8 character split over two encoded words', '=?UTF-8?Q?Caf=C3?= =?UTF-8?Q?=A9?=', 'Café'],
  ])('an encoded-word subject in %s', async (_what, subject, expected) => {
    const result = await read('m.eml', makeEmail({ From: 'a@b.test', Subject: subject }, 'hi\n'), 'email');
    expect(result).toMatchObject({ ok: true, content: { email: { subject: expected } } });
  });

  test('HTML-only mail becomes text; a newsletter is bulk, a no-reply sender automated', async () => {
    const eml = makeEmail({ From: 'News <no-reply@shop.test>', Subject: 'Deals', 'List-Unsubscribe': '<mailto:u@shop.test>', 'Content-Type': 'text/html; charset=utf-8' }, '<p>Our <b>best</b> deals this week.</p>');
    const result = await read('m.eml', eml, 'email');
    expect(result).toMatchObject({ ok: true, content: { text: 'Our best deals this week.', email: { bulk: true, automated: true } } });
  });

  test('quoted replies and the signature are set apart from the text', async () => {
    const eml = makeEmail({ From: 'ann@x.test', Subject: 'Re: report' }, 'Could you send the report by Monday?\n\n-- \nAnn\nACME Corp\n\nOn Mon, 30 Nov 2026, Bo wrote:\n> URGENT: anything\n');
    const result = await read('m.eml', eml, 'email');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.text).toBe('Could you send the report by Monday?');
    expect(result.content.quoted).toContain('> URGENT: anything');
  });

  test('a multipart mail gives its attachments, byte for byte', async () => {
    const pdf = makePdf(['Pay by 15 December 2026']);
    const eml = makeMultipart({ From: 'a@b.test', Subject: 'Invoice' }, 'See the attached invoice.', [{ name: 'invoice.pdf', type: 'application/pdf', bytes: pdf }]);
    const result = await read('m.eml', eml, 'email');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.text).toBe('See the attached invoice.');
    expect(result.content.attachments).toHaveLength(1);
    expect(result.content.attachments![0]!.filename).toBe('invoice.pdf');
    expect(Buffer.from(result.content.attachments![0]!.content).equals(pdf)).toBe(true);
  });
});

describe('broken and hostile files give a reason, never an exception', () => {
  test.each([
    ['a broken PDF', 'broken.pdf', Buffer.from('%PDF-1.7\n garbage garbage'), 'pdf'],
    ['a .docx that is not a zip', 'fake.docx', Buffer.from('not a zip at all'), 'docx'],
    ['binary bytes named .txt', 'x.txt', Buffer.from([0x50, 0x00, 0x01, 0x02]), 'text'],
  ] as const)('%s', async (_what, name, bytes, kind) => {
    const result = await read(name, bytes, kind);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(3);
  });

  test('a file larger than maxInputBytes is not read', async () => {
    expect(await read('big.pdf', makePdf(['x']), 'pdf', { maxInputBytes: 10 })).toEqual({ ok: false, reason: expect.stringMatching(/larger than/) });
  });

  test('a reader past its deadline is stopped, and the next file reads normally', async () => {
    const many = makePdf(Array.from({ length: 200 }, (_, i) => `Page ${i} of a long report`));
    expect(await read('long.pdf', many, 'pdf', { timeoutMs: 1 })).toEqual({ ok: false, reason: expect.stringMatching(/longer than/) });
    expect(await read('ok.pdf', makePdf(['fine']), 'pdf')).toMatchObject({ ok: true, content: { text: expect.stringContaining('fine') } });
  });

  test('many files read at once (as intake asks) each get their own text, broken ones between them', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `doc-${i}.pdf`);
    const results = await Promise.all(names.map((name, i) => read(name, i % 7 === 3 ? Buffer.from('%PDF-1.4 broken') : makePdf([`Invoice ${i} due soon`]), 'pdf')));
    results.forEach((result, i) => {
      if (i % 7 === 3) expect(result.ok, names[i]).toBe(false);
      else expect(result, names[i]).toMatchObject({ ok: true, content: { text: expect.stringContaining(`Invoice ${i} due soon`) } });
    });
  });

  test('a zip-bomb .docx (a few hundred KB whose XML unzips to 64 MB) is refused before it is parsed', async () => {
    const bomb = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': `<w:document><w:body><w:p><w:r><w:t>${'All work and no play. '.repeat(3_000_000)}</w:t></w:r></w:p></w:body></w:document>` }, { deflate: true, claimedSize: 4096 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await read('bomb.docx', bomb, 'docx')).toEqual({ ok: false, reason: 'its text unzips to more than 32 MB, not read' });
  });

  test('a reader that fills its heap dies alone: this process lives, and the next file reads normally', async () => {
    // 8 MB of paragraphs pass the unzip cap; mammoth's document tree of them does not fit in 24 MB.
    const heavy = makeDocx(Array.from({ length: 250_000 }, (_, i) => `Paragraph ${i}`), { deflate: true });
    expect(await read('heavy.docx', heavy, 'docx', { maxMemoryMB: 24 })).toEqual({ ok: false, reason: 'needed more than 24 MB to read, stopped' });
    expect(await read('ok.docx', makeDocx(['fine']), 'docx', { maxMemoryMB: 24 })).toMatchObject({ ok: true, content: { text: expect.stringContaining('fine') } });
  });

  test('OCR without the optional packages says what is missing', async () => {
    const result = await read('scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/OCR needs the optional packages|tesseract/) });
  });

  test('a symlink is never followed', async () => {
    const target = await fileWith('real.txt', 'secret');
    const link = path.join(path.dirname(target), 'link.txt');
    await fs.symlink(target, link);
    expect(await readContent(link, 'text', LIMIT)).toEqual({ ok: false, reason: 'not a regular file' });
  });
});
