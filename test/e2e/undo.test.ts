import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir, readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// §4 `ai-employee undo`, end to end: real drops, a real --once, then undo puts them back as they were.

const tempVault = tempVaults();

// A note with the user's own frontmatter, written the way people type it (extra spaces, a comment, a flow list).
const NOTE = Buffer.from('---\ntitle:   "Call  Bob"\ntags: [home, calls]\n# mine\nstatus: draft\nsource: phone\n---\nPlease call Bob about the boiler.\n\n- [ ] call Bob\n');
// Bytes a PDF reader would refuse: the file is moved, never rewritten.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 255, 254, 10, 13]), Buffer.from('\n%%EOF\n')]);

async function droppedAndTakenIn(tree = {}): Promise<string> {
  const root = await tempVault({ 'Inbox/call-bob.md': NOTE, 'Inbox/scan.pdf': PDF, ...tree });
  const once = await runCli(['--once', '--quiet', '--vault', root]);
  expect(once.code).toBe(0);
  expect(await listDir(path.join(root, 'Inbox'))).toEqual([]);
  expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_call-bob.md', 'PLAN_scan.pdf.md']);
  return root;
}

async function auditLines(root: string): Promise<Record<string, string>[]> {
  const text = await fs.readFile(path.join(root, 'Logs', 'audit.jsonl'), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
}

describe('ai-employee undo', () => {
  test('undo NAME puts a note and a file back in Inbox/ with their original names and bytes; plans and companion go; the audit log says so', async () => {
    const root = await droppedAndTakenIn();
    const note = await runCli(['undo', 'call-bob.md', '--vault', root, '--quiet']);
    expect(note.code).toBe(0);
    expect(note.stdout).toBe('put back Needs_Action/call-bob.md -> Inbox/call-bob.md, removed Plans/PLAN_call-bob.md\n');
    const file = await runCli(['undo', 'scan.pdf', '--vault', root, '--quiet']);
    expect(file.code).toBe(0);
    expect(file.stdout).toBe('put back Needs_Action/scan.pdf.md -> Inbox/scan.pdf, removed Plans/PLAN_scan.pdf.md\n');

    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['call-bob.md', 'scan.pdf']);
    expect((await fs.readFile(path.join(root, 'Inbox', 'call-bob.md'))).equals(NOTE)).toBe(true);
    expect((await fs.readFile(path.join(root, 'Inbox', 'scan.pdf'))).equals(PDF)).toBe(true);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
    expect(await listDir(path.join(root, 'Plans'))).toEqual([]);
    const undos = (await auditLines(root)).filter((entry) => entry.action === 'undo');
    expect(undos.map((entry) => [entry.from, entry.to, entry.result])).toEqual([
      ['Needs_Action/call-bob.md', 'Inbox/call-bob.md', 'ok'],
      ['Needs_Action/scan.pdf.md', 'Inbox/scan.pdf', 'ok'],
    ]);
    expect(await fs.readFile(path.join(root, 'Logs', 'ai_employee.log'), 'utf8')).toContain('INFO - undo: Needs_Action/call-bob.md -> Inbox/call-bob.md (the bytes as dropped; plan Plans/PLAN_call-bob.md removed)');
  });

  test('--dry-run prints what it would do and changes nothing', async () => {
    const root = await droppedAndTakenIn();
    const before = await readTree(root);
    const run = await runCli(['undo', '--last', '2', '--dry-run', '--vault', root]);
    expect(run.code).toBe(0);
    // Both were taken in by one run; which counts as the later depends on the second each was claimed in.
    const note = ["restore Needs_Action/call-bob.md -> Inbox/call-bob.md (without the agent's fields)", 'remove Plans/PLAN_call-bob.md'];
    const file = ['move Needs_Action/scan.pdf -> Inbox/scan.pdf', 'remove Needs_Action/scan.pdf.md (its companion note)', 'remove Plans/PLAN_scan.pdf.md'];
    expect([[...note, ...file, ''].join('\n'), [...file, ...note, ''].join('\n')]).toContain(run.stdout);
    expect(await readTree(root)).toEqual(before);
  });

  test('the restored file is not taken in by the next --once, but is once the user edits it', async () => {
    const root = await droppedAndTakenIn({ 'ai-employee.yaml': 'intake:\n  editQuiet: 0s\n' });
    expect((await runCli(['undo', '--last', '2', '--vault', root, '--quiet'])).code).toBe(0);

    const again = await runCli(['--once', '--vault', root]);
    expect(again.code).toBe(0);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['call-bob.md', 'scan.pdf']);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);

    await fs.appendFile(path.join(root, 'Inbox', 'call-bob.md'), 'And ask about Friday.\n');
    const edited = await runCli(['--once', '--vault', root, '--quiet']);
    expect(edited.code).toBe(0);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['scan.pdf']);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['call-bob.md']);
    expect(await fs.readFile(path.join(root, 'Needs_Action', 'call-bob.md'), 'utf8')).toContain('And ask about Friday.\n');
  });

  test('an item already filed under Done/ comes back too; its ticked plan is kept under a new name, unlinked', async () => {
    const root = await droppedAndTakenIn();
    const planFile = path.join(root, 'Plans', 'PLAN_call-bob.md');
    await fs.writeFile(planFile, (await fs.readFile(planFile, 'utf8')).replace(/- \[ \]/g, '- [x]'));
    expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
    const [month] = await listDir(path.join(root, 'Done'));
    expect(await listDir(path.join(root, 'Done', month!))).toEqual(['PLAN_call-bob.md', 'call-bob.md']);

    const run = await runCli(['undo', 'call-bob', '--vault', root, '--quiet']);
    expect(run.code).toBe(0);
    // Filing ticked the note's own task and stamped it: that stays, and undo says the note changed since it was dropped.
    expect(run.stdout).toBe(`put back Done/${month}/call-bob.md -> Inbox/call-bob.md, kept your edited plan as Done/${month}/PLAN_call-bob (undone).md (it had changed since it was taken in: restored as it is now, without the agent's fields)\n`);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['call-bob.md']);
    const restored = await fs.readFile(path.join(root, 'Inbox', 'call-bob.md'), 'utf8');
    expect(restored).toMatch(/^---\ntitle: +"Call  Bob"\ntags: \[home, calls\]\n# mine\nstatus: draft\nsource: phone\n---\nPlease call Bob about the boiler\.\n\n- \[x\] call Bob ✅ \d{4}-\d{2}-\d{2}\n$/);
    const kept = await fs.readFile(path.join(root, 'Done', month!, 'PLAN_call-bob (undone).md'), 'utf8');
    expect(kept).toContain('- [x] ');
    expect(kept).not.toMatch(/^(id|source):/m);
    expect(await listDir(path.join(root, 'Done', month!))).toEqual(['PLAN_call-bob (undone).md']);
  });

  test('a plan the user edited is kept beside, and no later run files or replans it', async () => {
    const root = await droppedAndTakenIn();
    const planFile = path.join(root, 'Plans', 'PLAN_scan.pdf.md');
    const edited = `${await fs.readFile(planFile, 'utf8')}\nMy note: the scan is for the tax return.\n`;
    await fs.writeFile(planFile, edited);
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(planFile, later, later);
    const run = await runCli(['undo', 'scan.pdf', '--vault', root, '--quiet']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kept your edited plan as Plans/PLAN_scan.pdf (undone).md');
    const kept = await fs.readFile(path.join(root, 'Plans', 'PLAN_scan.pdf (undone).md'), 'utf8');
    expect(kept).toContain('My note: the scan is for the tax return.\n');
    expect((await runCli(['--once', '--vault', root, '--quiet'])).code).toBe(0);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_call-bob.md', 'PLAN_scan.pdf (undone).md']);
  });

  test.each([
    { args: ['undo', 'nothing-like-it.md'], message: 'undo: no item named "nothing-like-it.md" in Needs_Action/ or Done/' },
    { args: ['undo'], message: 'undo needs the name of an item' },
    { args: ['undo', '--last', 'x'], message: '--last: "x" is not allowed' },
    { args: ['undo', 'call-bob.md', '--to', '../elsewhere'], message: '--to "../elsewhere" is not a folder inside the vault' },
  ])('$args → exit 2: $message; nothing changes', async ({ args, message }) => {
    const root = await droppedAndTakenIn();
    const before = await readTree(root);
    const run = await runCli([...args, '--vault', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(await readTree(root)).toEqual(before);
  });

  test('a file of that name already in Inbox/ is never replaced: exit 1, the item stays where it is', async () => {
    const root = await droppedAndTakenIn();
    await fs.writeFile(path.join(root, 'Inbox', 'scan.pdf'), 'a different scan');
    const agentRecords = /^(Logs\/|\.ai-employee\/state\.json$)/;
    const before = await readTree(root, { skip: agentRecords });
    const run = await runCli(['undo', 'scan.pdf', '--vault', root, '--quiet']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('could not undo Needs_Action/scan.pdf.md: Inbox/scan.pdf already exists; move or rename it, then undo again');
    expect(await readTree(root, { skip: agentRecords })).toEqual(before);
    expect((await auditLines(root)).at(-1)).toMatchObject({ action: 'undo', from: 'Needs_Action/scan.pdf.md', result: 'failed' });
  });

  test('an undo interrupted after it set the file aside is finished by the next undo', async () => {
    const root = await droppedAndTakenIn();
    const companion = await fs.readFile(path.join(root, 'Needs_Action', 'scan.pdf.md'), 'utf8');
    const id = /^ai_id: (\S+)$/m.exec(companion)![1]!;
    // Where the killed undo left things: the file in .ai-employee/undo/, the companion and plan still in place.
    await fs.mkdir(path.join(root, '.ai-employee', 'undo'), { recursive: true });
    await fs.rename(path.join(root, 'Needs_Action', 'scan.pdf'), path.join(root, '.ai-employee', 'undo', `${id}.restoring`));
    const run = await runCli(['undo', 'scan.pdf', '--vault', root, '--quiet']);
    expect(run.code).toBe(0);
    expect((await fs.readFile(path.join(root, 'Inbox', 'scan.pdf'))).equals(PDF)).toBe(true);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['call-bob.md']);
    expect(await listDir(path.join(root, '.ai-employee', 'undo'))).toEqual([]);
  });

  test('two items dropped under one name: the second undo never takes the first one\'s restored file for its own', async () => {
    const root = await tempVault({ 'Inbox/x.md': 'first\n' });
    expect((await runCli(['--once', '--quiet', '--vault', root])).code).toBe(0);
    await fs.writeFile(path.join(root, 'Inbox', 'x.md'), 'second\n');
    expect((await runCli(['--once', '--quiet', '--vault', root])).code).toBe(0);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['x (2).md', 'x.md']);
    expect((await runCli(['undo', 'x.md', '--vault', root, '--quiet'])).code).toBe(0);
    const second = await runCli(['undo', 'x (2).md', '--vault', root, '--quiet']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('Inbox/x.md already exists');
    expect(await fs.readFile(path.join(root, 'Inbox', 'x.md'), 'utf8')).toBe('first\n');
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['x (2).md']);
  });

  test('--to puts the item in another folder of the vault', async () => {
    const root = await droppedAndTakenIn();
    const run = await runCli(['undo', 'scan.pdf', '--to', 'Archive/Scans', '--vault', root, '--quiet']);
    expect(run.code).toBe(0);
    expect((await fs.readFile(path.join(root, 'Archive', 'Scans', 'scan.pdf'))).equals(PDF)).toBe(true);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual([]);
  });
});
