import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readNote } from '../helpers/core-notes.js';
import { listDir } from '../helpers/read-tree.js';
import { waitFor } from '../helpers/wait-for.js';
import { daemonVaults, startDaemon, waitForLog, waitUntilWatching } from '../daemon/daemon-process.js';

// §6, issue 15: a note typed in Inbox/ the way Obsidian saves it (created empty, then the whole text
// saved again and again) becomes one item with the full text, not one item per save.

const vault = daemonVaults();
// Short quiet periods keep the test quick; the saves below come well within them.
const CONFIG = 'intake:\n  editQuiet: 10s\n  emptyNoteWait: 10m\n';

describe('daemon beside an editor', () => {
  test('an editor-like session in Inbox/ gives exactly one item, with the full text', async () => {
    const root = await vault({ 'ai-employee.yaml': CONFIG });
    startDaemon(root);
    await waitUntilWatching(root);
    const file = path.join(root, 'Inbox', 'Untitled.md');
    await fs.writeFile(file, '');
    let text = '';
    for (const line of ['Groceries', '- [ ] milk', '- [ ] eggs', '- [ ] bread', '- [ ] coffee']) {
      // The editor's autosave: a second or so after the last keystroke, the whole text again.
      await waitForLog(root, /is (empty|being edited); left until/);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      text += `${line}\n`;
      await fs.writeFile(file, text);
    }
    // The plan is written just ahead of the item: wait for both.
    const done = async () => (await listDir(path.join(root, 'Plans'))).length > 0 && (await listDir(path.join(root, 'Needs_Action'))).join() === 'Untitled.md';
    await waitFor(done, 'the typed note and its plan', 40_000);
    expect(await listDir(path.join(root, 'Needs_Action'))).toEqual(['Untitled.md']);
    expect(await listDir(path.join(root, 'Plans'))).toEqual(['PLAN_Untitled.md']);
    expect((await readNote(path.join(root, 'Needs_Action', 'Untitled.md'))).body.toString()).toBe(text);
    expect(await fs.readFile(path.join(root, 'Plans', 'PLAN_Untitled.md'), 'utf8')).toContain('- [ ] coffee');
  });
});
