import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { makePdf } from '../../fixtures/content/make-pdf.js';
import { makeTempDir } from '../../helpers/make-vault.js';

// The content reader process answers over its IPC channel, and never outlives the run that
// started it: once the channel closes it exits by itself, so no orphan keeps a vault's files open.

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('the content reader process', () => {
  test('reads a PDF on request, then exits by itself when its parent lets go of it', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'invoice.pdf');
    await fs.writeFile(file, makePdf(['Invoice 4711', 'Due date: 15 December 2026']));
    // The built reader, as the CLI runs it (npm test builds first).
    const child = fork(path.resolve('dist/items/content/reader-process.js'), [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const result = await new Promise<{ ok: boolean; content?: { text: string } }>((resolve, reject) => {
      child.once('message', resolve).once('error', reject);
      child.send({ file, kind: 'pdf', maxTextBytes: 64 * 1024 });
    });
    expect(result.ok).toBe(true);
    expect(result.content?.text).toContain('Due date: 15 December 2026');
    child.disconnect();
    expect(await exited).toBe(0);
  });
});
