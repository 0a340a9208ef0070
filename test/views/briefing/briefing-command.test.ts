import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runBriefingCommand } from '../../../src/commands/briefing.js';
import { defaultConfig } from '../../../src/config/schema.js';
import { UsageError, VaultError } from '../../../src/errors.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { makeTempDir, writeTree } from '../dashboard/vault-tree.js';

let root: string;
beforeEach(async () => {
  root = await makeTempDir('ai-employee-brief-');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const NOW = new Date(2025, 2, 14, 10, 0);

describe('runBriefingCommand', () => {
  test('writes today\'s briefing using the saved state, and writes no state', async () => {
    const state = { briefing: { lastDate: '2025-03-13', lastWrittenAt: new Date(2025, 2, 13, 8, 0).toISOString() }, stats: { iterations: 77 } };
    await writeTree(root, { '.ai-employee/state.json': JSON.stringify(state) });
    const before = await fs.readFile(path.join(root, '.ai-employee/state.json'), 'utf8');
    const { file } = await runBriefingCommand({ vault: root, now: NOW, log: memoryLogger(), config: defaultConfig() });
    expect(file).toBe(path.join(root, 'Briefings', '2025-03-14.md'));
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('## Since the last briefing (2025-03-13 08:00)');
    expect(text).toContain('- Iterations: 77');
    expect(await fs.readFile(path.join(root, '.ai-employee/state.json'), 'utf8')).toBe(before);
  });

  test('--date names the file; no state file is created', async () => {
    const { file } = await runBriefingCommand({ vault: root, date: '2025-02-28', now: NOW, log: memoryLogger(), config: defaultConfig() });
    expect(path.basename(file)).toBe('2025-02-28.md');
    expect(await fs.readFile(file, 'utf8')).toContain('# Briefing — Friday 28 February 2025');
    expect((await fs.readdir(root)).sort()).toEqual(['Briefings']);
  });

  test.each(['2025-02-30', '14/03/2025', '2025-3-1', ''])('a bad --date %j is a usage error naming it', async (date) => {
    await expect(runBriefingCommand({ vault: root, date, now: NOW, log: memoryLogger(), config: defaultConfig() })).rejects.toThrow(UsageError);
    await expect(runBriefingCommand({ vault: root, date, now: NOW, log: memoryLogger(), config: defaultConfig() })).rejects.toThrow(`"${date}"`);
  });

  test('a missing vault is a vault error, and nothing is created', async () => {
    const missing = path.join(root, 'nope');
    await expect(runBriefingCommand({ vault: missing, now: NOW, log: memoryLogger(), config: defaultConfig() })).rejects.toThrow(VaultError);
    expect(await fs.readdir(root)).toEqual([]);
  });
});
