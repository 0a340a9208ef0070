import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeDocx, makeZip } from '../fixtures/content/make-docx.js';
import { makeMultipart } from '../fixtures/content/make-email.js';
import { makePdf } from '../fixtures/content/make-pdf.js';
import { readNote, sha256 } from '../helpers/core-notes.js';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// Issue 12 end to end: what a dropped file says reaches the companion note and the plan.

const vault = tempVaults();
const FAST = 'intake:\n  settleTime: 0ms\n';

async function once(root: string) {
  const run = await runCli(['--once', '--vault', root]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

describe('content read at intake', () => {
  test("a PDF's printed due date becomes the plan's due; its text is in the companion", async () => {
    const pdf = makePdf(['ACME Ltd invoice 4711', 'Please pay EUR 120.00 by 2026-12-15']);
    const root = await vault({ 'Inbox/scan 0042.pdf': pdf, 'ai-employee.yaml': FAST });
    await once(root);
    expect(sha256(await fs.readFile(path.join(root, 'Needs_Action', 'scan 0042.pdf')))).toBe(sha256(pdf));
    const companion = await readNote(path.join(root, 'Needs_Action', 'scan 0042.pdf.md'));
    expect(companion.body.toString()).toContain('## Content');
    expect(companion.body.toString()).toContain('Please pay EUR 120.00 by 2026-12-15');
    expect(companion.data.ai_type).toBe('pdf');
    expect((await readNote(path.join(root, 'Plans', 'PLAN_scan 0042.pdf.md'))).data.due).toBe('2026-12-15');
  });

  test('an email\'s quoted reply is kept for search but asks nothing of the plan', async () => {
    const body = 'Thanks, that works for me.\n\nOn Mon, 30 Nov 2026 at 09:00, Bob <bob@acme.test> wrote:\n> Please send the signed contract by 2026-12-09.\n> Regards, Bob\n';
    const eml = makeMultipart({ From: 'Ann <ann@acme.test>', Subject: 'Re: contract', Date: 'Tue, 01 Dec 2026 10:00:00 +0000' }, body, []);
    const root = await vault({ 'Inbox/reply.eml': eml, 'ai-employee.yaml': FAST });
    await once(root);
    const companion = (await fs.readFile(path.join(root, 'Needs_Action', 'reply.eml.md'), 'utf8'));
    expect(companion).toContain('Please send the signed contract by 2026-12-09.');
    const plan = await readNote(path.join(root, 'Plans', 'PLAN_reply.eml.md'));
    expect(plan.data.due).toBeUndefined();
    expect(plan.body.toString()).not.toMatch(/signed contract/);
  });

  test("an email's PDF attachment is saved beside it (same bytes), read, and its date is the plan's due", async () => {
    const attachment = makePdf(['Contract. Please return it signed by 2026-12-10.']);
    const eml = makeMultipart({ From: 'Ann <ann@acme.test>', Subject: 'Contract', Date: 'Tue, 01 Dec 2026 10:00:00 +0000' }, 'The contract is attached.', [{ name: 'contract.pdf', type: 'application/pdf', bytes: attachment }]);
    const root = await vault({ 'Inbox/mail.eml': eml, 'ai-employee.yaml': FAST });
    await once(root);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['contract.pdf', 'mail.eml', 'mail.eml.md']);
    expect(sha256(await fs.readFile(path.join(root, 'Needs_Action', 'contract.pdf')))).toBe(sha256(attachment));
    expect(sha256(await fs.readFile(path.join(root, 'Needs_Action', 'mail.eml')))).toBe(sha256(eml));
    const companion = await readNote(path.join(root, 'Needs_Action', 'mail.eml.md'));
    expect(companion.data).toMatchObject({ ai_type: 'email', ai_subject: 'Contract', ai_from_address: 'ann@acme.test', ai_attachments: ['contract.pdf'] });
    expect(companion.body.toString()).toContain('- ![[contract.pdf]]');
    expect(companion.body.toString()).toContain('Please return it signed by 2026-12-10.');
    expect((await readNote(path.join(root, 'Plans', 'PLAN_mail.eml.md'))).data.due).toBe('2026-12-10');
  });

  test('a .docx is read; a broken PDF gets a companion without text, one log line, and the run is healthy', async () => {
    const broken = Buffer.from('%PDF-1.7\nthis is not really a pdf');
    const root = await vault({ 'Inbox/lease.docx': makeDocx(['Sign the lease renewal.']), 'Inbox/broken.pdf': broken, 'ai-employee.yaml': FAST });
    const run = await once(root);
    expect((await readNote(path.join(root, 'Needs_Action', 'lease.docx.md'))).body.toString()).toContain('Sign the lease renewal.');
    const companion = (await readNote(path.join(root, 'Needs_Action', 'broken.pdf.md'))).body.toString();
    expect(companion).toMatch(/_No text was read: .+_/);
    expect(sha256(await fs.readFile(path.join(root, 'Needs_Action', 'broken.pdf')))).toBe(sha256(broken));
    expect(run.stderr.split('\n').filter((line) => /no text read from Inbox\/broken\.pdf/.test(line))).toHaveLength(1);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_broken.pdf.md', 'PLAN_lease.docx.md']);
  });

  test('a zip-bomb .docx gets a companion without text and one log line, moves unchanged, and the run is healthy', async () => {
    const bomb = makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': `<w:document><w:body><w:p><w:r><w:t>${'All work and no play. '.repeat(3_000_000)}</w:t></w:r></w:p></w:body></w:document>` }, { deflate: true, claimedSize: 4096 });
    const root = await vault({ 'Inbox/bomb.docx': bomb, 'Inbox/lease.docx': makeDocx(['Sign the lease renewal.']), 'ai-employee.yaml': FAST });
    const run = await once(root);
    expect(sha256(await fs.readFile(path.join(root, 'Needs_Action', 'bomb.docx')))).toBe(sha256(bomb));
    expect((await readNote(path.join(root, 'Needs_Action', 'bomb.docx.md'))).body.toString()).toContain('_No text was read: its text unzips to more than 32 MB, not read_');
    expect(run.stderr.split('\n').filter((line) => /no text read from Inbox\/bomb\.docx/.test(line))).toHaveLength(1);
    expect((await readNote(path.join(root, 'Needs_Action', 'lease.docx.md'))).body.toString()).toContain('Sign the lease renewal.');
    expect(await listDir(path.join(root, '.ai-employee', 'staging')).catch(() => [])).toEqual([]);
  });
});
