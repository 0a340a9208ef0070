import fs from 'node:fs';
import path from 'node:path';
import { makeDocx } from '../../test/fixtures/content/make-docx.js';
import { makeMultipart } from '../../test/fixtures/content/make-email.js';
import { makePdf } from '../../test/fixtures/content/make-pdf.js';
import { makeEmptyVault } from '../make-inputs.js';
import { measureProcess, summarise } from '../measure.js';
import { CLI, countFiles, dropWorkDir, makeWorkDir } from '../paths.js';

// Content extraction's cost per item of each kind (§15): --once on N items of one kind alone,
// against an empty run (nothing in Inbox) as the fixed cost of starting the tool. The files are
// real (PDF with a text layer, .docx, multipart .eml with a PDF attachment, a saved web page) and
// built by the same helpers as the tests; every item differs (intake reads no duplicate) and the
// bytes are the same on every run. After each run the scenario checks one plan per item and that
// the first item's text reached Needs_Action/, so a reader that silently fails cannot look fast.

// Dropped files are dated an hour back, so intake's settle wait never applies.
const AN_HOUR_AGO = new Date(Date.now() - 3600_000);
const pad = (i) => String(i).padStart(4, '0');

function invoicePdf(i) {
  const number = `INV-2026-${pad(4100 + i)}`;
  return makePdf(
    [
      [
        'Northwind Office Supplies Ltd',
        '48 Harbour Road, Bristol BS1 5TT, United Kingdom',
        'VAT reg. GB 123 4567 89 - accounts@northwind.example - 0117 496 0000',
        '',
        `INVOICE ${number}`,
        'Invoice date: 16 November 2026',
        `Customer reference: HS-${pad(i)}`,
        'Purchase order: PO-88213',
        '',
        'Bill to:',
        'Harbor Studio LLP',
        'Attn. Accounts Payable',
        '12 Quay Street',
        'Bristol BS1 4DJ',
        '',
        'Delivery address: as above, reception desk, ground floor.',
        'Delivered on 14 November 2026 by Northwind Logistics, note DN-55102.',
        'Page 1 of 3',
      ],
      [
        'Items',
        '',
        'Qty  Description                                 Unit price      Amount',
        '12   A4 copier paper, 5 reams per box            EUR 24.50   EUR 294.00',
        '3    Black toner cartridge TN-2420               EUR 89.90   EUR 269.70',
        '2    Colour toner set TN-247 (C/M/Y)            EUR 129.00   EUR 258.00',
        '1    Desk organiser, grey                        EUR 19.99    EUR 19.99',
        '20   Ring binders A4, 40 mm                       EUR 2.15    EUR 43.00',
        '6    Whiteboard markers, pack of 4                EUR 5.80    EUR 34.80',
        '1    Delivery                                    EUR 15.00    EUR 15.00',
        '',
        'Subtotal                                                   EUR 934.49',
        'VAT 20%                                                    EUR 186.90',
        'Total                                                     EUR 1,121.39',
        '',
        'Page 2 of 3',
      ],
      [
        'Payment',
        '',
        'Total amount due: EUR 1,121.39',
        'Due date: 15 December 2026',
        '',
        'Please pay by bank transfer to:',
        'Northwind Office Supplies Ltd, Barclays Bank, Bristol',
        'IBAN GB33 BUKB 2020 1555 5555 55 - BIC BUKBGB22',
        `Please quote ${number} as the payment reference.`,
        '',
        'Late payment incurs interest of 2% per month on the amount outstanding.',
        'Goods remain our property until paid in full.',
        'Questions about this invoice: accounts@northwind.example.',
        '',
        'Thank you for your business.',
        'Page 3 of 3',
      ],
    ],
    `Invoice ${number}`,
  );
}

function minutesDocx(i) {
  return makeDocx([
    `Minutes of the project steering meeting ${pad(i)}`,
    'Present: Ana Ruiz (chair), Bo Lindqvist, Carla Mendes, Dev Patel. Apologies: Erin Walsh.',
    'The group reviewed the migration plan for the customer portal. The test environment is ready and the data export from the old system ran without errors last week.',
    'Budget: spending is at 62% of the quarter, in line with the forecast. The hosting contract renewal is the largest open item.',
    `Action: Bo to send the signed hosting contract renewal (ref HC-${pad(i)}) to procurement by 4 December 2026.`,
    'Action: Carla to book the user training sessions for the first week of January.',
    'Next meeting: Thursday 10 December 2026, 10:00, room 3B.',
  ]);
}

function quoteEmail(i) {
  const attachment = makePdf([
    [
      `Quote Q-${pad(i)} - office refit, Harbor Studio LLP`,
      'Labour: EUR 4,200.00',
      'Materials: EUR 2,950.00',
      'Total: EUR 7,150.00 excluding VAT',
      'This quote is valid until 31 December 2026.',
    ],
  ]);
  return makeMultipart(
    {
      From: 'Dana Client <dana@client.example>',
      To: 'me@example.com',
      Subject: `Quote ${pad(i)} for the office refit`,
      Date: `Tue, 17 Nov 2026 09:${String(i % 60).padStart(2, '0')}:00 +0000`,
      'Message-ID': `<quote-${pad(i)}@client.example>`,
    },
    `Hi,\r\n\r\nPlease find attached our quote Q-${pad(i)} for the office refit.\r\nCould you confirm whether we can go ahead by 4 December 2026? We need to order the materials the week after.\r\n\r\nThanks,\r\nDana`,
    [{ name: `quote ${pad(i)}.pdf`, type: 'application/pdf', bytes: attachment }],
  );
}

function savedPage(i) {
  const paragraphs = [
    'Remote work has changed how small teams plan their week. Instead of a Monday meeting, many teams now write a short plan in a shared document and review it asynchronously.',
    'The most useful plans are short: three priorities, the people each depends on, and the date by which each must be done. Longer plans tend to be skimmed and then forgotten.',
    'A second habit that helps is a weekly review on Friday afternoon: what was done, what moved, and what should be dropped. Teams that review regularly report fewer surprises at the end of the month.',
    'Tools matter less than the routine. A plain text file in a shared folder works as well as a dedicated app, provided that everyone reads it and keeps it current.',
    'Finally, keep a list of waiting-for items: requests sent to other people with the date they were sent. It makes follow-ups easy and avoids work falling between the cracks.',
  ];
  return Buffer.from(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Planning the week as a remote team (part ${i + 1})</title>
<link rel="canonical" href="https://blog.example/planning-the-week-${pad(i)}">
<style>
body { font-family: Georgia, serif; max-width: 42rem; margin: 2rem auto; color: #222; line-height: 1.55; }
nav ul { list-style: none; display: flex; gap: 1rem; padding: 0; }
nav a { color: #0645ad; text-decoration: none; }
article h1 { font-size: 2rem; margin-bottom: 0.25rem; }
.byline { color: #666; font-size: 0.9rem; }
footer { margin-top: 3rem; border-top: 1px solid #ddd; font-size: 0.8rem; color: #777; }
</style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){ dataLayer.push(arguments); } gtag('js', new Date());</script>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/archive">Archive</a></li><li><a href="/about">About</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main>
<article>
<h1>Planning the week as a remote team (part ${i + 1})</h1>
<p class="byline">By Sam Okafor, 12 November 2026, 6 min read</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<h2>A checklist to start with</h2>
<ul>
<li>Write the three priorities for the week by Monday noon.</li>
<li>Name one owner for each priority.</li>
<li>Review on Friday and move what did not get done.</li>
</ul>
<p>Read this article and try the checklist with your team before the next sprint review on 3 December 2026.</p>
</article>
</main>
<footer><p>&copy; 2026 The Small Teams Blog. All rights reserved. <a href="/privacy">Privacy</a> &middot; <a href="/terms">Terms</a></p></footer>
</body>
</html>
`, 'utf8');
}

function noteText(i) {
  return `---\ntitle: Contract ${pad(i)}\ntags: [work, q4]\npriority: high\n---\n# Contract ${pad(i)}\n\nPlease review the supplier contract and sign it by 2026-12-01.\nSend the signed copy to legal and file it under Contracts/2026.\n`;
}

// Each kind: the dropped file's name and bytes for item i, and text its companion (or, for a note,
// the note itself) must hold once read.
const KINDS = [
  { kind: 'pdf', label: 'PDF (3 pages, text layer)', name: (i) => `invoice ${pad(i)}.pdf`, bytes: invoicePdf, expect: ['Due date: 15 December 2026'] },
  { kind: 'docx', label: '.docx (7 paragraphs)', name: (i) => `minutes ${pad(i)}.docx`, bytes: minutesDocx, expect: ['send the signed hosting contract renewal'] },
  { kind: 'eml', label: '.eml (multipart, text + 1 PDF attachment)', name: (i) => `mail ${pad(i)}.eml`, bytes: quoteEmail, expect: ['Could you confirm whether we can go ahead', 'This quote is valid until 31 December 2026.'] },
  { kind: 'html', label: 'saved web page (.html, ~4 KB)', name: (i) => `page ${pad(i)}.html`, bytes: savedPage, expect: ['Tools matter less than the routine.'] },
  { kind: 'note', label: '.md notes (reference)', name: (i) => `note ${pad(i)}.md`, bytes: (i) => Buffer.from(noteText(i), 'utf8'), expect: ['Please review the supplier contract'], isNote: true },
];

const isPlan = (name) => name.startsWith('PLAN_');

export async function runContentScenario(options, report) {
  const runs = options.runs ?? 3;
  const items = options.contentItems ?? 20;
  const empty = { name: 'content-empty', title: 'ours --once, empty Inbox (fixed cost)', size: 0, samples: [] };
  const rows = KINDS.map((k) => ({ name: `content-${k.kind}`, title: `ours --once, ${items} ${k.label}`, size: items, samples: [] }));
  for (let run = 0; run < runs; run++) {
    report(`content: run ${run + 1}/${runs}`);
    empty.samples.push(await onceOn(options, 'empty', 0, undefined));
    for (const [index, kind] of KINDS.entries()) rows[index].samples.push(await onceOn(options, kind.kind, items, kind));
  }
  return [...rows, empty];
}

async function onceOn(options, label, count, kind) {
  const dir = makeWorkDir(`content-${label}`);
  try {
    const vault = makeEmptyVault(path.join(dir, 'vault'));
    for (let i = 0; i < count; i++) {
      const file = path.join(vault, 'Inbox', kind.name(i));
      fs.writeFileSync(file, kind.bytes(i));
      fs.utimesSync(file, AN_HOUR_AGO, AN_HOUR_AGO);
    }
    const what = `content ${label} ${count}`;
    const result = await measureProcess(process.execPath, [CLI, '--once', '--quiet', '--vault', vault], { label: what });
    const made = countFiles(path.join(vault, 'Plans'), isPlan);
    if (made !== count) throw new Error(`${what}: made ${made} plans for ${count} items in ${path.join(vault, 'Plans')}`);
    if (kind && count > 0) checkRead(what, vault, kind);
    return result;
  } finally {
    dropWorkDir(dir, options.keep);
  }
}

// The first item's text must have reached Needs_Action/ (its companion note, or the note itself).
function checkRead(what, vault, kind) {
  const name = kind.name(0);
  const file = path.join(vault, 'Needs_Action', kind.isNote ? name : `${name}.md`);
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${what}: ${file} is missing`);
  }
  const missing = kind.expect.filter((e) => !text.includes(e));
  if (missing.length) throw new Error(`${what}: the text of ${name} was not read (${file} lacks "${missing.join('", "')}")`);
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtPerItem = (ms) => `${ms.toFixed(1)} ms`;

// The cost per item of each kind: (median wall of N items − median wall of the empty run) / N,
// the same with CPU user+sys, and the median peak RSS.
export function formatContentCosts(rows) {
  const lines = ['| kind | items | wall, median | cost per item (wall − empty) / N | CPU per item (CPU − empty) / N | peak RSS MB, median |', '|---|---:|---:|---:|---:|---:|'];
  const emptyRow = rows.find((r) => r.name === 'content-empty');
  const emptyWall = emptyRow && summarise(emptyRow.samples, 'wallMs')?.median;
  const emptyCpu = emptyRow && summarise(emptyRow.samples, 'cpuS')?.median;
  for (const row of rows.filter((r) => r.name.startsWith('content-'))) {
    const kind = row.name.slice('content-'.length);
    const wall = summarise(row.samples, 'wallMs')?.median;
    const cpu = summarise(row.samples, 'cpuS')?.median;
    const rss = summarise(row.samples, 'rssKB')?.median;
    const isEmpty = row === emptyRow;
    const perWall = !isEmpty && row.size > 0 && wall !== undefined && emptyWall !== undefined ? fmtPerItem((wall - emptyWall) / row.size) : isEmpty ? '(fixed cost)' : 'n/a';
    const perCpu = !isEmpty && row.size > 0 && cpu !== undefined && emptyCpu !== undefined ? fmtPerItem(((cpu - emptyCpu) * 1000) / row.size) : isEmpty ? (cpu !== undefined ? `${cpu.toFixed(2)} s total` : 'n/a') : 'n/a';
    lines.push(`| ${kind} | ${row.size} | ${wall !== undefined ? fmtMs(wall) : 'n/a'} | ${perWall} | ${perCpu} | ${rss !== undefined ? Math.round(rss / 1024) : 'n/a'} |`);
  }
  return lines.join('\n');
}
