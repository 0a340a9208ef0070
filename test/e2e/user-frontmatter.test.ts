import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readNote } from '../helpers/core-notes.js';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir, readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';

// The user's frontmatter is theirs (issue 11): the agent's own fields carry the ai_ prefix.

const FAST = 'intake:\n  settleTime: 0ms\n';
const vault = tempVaults();

// Real vaults use exactly these names for their own schemes (Obsidian help vault, kepano's vault, Web Clipper).
const USER_YAML = [
  'type:',
  '  - "[[Cities]]"',
  'status:',
  '  - "[[Published]]"',
  'source: https://example.org/article',
  'id: my-own-id-7',
  'created: 2024-05-01',
  'tags:',
  '  - travel',
  '  - clippings',
  'related: ["[[Lisbon]]", "[[Porto]]"]',
  'rating: 4.5',
  'year: 2019',
  'done: false',
  'plan: my own plan field',
  'priority: high',
].join('\n');

async function once(root: string): Promise<void> {
  const run = await runCli(['--once', '--vault', root, '--quiet']);
  expect(run.code, run.stderr).toBe(0);
}

function userPart(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('ai_')));
}

describe("the user's frontmatter survives every step", () => {
  test('intake → plan → tick → Done: every user value unchanged, the agent fields beside them', async () => {
    const root = await vault({ 'Inbox/Lisbon trip.md': `---\n${USER_YAML}\n---\nBook the hotel for the Lisbon trip.\n`, 'ai-employee.yaml': FAST });
    const expected = parse(USER_YAML) as Record<string, unknown>;

    await once(root);
    const item = await readNote(path.join(root, 'Needs_Action', 'Lisbon trip.md'));
    expect(userPart(item.data)).toEqual(expected);
    expect(item.data).toMatchObject({ ai_type: 'note', ai_status: 'planned', ai_source: 'inbox', ai_original_name: 'Lisbon trip.md', ai_plan: '[[PLAN_Lisbon trip]]' });
    expect(String(item.data.ai_received)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(item.body.toString()).toBe('Book the hotel for the Lisbon trip.\n');
    const text = await fs.readFile(path.join(root, 'Needs_Action', 'Lisbon trip.md'), 'utf8');
    expect(text.startsWith(`---\n${USER_YAML}\n`)).toBe(true);

    // The user's own status/done fields never complete an item; ticking the plan does.
    await once(root);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['Lisbon trip.md']);
    const planFile = path.join(root, 'Plans', 'PLAN_Lisbon trip.md');
    await fs.writeFile(planFile, (await fs.readFile(planFile, 'utf8')).replace(/- \[ \]/g, '- [x]'));
    await once(root);
    const [month] = await listDir(path.join(root, 'Done'));
    const filed = await readNote(path.join(root, 'Done', month!, 'Lisbon trip.md'));
    expect(userPart(filed.data)).toEqual(expected);
    expect(filed.data).toMatchObject({ ai_status: 'done', ai_plan: '[[PLAN_Lisbon trip]]' });
    expect(String(filed.data.ai_completed)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  test('an item with a 30 KB frontmatter is planned and filed', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `note_${i}: "${'x'.repeat(90)}"`).join('\n');
    const root = await vault({ 'Inbox/big.md': `---\n${long}\n---\nSign the form.\n`, 'ai-employee.yaml': FAST });
    expect(long.length).toBeGreaterThan(30_000);
    await once(root);
    const planFile = path.join(root, 'Plans', 'PLAN_big.md');
    await fs.writeFile(planFile, (await fs.readFile(planFile, 'utf8')).replace(/- \[ \]/g, '- [x]'));
    await once(root);
    const [month] = await listDir(path.join(root, 'Done'));
    expect(await listDir(path.join(root, 'Done', month!))).toEqual(['PLAN_big.md', 'big.md']);
    const filed = await readNote(path.join(root, 'Done', month!, 'big.md'));
    expect(filed.data.note_299).toBe('x'.repeat(90));
    expect(filed.data.ai_status).toBe('done');
  });
});

// Values YAML would write back differently (found on real notes: ids past 2^53, zip codes, ISBNs,
// phone numbers), comments, a folded block, odd indentation and trailing blanks: every line stays as typed.
const TRICKY_YAML = [
  'tweet_id: 1384901234567890123',
  'zip: 02134',
  'isbn: 0140449264',
  'phone: +4915112345678',
  'hex: 0xFF',
  'price: 1e3',
  'type: "[[Cities]]"   # a link to the category',
  'multiline: >',
  '  folded text',
  '  continues here',
  'parent:',
  '  -',
  '    - grandchild1: 1',
  'empty: ',
  "quoted: 'single'",
].join('\n');

// The lines between the fences, as bytes would show them.
function frontmatterLines(text: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/(?<=\n)/);
  return lines.slice(1, lines.indexOf(lines[0]!, 1));
}

describe("the user's frontmatter lines are kept byte for byte", () => {
  test.each([
    ['LF', '\n', ''],
    ['CRLF with a byte-order mark', '\r\n', '\uFEFF'],
  ])('%s: intake, planning and filing change no line of theirs and keep the line endings', async (_label, eol, bom) => {
    const userLines = TRICKY_YAML.split('\n').map((line) => `${line}${eol}`);
    const note = `${bom}---${eol}${userLines.join('')}---${eol}Call the archive about the scans.${eol}`;
    const root = await vault({ 'Inbox/Archive.md': note, 'ai-employee.yaml': FAST });
    await once(root);
    const taken = await fs.readFile(path.join(root, 'Needs_Action', 'Archive.md'), 'utf8');
    expect(taken.startsWith(`${bom}---${eol}${userLines.join('')}`)).toBe(true);

    const planFile = path.join(root, 'Plans', 'PLAN_Archive.md');
    await fs.writeFile(planFile, (await fs.readFile(planFile, 'utf8')).replace(/- \[ \]/g, '- [x]'));
    await once(root);
    const [month] = await listDir(path.join(root, 'Done'));
    const filed = await fs.readFile(path.join(root, 'Done', month!, 'Archive.md'), 'utf8');
    expect(filed.startsWith(bom)).toBe(true);
    const lines = frontmatterLines(filed);
    expect(lines.slice(0, userLines.length)).toEqual(userLines);
    expect(lines.slice(userLines.length).every((line) => line.startsWith('ai_') && line.endsWith(eol) && !line.slice(0, -eol.length).includes('\r'))).toBe(true);
    expect(lines).toContain(`ai_status: done${eol}`);
    expect(filed.endsWith(`---${eol}Call the archive about the scans.${eol}`)).toBe(true);
  });

  test('a note put straight into Needs_Action/ is planned with its lines unchanged', async () => {
    const root = await vault({ 'Needs_Action/Archive.md': `---\n${TRICKY_YAML}\n---\nCall the archive.\n`, 'ai-employee.yaml': FAST });
    await once(root);
    const planned = await fs.readFile(path.join(root, 'Needs_Action', 'Archive.md'), 'utf8');
    expect(planned.startsWith(`---\n${TRICKY_YAML}\nai_`)).toBe(true);
    expect(parse(frontmatterLines(planned).join(''))).toMatchObject({ ai_status: 'planned', ai_plan: '[[PLAN_Archive]]' });
  });
});

describe('a vault written by version 0.1.0 (before the ai_ prefix)', () => {
  // Made by running 0.1.0 (commit 8cc8619) --once on four drops, then ticking one plan and running again.
  const fixture = fileURLToPath(new URL('../fixtures/vault-from-0.1.0/', import.meta.url));

  test('keeps working: no second plan, no second item, its old fields carried on, ticks filed', async () => {
    const root = await vault({ 'ai-employee.yaml': FAST });
    await fs.cp(fixture, root, { recursive: true });
    const before = await readTree(root, { skip: /^(Logs|Briefings|\.ai-employee|Dashboard\.md)/ });

    await once(root);
    expect(await readTree(root, { skip: /^(Logs|Briefings|\.ai-employee|Dashboard\.md)/ })).toEqual(before);

    const planFile = path.join(root, 'Plans', 'PLAN_water.md');
    await fs.writeFile(planFile, (await fs.readFile(planFile, 'utf8')).replace(/- \[ \]/g, '- [x]'));
    await once(root);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['lunch.eml', 'lunch.eml.md', 'scan.pdf', 'scan.pdf.md']);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_lunch.eml.md', 'PLAN_scan.pdf.md']);
    const filed = await readNote(path.join(root, 'Done', '2026-12', 'water.md'));
    expect(filed.data).toMatchObject({ tags: ['home'], id: '20261203-071134-76b61d88', type: 'note', status: 'done', source: 'inbox', plan: '[[PLAN_water]]' });
    expect(Object.keys(filed.data).filter((key) => key.startsWith('ai_'))).toEqual([]);
    expect(filed.body.toString()).toBe('Pay the water bill by Friday.\n');

    const dashboard = await fs.readFile(path.join(root, 'Dashboard.md'), 'utf8');
    expect(dashboard).toContain('lunch.eml');
    expect(dashboard).toContain('scan.pdf');
  });
});
