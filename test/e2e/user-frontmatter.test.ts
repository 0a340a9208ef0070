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
