import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { intakeStage } from '../../src/intake/stage.js';
import { recoverVault } from '../../src/runner/recover.js';
import { listFilesDeep, readNote, sha256 } from '../helpers/core-notes.js';
import { makeTempDir, makeVault, removeVault } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { stageContext } from '../helpers/stage-context.js';
import { localDateTime } from '../../src/vault/local-day.js';

const NOW = new Date('2026-03-15T10:00:00Z');
const roots: string[] = [];

afterEach(async () => {
  await Promise.all(roots.splice(0).map(removeVault));
});

async function vaultWith(inbox: Record<string, string | Buffer>, tree: Record<string, string | Buffer> = {}): Promise<string> {
  const files = Object.fromEntries(Object.entries(inbox).map(([name, content]) => [`Inbox/${name}`, content]));
  const root = await makeVault({ ...files, ...tree });
  roots.push(root);
  return root;
}

async function intake(root: string, state?: ReturnType<typeof stageContext>['ctx']['state']) {
  const { ctx, log } = stageContext(root, { now: NOW });
  if (state) ctx.state = state;
  const result = await intakeStage.run(ctx);
  return { result, log, ctx };
}

// The agent's own fields, all ai_-prefixed; datetimes in Obsidian's local "YYYY-MM-DDTHH:mm:ss".
function expectIntakeFields(data: Record<string, any>, originalName: string, type: string) {
  expect(data.ai_id).toMatch(/^\d{8}-\d{6}-[0-9a-f]{8}$/);
  expect(data.ai_type).toBe(type);
  expect(data.ai_status).toBe('needs_action');
  expect(data.ai_received).toBe(localDateTime(NOW));
  expect(data.ai_source).toBe('inbox');
  expect(data.ai_original_name).toBe(originalName);
}

describe('intake: markdown notes keep their body byte for byte', () => {
  test.each([
    { what: 'a plain note', text: 'Call Anna about the offer.\n\nThanks!\n', body: 'Call Anna about the offer.\n\nThanks!\n', type: 'note' },
    { what: 'a note without a final newline', text: 'one line', body: 'one line', type: 'note' },
    {
      what: 'its own frontmatter with type: idea',
      text: '---\n# my comment stays\ntitle: Garden\ntags: [home, green]\ntype: idea\n---\nPlant tomatoes.\n',
      body: 'Plant tomatoes.\n',
      type: 'note',
      own: { title: 'Garden', tags: ['home', 'green'], type: 'idea' },
      yamlStartsWith: '# my comment stays\ntitle: Garden\ntags: [home, green]\ntype: idea\n',
    },
    { what: 'CRLF line endings', text: '---\r\ntitle: Windows\r\n---\r\nline one\r\nline two\r\n', body: 'line one\r\nline two\r\n', type: 'note', title: 'Windows' },
    { what: 'a BOM and frontmatter', text: '\uFEFF---\ntitle: Bom\n---\nbody after bom\n', body: 'body after bom\n', type: 'note', title: 'Bom' },
    { what: 'a BOM without frontmatter', text: '\uFEFFjust text\n', body: '\uFEFFjust text\n', type: 'note' },
    { what: 'a "---" that is a thematic break later on', text: 'Intro\n\n---\n\nMore\n', body: 'Intro\n\n---\n\nMore\n', type: 'note' },
  ])('$what', async ({ text, body, type, yamlStartsWith, title, own }) => {
    const root = await vaultWith({ 'note.md': text });
    const { result } = await intake(root);
    expect(result).toMatchObject({ processed: 1, failed: 0 });
    expect(await listDir(path.join(root, 'Inbox'))).toEqual([]);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['note.md']);
    const note = await readNote(path.join(root, 'Needs_Action', 'note.md'));
    expect(note.body.equals(Buffer.from(body))).toBe(true);
    expectIntakeFields(note.data, 'note.md', type);
    if (yamlStartsWith) expect(note.yamlText.startsWith(yamlStartsWith)).toBe(true);
    if (title) expect(note.data.title).toBe(title);
    if (own) expect(note.data).toMatchObject(own);
  });

  test('.markdown is a note too', async () => {
    const root = await vaultWith({ 'x.markdown': 'hello\n' });
    await intake(root);
    expect((await readNote(path.join(root, 'Needs_Action', 'x.markdown'))).body.toString()).toBe('hello\n');
  });

  test('a 5 MB note keeps its body byte for byte (with and without frontmatter)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = 0x61 + (i % 26);
    for (let i = 999; i < big.length; i += 1000) big[i] = 0x0a;
    const withFm = Buffer.concat([Buffer.from('---\ntitle: Big\n---\n'), big]);
    const root = await vaultWith({ 'big.md': big, 'big-fm.md': withFm });
    await intake(root);
    for (const name of ['big.md', 'big-fm.md']) {
      const note = await readNote(path.join(root, 'Needs_Action', name));
      expect(note.body.length).toBe(big.length);
      expect(sha256(note.body)).toBe(sha256(big));
    }
  });
});

describe('intake: a note whose frontmatter cannot be parsed moves unchanged, with a companion', () => {
  const marker = path.join(os.tmpdir(), `ai-employee-pwned-${process.pid}-${randomBytes(4).toString('hex')}`);
  test.each([
    { what: 'bad YAML', text: '---\ntitle: [unclosed\nkey: : :\n---\nbody\n' },
    { what: '---js that would write a file if evaluated', text: `---js\n{ x: require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned') }\n---\nbody\n` },
    { what: '---javascript', text: `---javascript\n(function(){ require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned'); return {}; })()\n---\nbody\n` },
    { what: '---json', text: '---json\n{"title": "json"}\n---\nbody\n' },
    { what: 'an unclosed fence', text: '---\ntitle: never closed\nbody goes on\n' },
    { what: 'a YAML list instead of a mapping', text: '---\n- a\n- b\n---\nbody\n' },
    { what: 'invalid UTF-8 in the frontmatter', text: Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xff, 0xfe]), Buffer.from('\n---\nbody\n')]) },
  ])('$what', async ({ text }) => {
    const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
    const root = await vaultWith({ 'odd.md': bytes });
    const { result } = await intake(root);
    expect(result).toMatchObject({ processed: 1, failed: 0 });
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['odd.md', 'odd.md.md']);
    const moved = await fs.readFile(path.join(root, 'Needs_Action', 'odd.md'));
    expect(sha256(moved)).toBe(sha256(bytes));
    const companion = await readNote(path.join(root, 'Needs_Action', 'odd.md.md'));
    expectIntakeFields(companion.data, 'odd.md', 'file');
    expect(companion.data).toMatchObject({ ai_attachment: 'odd.md', ai_size_bytes: bytes.length, ai_sha256: sha256(bytes) });
    expect(companion.body.toString()).toContain('![[odd.md]]');
    await expect(fs.access(marker)).rejects.toThrow();
  });
});

describe('intake: other files move unchanged with a companion note', () => {
  test('a binary file: size_bytes and sha256 match the bytes', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
    const root = await vaultWith({ 'scan.pdf': pdf });
    await intake(root);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['scan.pdf', 'scan.pdf.md']);
    expect((await fs.readFile(path.join(root, 'Needs_Action', 'scan.pdf'))).equals(pdf)).toBe(true);
    const companion = await readNote(path.join(root, 'Needs_Action', 'scan.pdf.md'));
    expectIntakeFields(companion.data, 'scan.pdf', 'pdf');
    expect(companion.data.ai_size_bytes).toBe(pdf.length);
    expect(companion.data.ai_sha256).toBe(sha256(pdf));
    expect(companion.body.toString()).toContain('![[scan.pdf]]');
  });

  test.each([
    {
      what: 'plain headers',
      eml: 'From: Anna <anna@example.com>\r\nSubject: Invoice 42\r\nDate: Mon, 02 Mar 2026 09:00:00 +0100\r\n\r\nPlease pay.\r\n',
      from: 'Anna <anna@example.com>',
      subject: 'Invoice 42',
      date: localDateTime(new Date('2026-03-02T08:00:00Z')),
    },
    {
      what: 'RFC 2047 encoded words, a folded subject',
      eml: 'Date: Tue, 03 Mar 2026 10:00:00 +0000\nFrom: =?UTF-8?B?SsO2cmc=?= <j@example.de>\nSubject: =?utf-8?Q?Gr=C3=BC=C3=9Fe_aus?=\n =?utf-8?Q?_M=C3=BCnchen?=\n\nHallo\n',
      from: 'Jörg <j@example.de>',
      subject: 'Grüße aus München',
      date: localDateTime(new Date('2026-03-03T10:00:00Z')),
    },
  ])('an .eml with $what becomes type email', async ({ eml, from, subject, date }) => {
    const root = await vaultWith({ 'mail.eml': eml });
    await intake(root);
    const companion = await readNote(path.join(root, 'Needs_Action', 'mail.eml.md'));
    expectIntakeFields(companion.data, 'mail.eml', 'email');
    expect(companion.data).toMatchObject({ ai_from: from, ai_subject: subject, ai_date: date });
    expect((await fs.readFile(path.join(root, 'Needs_Action', 'mail.eml'), 'utf8'))).toBe(eml);
  });
});

describe('intake: names never collide', () => {
  test('a note whose name is taken gets (2), then (3)', async () => {
    const root = await vaultWith({ 'a.md': 'second\n' }, { 'Needs_Action/a.md': '---\nid: old\n---\nfirst\n' });
    await intake(root);
    await fs.writeFile(path.join(root, 'Inbox', 'a.md'), 'third\n');
    await intake(root);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['a (2).md', 'a (3).md', 'a.md']);
    expect(await fs.readFile(path.join(root, 'Needs_Action', 'a.md'), 'utf8')).toBe('---\nid: old\n---\nfirst\n');
    expect((await readNote(path.join(root, 'Needs_Action', 'a (2).md'))).body.toString()).toBe('second\n');
    expect((await readNote(path.join(root, 'Needs_Action', 'a (3).md'))).body.toString()).toBe('third\n');
  });

  test.each<{ what: string; existing: Record<string, string> }>([
    { what: 'attachment and companion taken', existing: { 'Needs_Action/x.pdf': 'old', 'Needs_Action/x.pdf.md': '---\nid: old\n---\n' } },
    { what: 'only the attachment name taken', existing: { 'Needs_Action/x.pdf': 'old' } },
    { what: 'only the companion name taken', existing: { 'Needs_Action/x.pdf.md': '---\nid: old\n---\n' } },
  ])('an attachment keeps its companion paired: $what', async ({ existing }) => {
    const root = await vaultWith({ 'x.pdf': 'new bytes' }, existing);
    await intake(root);
    const names = await listDir(path.join(root, 'Needs_Action'));
    expect(names).toContain('x (2).pdf');
    expect(names).toContain('x (2).pdf.md');
    expect(await fs.readFile(path.join(root, 'Needs_Action', 'x (2).pdf'), 'utf8')).toBe('new bytes');
    const companion = await readNote(path.join(root, 'Needs_Action', 'x (2).pdf.md'));
    expect(companion.data).toMatchObject({ ai_attachment: 'x (2).pdf', ai_original_name: 'x.pdf' });
    expect(companion.body.toString()).toContain('![[x (2).pdf]]');
    for (const [file, content] of Object.entries(existing)) expect(await fs.readFile(path.join(root, file), 'utf8')).toBe(content);
  });
});

describe('intake: what is left in Inbox', () => {
  const ignored = ['.hidden', '.hidden.md', 'f.tmp', 'f.part', 'f.crdownload', 'f.download', 'f.partial', 'f.swp', 'x~', '~$doc.docx', 'Thumbs.db', 'desktop.ini', 'F.TMP'];
  test.each(ignored)('%s is left alone', async (name) => {
    const root = await vaultWith({ [name]: 'partial' });
    const { result } = await intake(root);
    expect(result.processed).toBe(0);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual([name]);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
  });

  test('a symlink (pointing outside the vault) is left alone and its target untouched', async () => {
    const outside = await makeTempDir('ai-employee-outside-');
    roots.push(outside);
    const target = path.join(outside, 'secret.md');
    await fs.writeFile(target, 'outside the vault\n');
    const root = await vaultWith({});
    await fs.symlink(target, path.join(root, 'Inbox', 'link.md'));
    const { result } = await intake(root);
    expect(result.processed).toBe(0);
    expect((await fs.lstat(path.join(root, 'Inbox', 'link.md'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('outside the vault\n');
    expect(await listDir(outside)).toEqual(['secret.md']);
    expect(await listFilesDeep(path.join(root, 'Needs_Action'))).toEqual([]);
  });

  test('a sub-folder is left alone and warned about once over two runs', async () => {
    const root = await vaultWith({ 'sub/inner.md': 'inside' });
    const first = await intake(root);
    const second = await intake(root, first.ctx.state);
    const warnings = [...first.log.lines, ...second.log.lines].filter((l) => l.includes('Inbox/sub/'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ - WARNING - /);
    expect(await fs.readFile(path.join(root, 'Inbox', 'sub', 'inner.md'), 'utf8')).toBe('inside');
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual([]);
  });

  test.skipIf(process.getuid?.() === 0)('an unreadable file stays in Inbox and is logged once (skipped as root: root reads any file)', async () => {
    const root = await vaultWith({ 'secret.md': 'no peeking\n', 'ok.md': 'fine\n' });
    await fs.chmod(path.join(root, 'Inbox', 'secret.md'), 0o000);
    const first = await intake(root);
    const second = await intake(root, first.ctx.state);
    expect(first.result.failed).toBe(1);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['secret.md']);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['ok.md']);
    const errors = [...first.log.lines, ...second.log.lines].filter((l) => l.includes('secret.md'));
    expect(errors).toHaveLength(1);
    expect(await listFilesDeep(path.join(root, '.ai-employee', 'staging'))).toEqual([]);
  });
});

describe('intake: leftovers of a killed run', () => {
  test("temporary files of dead writers are removed; this process's own are kept", async () => {
    const root = await vaultWith({}, {
      'Needs_Action/.ai-employee-tmp-999999999-abcdef': 'half a note',
      'Plans/.ai-employee-tmp-0a1b2c3d4e5f': 'half a plan (old naming)',
      'Done/2026-01/.ai-employee-tmp-999999999-123456': 'x',
      [`Needs_Action/.ai-employee-tmp-${process.pid}-aaaaaa`]: 'in flight',
      'Needs_Action/keep.md': '---\nid: k\n---\n',
    });
    await recoverVault(stageContext(root, { now: NOW }).ctx);
    expect(await listFilesDeep(path.join(root, 'Needs_Action'))).toEqual([`.ai-employee-tmp-${process.pid}-aaaaaa`, 'keep.md']);
    expect(await listDir(path.join(root, 'Plans'))).toEqual([]);
    expect(await listDir(path.join(root, 'Done', '2026-01'))).toEqual([]);
  });
});
