import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ITERATION_STAGES, runIteration } from '../../src/runner/iteration.js';
import { readNoteText, splitFrontmatter, updateYaml, parseYamlData, stringifyFrontmatter } from '../../src/vault/frontmatter.js';
import { hostileNotes } from '../fixtures/torture/hostile-notes.js';
import { makeTempDir, writeTree } from '../helpers/make-vault.js';
import { readTree } from '../helpers/read-tree.js';
import { runCli } from '../helpers/run-cli.js';
import { stageContext } from '../helpers/stage-context.js';
import { badLogLines, dropProblems, plainDataProblem } from './support/hostile-checks.js';
import { seededRandom } from './support/seeded-random.js';
import { checkPlans } from './support/vault-invariants.js';

// §14: an attacker who can drop any file into Inbox/ or edit any note. Nothing executes, nothing is
// written outside the vault, no file is lost, and the run ends with 0 or 1 and logged reasons.

const random = seededRandom('hostile');
const fcSeed = { seed: random.seed | 0 };

// A parent folder holding the vault and a sibling the attacker would like to read or change.
let parent: string;
let outside: string;
let marker: string;
beforeAll(async () => {
  parent = await makeTempDir('ai-employee-hostile-');
  outside = path.join(parent, 'outside');
  marker = path.join(outside, 'PWNED');
  await writeTree(outside, { 'secret.txt': 'top secret\n', 'x.md': 'outside note\n', etc: { 'passwd.md': 'root:x:0:0\n' } });
});
afterAll(async () => {
  await fs.rm(parent, { recursive: true, force: true });
});

const FRAGMENTS = ['---', '---js', '---JS', '--- coffee', '---json', '---toml', '...', '\n', '\r\n', ': ', '- ', '&a ', '*a', '<<: *a', '__proto__', 'constructor', 'prototype', '!!js/function ', '!!binary ', '"', "'", '{', '}', '[', ']', '#', '\u0000', '\uFEFF', '\u2028', 'polluted'];
const noteText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('frontmatter reader, property tests', () => {
  test('splitFrontmatter never throws and yields only plain data, for any bytes or YAML-ish text', () => {
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 600 }), noteText.map((t) => new Uint8Array(Buffer.from(t))));
    fc.assert(
      fc.property(bytes, (head) => {
        const split = splitFrontmatter(head);
        if (split.kind === 'yaml') {
          expect(plainDataProblem(split.data)).toBeUndefined();
          expect(split.bodyOffset).toBeLessThanOrEqual(head.byteLength);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { ...fcSeed, numRuns: 3000 },
    );
  });

  test('readNoteText never throws; a valid note splits into frontmatter and an unchanged tail', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const note = readNoteText(text);
        if (note.yamlText !== '') expect(text.endsWith(note.body)).toBe(true);
        else expect(note.body).toBe(text);
        expect(plainDataProblem(note.data)).toBeUndefined();
      }),
      { ...fcSeed, numRuns: 2000 },
    );
  });

  test('updateYaml keeps every user key, adds the changes, and builds no prototype', () => {
    const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'status', 'a b', '#x', '-', '? x', 'true', '1'), fc.string({ minLength: 1, maxLength: 10 }));
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), fc.dictionary(key, value, { maxKeys: 4 }), (user, changes) => {
        const merged = parseYamlData(updateYaml(stringifyFrontmatter(user), changes));
        expect(merged).toEqual({ ...user, ...changes });
        expect(plainDataProblem(merged)).toBeUndefined();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { ...fcSeed, numRuns: 1000 },
    );
  });

  test.each(Object.entries(hostileNotes('/nonexistent/PWNED')))('%s: read as plain data or refused, never evaluated', (_name, text) => {
    const started = Date.now();
    const split = splitFrontmatter(Buffer.from(text));
    expect(Date.now() - started).toBeLessThan(2000);
    if (split.kind === 'yaml') expect(plainDataProblem(split.data)).toBeUndefined();
    if (/^\uFEFF?--- ?(js|javascript|JS|coffee|coffeescript|cson|json|toml)/.test(text)) expect(split.kind).not.toBe('yaml');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile vaults, end to end', () => {
  test('hostile notes in Inbox/, Needs_Action/ and Plans/: nothing runs, nothing outside changes, nothing is lost', async () => {
    const vault = path.join(parent, 'vault-notes');
    const notes = hostileNotes(marker);
    const planned = {
      'Needs_Action/climb.md': '---\nai_id: 20240101-000000-aaaaaaaa\nai_status: done\nai_attachment: ../../outside/secret.txt\nai_plan: "[[../Plans/PLAN_climb]]"\n---\nbody\n',
      'Needs_Action/climb-old.md': '---\nid: 20240101-000000-cccccccc\nsource: inbox\nstatus: done\nattachment: ../../outside/secret.txt\nplan: "[[../Plans/PLAN_climb]]"\n---\nbody\n',
      'Needs_Action/secret.txt.md': '---\nai_id: 20240101-000000-bbbbbbbb\nai_attachment: ../../outside/secret.txt\nai_status: done\n---\n',
      'Plans/PLAN_escape.md': '---\nid: ../../outside/x\nsource: "[[../../outside/x]]"\nstatus: done\n---\n- [x] go\n',
      'Plans/PLAN_abs.md': '---\nid: 20240101-000000-cccccccc\nsource: "[[/tmp/x]]"\n---\n- [x] go\n',
      'Plans/PLAN_etc.md': '---\nsource: "[[../outside/etc/passwd]]"\nstatus: done\n---\n',
    };
    await writeTree(vault, { Inbox: Object.fromEntries(Object.entries(notes).map(([n, t]) => [n, t])), ...planned });
    await ageInbox(vault);
    const before = await readTree(outside);

    // In-process first (so a polluted prototype would show here), then the real CLI twice.
    const { ctx } = stageContext(vault);
    await runIteration(ITERATION_STAGES, ctx);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      const result = await runCli(['--once', '--vault', vault, '--ignore-constraints']);
      expect([0, 1]).toContain(result.code);
      expect(result.stderr).not.toMatch(/TypeError|ReferenceError|RangeError|Unhandled|\n\s+at /);
    }

    expect(await readTree(outside)).toEqual(before);
    expect(await fs.readdir(parent)).toEqual(['outside', 'vault-notes']);
    for (const [name, text] of Object.entries(notes)) expect(await dropProblems(vault, name, Buffer.from(text))).toBeUndefined();
    expect(await badLogLines(path.join(vault, 'Logs'))).toEqual([]);
    await fs.rm(vault, { recursive: true, force: true });
  });

  test('generated names and contents (control characters, near-255-byte names, link characters, random bytes)', async () => {
    const nameChar = fc.oneof(fc.constantFrom('a', 'Z', ' ', '.', '-', '#', '|', '^', '[', ']', '%', '\n', '\r', '\t', '\u001b', '\u007f', '\u2028', 'é', '会', '😀', '$', '`', '"', "'", '*', '?', '~', ';', '&'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const stem = fc.oneof(fc.array(nameChar, { minLength: 1, maxLength: 30 }).map((c) => c.join('')), fc.integer({ min: 200, max: 250 }).map((n) => 'L'.repeat(n)));
    const name = fc
      .tuple(stem, fc.constantFrom('.md', '.MD', '.markdown', '.pdf', '.eml', '', '.txt'))
      .map(([s, ext]) => `${s}${ext}`)
      .filter((n) => !n.includes('/') && !n.includes('\0') && !n.startsWith('.') && Buffer.byteLength(n) <= 255 && !/(\.tmp|\.part|\.crdownload|\.download|\.partial|\.swp|~)$/i.test(n) && !n.startsWith('~$') && !/^(thumbs\.db|desktop\.ini)$/i.test(n));
    const content = fc.oneof(noteText.map((t) => Buffer.from(t)), fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(name, content), { minLength: 1, maxLength: 25, selector: ([n]) => n.normalize('NFC').toLowerCase() }), async (drops) => {
        const vault = path.join(parent, `vault-gen-${run++}`);
        await writeTree(vault, { Inbox: {}, Needs_Action: {}, Plans: {} });
        for (const [n, bytes] of drops) await fs.writeFile(path.join(vault, 'Inbox', n), bytes);
        await ageInbox(vault);
        const result = await runCli(['--once', '--vault', vault, '--ignore-constraints']);
        expect([0, 1], result.stderr).toContain(result.code);
        expect(result.stderr).not.toMatch(/TypeError|ReferenceError|RangeError|Unhandled|\n\s+at /);
        for (const [n, bytes] of drops) expect(await dropProblems(vault, n, bytes)).toBeUndefined();
        expect(await checkPlans(vault)).toEqual([]);
        expect(await badLogLines(path.join(vault, 'Logs'))).toEqual([]);
        await fs.rm(vault, { recursive: true, force: true });
      }),
      { ...fcSeed, numRuns: 12 },
    );
    expect(await fs.readdir(parent)).toEqual(['outside']);
  });

  test.each([['a#b.md'], ['a|b.md'], ['a^b.md'], ['a.MD'], ['a.markdown']])('ticking the plan of %s files that item, not the one its link seems to name', async (name) => {
    const vault = path.join(parent, `vault-links-${Buffer.from(name).toString('hex')}`);
    await writeTree(vault, { Inbox: { 'a.md': 'plain a\n', [name]: 'the other one\n' } });
    await ageInbox(vault);
    const args = ['--once', '--vault', vault, '--ignore-constraints', '--quiet'];
    expect((await runCli(args)).code).toBe(0);
    expect(await checkPlans(vault)).toEqual([]);
    const id = readNoteText(await fs.readFile(path.join(vault, 'Needs_Action', name), 'utf8')).data.ai_id;
    const plans = await fs.readdir(path.join(vault, 'Plans'));
    const other: string[] = [];
    for (const plan of plans) if (readNoteText(await fs.readFile(path.join(vault, 'Plans', plan), 'utf8')).data.id === id) other.push(plan);
    expect(other).toHaveLength(1);
    const file = path.join(vault, 'Plans', other[0]!);
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/- \[ \]/g, '- [x]'));
    expect((await runCli(args)).code).toBe(0);
    expect(await fs.readdir(path.join(vault, 'Needs_Action'))).toEqual(['a.md']);
    expect(await fs.readdir(path.join(vault, 'Plans'))).toEqual(plans.filter((p) => p !== other[0]));
    expect(await checkPlans(vault)).toEqual([]);
    await fs.rm(vault, { recursive: true, force: true });
  });

  test('a name that is not valid UTF-8 is left in Inbox/ and logged, and the rest is taken in', async () => {
    const vault = path.join(parent, 'vault-bytes');
    await writeTree(vault, { Inbox: { 'fine.md': 'hello\n' } });
    const badName = Buffer.concat([Buffer.from(path.join(vault, 'Inbox') + '/'), Buffer.from([0x66, 0xff, 0xfe, 0x2e, 0x6d, 0x64])]);
    await fs.writeFile(badName, 'latin bytes\n');
    await ageInbox(vault);
    const result = await runCli(['--once', '--vault', vault, '--ignore-constraints']);
    expect([0, 1]).toContain(result.code);
    const inbox = await fs.readdir(path.join(vault, 'Inbox'), { encoding: 'buffer' });
    expect(inbox.map((b) => b.toString('hex'))).toEqual([Buffer.from([0x66, 0xff, 0xfe, 0x2e, 0x6d, 0x64]).toString('hex')]);
    expect(await fs.readFile(badName, 'utf8')).toBe('latin bytes\n');
    expect(result.stderr).toMatch(/Inbox\/f\\ufffd\\ufffd\.md|not valid UTF-8|cannot be read/);
    await fs.rm(vault, { recursive: true, force: true });
  });
});

async function ageInbox(vault: string): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  const inbox = path.join(vault, 'Inbox');
  for (const name of await fs.readdir(inbox, { encoding: 'buffer' })) await fs.utimes(Buffer.concat([Buffer.from(`${inbox}/`), name]), past, past);
}
