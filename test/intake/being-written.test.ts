import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { intakeStage } from '../../src/intake/stage.js';
import { readNote } from '../helpers/core-notes.js';
import { tempVaults } from '../helpers/make-vault.js';
import { listDir } from '../helpers/read-tree.js';
import { stageContext } from '../helpers/stage-context.js';

// §6: a note still being typed is left alone; the stage's clock is injected, the files' times are set.

const vault = tempVaults();
const MINUTE = 60_000;

async function intakeAt(root: string, now: Date) {
  const { ctx } = stageContext(root, { now });
  return intakeStage.run(ctx);
}

async function mtimeOf(file: string): Promise<number> {
  return (await fs.stat(file)).mtimeMs;
}

describe('notes being written are left alone', () => {
  test('an empty note waits for its text, then for intake.emptyNoteWait', async () => {
    const root = await vault({ 'Inbox/Untitled.md': '' });
    const file = path.join(root, 'Inbox', 'Untitled.md');
    const written = await mtimeOf(file);
    const first = await intakeAt(root, new Date(written + MINUTE));
    expect(first).toMatchObject({ processed: 0, skipped: 1 });
    expect(first.wakeAt).toBeGreaterThan(written);
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['Untitled.md']);
    expect(await intakeAt(root, new Date(written + 11 * MINUTE))).toMatchObject({ processed: 1 });
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['Untitled.md']);
  });

  test('a note saved again after it was created waits until it has been quiet for intake.editQuiet', async () => {
    const root = await vault({ 'Inbox/Shopping.md': 'milk\n' });
    const file = path.join(root, 'Inbox', 'Shopping.md');
    const { birthtimeMs } = await fs.stat(file);
    expect(birthtimeMs, 'this file system records creation times').toBeGreaterThan(0);
    // The editor's later saves: the whole text again, a few seconds after the note was created.
    await fs.writeFile(file, 'milk\neggs\nbread\n');
    const saved = new Date(birthtimeMs + 6000);
    await fs.utimes(file, saved, saved);
    const early = await intakeAt(root, new Date(saved.getTime() + 5000));
    expect(early).toMatchObject({ processed: 0, skipped: 1 });
    expect(early.wakeAt! - saved.getTime()).toBeCloseTo(30_000, -1);
    expect(await intakeAt(root, new Date(saved.getTime() + 31_000))).toMatchObject({ processed: 1 });
    expect((await readNote(path.join(root, 'Needs_Action', 'Shopping.md'))).body.toString()).toBe('milk\neggs\nbread\n');
  });

  test('a note open in Obsidian waits until quiet for intake.openNoteQuiet; a note not open is taken', async () => {
    const workspace = { main: { type: 'split', children: [{ type: 'tabs', children: [{ type: 'leaf', state: { type: 'markdown', state: { file: 'Inbox/Draft.md', mode: 'source' } } }] }] }, lastOpenFiles: ['Inbox/Other.md'] };
    const root = await vault({ 'Inbox/Draft.md': 'half a thought', 'Inbox/Other.md': 'Call Bo.\n', '.obsidian/workspace.json': JSON.stringify(workspace) });
    const written = await mtimeOf(path.join(root, 'Inbox', 'Draft.md'));
    expect(await intakeAt(root, new Date(written + MINUTE))).toMatchObject({ processed: 1, skipped: 1 });
    expect(await listDir(path.join(root, 'Inbox'))).toEqual(['Draft.md']);
    expect(await intakeAt(root, new Date(written + 6 * MINUTE))).toMatchObject({ processed: 1 });
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['Draft.md', 'Other.md']);
  });

  test('a broken workspace file means nothing is known to be open', async () => {
    const root = await vault({ 'Inbox/a.md': 'text\n', '.obsidian/workspace.json': '{"main": [' });
    const written = await mtimeOf(path.join(root, 'Inbox', 'a.md'));
    expect(await intakeAt(root, new Date(written + 1000))).toMatchObject({ processed: 1 });
  });

  test('a file that is not a note is never held by these rules', async () => {
    const root = await vault({ 'Inbox/empty.pdf': '' });
    const written = await mtimeOf(path.join(root, 'Inbox', 'empty.pdf'));
    expect(await intakeAt(root, new Date(written + 1000))).toMatchObject({ processed: 1 });
  });
});
