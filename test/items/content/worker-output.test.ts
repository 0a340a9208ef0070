import fs from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { makePdf } from '../../fixtures/content/make-pdf.js';
import { makeTempDir } from '../../helpers/make-vault.js';

// The content worker prints nothing: on Node 20 a worker that wrote to its captured stdio kept the
// whole process alive after unref() until the worker was stopped, so a --once with one PDF (pdf.js
// warns about its standard fonts) waited for the reader's idle timeout before it could exit.

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

describe('the content worker', () => {
  test('reads a PDF whose font makes pdf.js warn, and writes nothing to its stdout or stderr', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const file = path.join(dir, 'invoice.pdf');
    await fs.writeFile(file, makePdf(['Invoice 4711', 'Due date: 15 December 2026']));
    // The built worker, as the CLI runs it (npm test builds first).
    const worker = new Worker(path.resolve('dist/items/content/worker.js'), { stdout: true, stderr: true });
    let printed = '';
    worker.stdout.on('data', (chunk) => (printed += String(chunk)));
    worker.stderr.on('data', (chunk) => (printed += String(chunk)));
    const result = await new Promise<{ ok: boolean; content?: { text: string } }>((resolve, reject) => {
      worker.once('message', resolve).once('error', reject);
      worker.postMessage({ file, kind: 'pdf', maxTextBytes: 64 * 1024 });
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await worker.terminate();
    await exited;
    expect(result.ok).toBe(true);
    expect(result.content?.text).toContain('Due date: 15 December 2026');
    expect(printed).toBe('');
  });
});
