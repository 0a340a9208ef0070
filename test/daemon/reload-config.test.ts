import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openSession, type Session } from '../../src/runner/session.js';
import { makeVault, removeVault } from '../helpers/make-vault.js';
import { jobsStage } from '../../src/jobs/stage.js';

const roots: string[] = [];
const sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(roots.splice(0).map(removeVault));
});

async function open(yaml: string) {
  const root = await makeVault({ 'ai-employee.yaml': yaml });
  roots.push(root);
  const session = await openSession({ vault: root, mode: 'daemon', maxLogSizeMB: 5, quiet: true, ignoreConstraints: true, intervalMinutes: 1, now: () => new Date(), stderr: () => {} });
  sessions.push(session);
  return { root, session, log: () => fs.readFile(path.join(root, 'Logs', 'ai_employee.log'), 'utf8') };
}

describe('session.reloadConfig (SIGHUP)', () => {
  test('a valid file replaces the configuration and the log says so', async () => {
    const { root, session, log } = await open('daemon:\n  debounce: 100ms\n');
    expect(session.config.daemon.debounce).toBe(100);
    await fs.writeFile(path.join(root, 'ai-employee.yaml'), 'daemon:\n  debounce: 2s\n');
    expect(await session.reloadConfig()).toBe(true);
    expect(session.config.daemon.debounce).toBe(2000);
    expect(await log()).toContain(`INFO - reloaded ${path.join(root, 'ai-employee.yaml')}`);
  });

  test.each([
    ['a bad value', 'daemon:\n  debounce: soon\n', /debounce.*soon/],
    ['an unknown key', 'deamon: {}\n', /deamon/],
    ['broken YAML', 'daemon: [\n', /not valid YAML/],
  ])('%s keeps the previous configuration and logs why', async (_, broken, why) => {
    const { root, session, log } = await open('daemon:\n  debounce: 100ms\n');
    await fs.writeFile(path.join(root, 'ai-employee.yaml'), broken);
    expect(await session.reloadConfig()).toBe(false);
    expect(session.config.daemon.debounce).toBe(100);
    const text = await log();
    expect(text).toMatch(/ERROR - kept the previous configuration: /);
    expect(text).toMatch(why);
  });

  test('work beside the iterations (the job loop) does not count as an iteration', async () => {
    const { session } = await open('');
    await session.iterate([], new AbortController().signal);
    const counted = { ...session.state.stats };
    await session.iterate([jobsStage], new AbortController().signal, { counted: false });
    expect(session.state.stats.iterations).toBe(counted.iterations);
    expect(session.state.stats.lastRunAt).toBe(counted.lastRunAt);
  });
});
