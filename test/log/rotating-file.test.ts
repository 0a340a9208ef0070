import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openRotatingFile } from '../../src/log/rotating-file.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-employee-log-'));
  dirs.push(dir);
  return dir;
}

describe('openRotatingFile', () => {
  test('appends after what the log already holds, in order, one line per write', async () => {
    const file = path.join(tempDir(), 'ai_employee.log');
    fs.writeFileSync(file, 'earlier line\n');
    const log = await openRotatingFile(file, 1, (error) => { throw error; });
    for (let i = 0; i < 100; i++) log.write(`line ${i}`);
    await log.close();
    const lines = fs.readFileSync(file, 'utf8').split('\n').slice(0, -1);
    expect(lines).toEqual(['earlier line', ...Array.from({ length: 100 }, (_, i) => `line ${i}`)]);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['ai_employee.log']);
  });

  test('across the switch to rotation no line is lost, repeated, reordered or split', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'audit.jsonl');
    // ~2.4 KB at a 1 KB limit: rotated once or twice, so every line is still in the kept files.
    const log = await openRotatingFile(file, 0.001, (error) => { throw error; });
    const written = Array.from({ length: 80 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(i % 9)}"}`);
    for (const [i, line] of written.entries()) {
      log.write(line);
      if (i % 3 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await log.close();
    const names = fs.readdirSync(dir).sort();
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThan(5);
    // Oldest kept file first (.3, .2, .1), then the current one.
    const kept = [...names.slice(1).reverse(), names[0]!].flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').slice(0, -1));
    expect(kept).toEqual(written);
  });

  test('never writes through a symlink put in place of the log: the target is untouched and the failure is said', async () => {
    const dir = tempDir();
    const outside = path.join(tempDir(), 'not-the-vault.txt');
    fs.writeFileSync(outside, 'keep me\n');
    const file = path.join(dir, 'ai_employee.log');
    fs.symlinkSync(outside, file);
    const errors: string[] = [];
    const lost: string[] = [];
    const log = await openRotatingFile(file, 1, (error) => errors.push((error as NodeJS.ErrnoException).code ?? error.message), (lines) => lost.push(...lines));
    log.write('a line');
    await log.close();
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep me\n');
    expect(errors[0]).toBe('ELOOP');
    expect(lost).toEqual(['a line']);
  });
});
