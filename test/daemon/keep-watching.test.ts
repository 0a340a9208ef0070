import { EventEmitter } from 'node:events';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ChokidarOptions } from 'chokidar';
import { afterEach, describe, expect, test } from 'vitest';
import { keepWatching, type KeptWatch } from '../../src/daemon/keep-watching.js';
import type { WatcherLike } from '../../src/daemon/watch-folders.js';
import { defaultConfig } from '../../src/config/schema.js';
import { memoryLogger } from '../../src/log/logger.js';
import { vaultLayout } from '../../src/vault/layout.js';
import { makeVault, removeVault } from '../helpers/make-vault.js';
import { waitFor } from '../helpers/wait-for.js';

const roots: string[] = [];
const watches: KeptWatch[] = [];

afterEach(async () => {
  await Promise.all(watches.splice(0).map((w) => w.close()));
  await Promise.all(roots.splice(0).map(removeVault));
});

async function start(options: { openWatcher?: Parameters<typeof keepWatching>[0]['openWatcher'] } = {}) {
  const root = await makeVault();
  roots.push(root);
  const log = memoryLogger();
  const changes: string[] = [];
  const watch = await keepWatching({ layout: vaultLayout(root), log, config: defaultConfig, onChange: (r) => changes.push(r), ...options });
  watches.push(watch);
  return { root, log, changes, watch };
}

// A stand-in for chokidar that records how it was opened and lets the test emit its events.
function fakeChokidar() {
  const opened: { paths: string[]; options: ChokidarOptions; emitter: EventEmitter }[] = [];
  const openWatcher = (paths: string[], options: ChokidarOptions): WatcherLike => {
    const emitter = new EventEmitter();
    opened.push({ paths, options, emitter });
    setImmediate(() => emitter.emit('ready'));
    return Object.assign(emitter, { close: async () => {} }) as unknown as WatcherLike;
  };
  return { opened, openWatcher };
}

describe('keepWatching (real chokidar)', () => {
  test.each([
    ['a dropped file', 'Inbox/new.md', /^add Inbox\/new\.md$/],
    ['a plan edit', 'Plans/PLAN_x.md', /^add Plans\/PLAN_x\.md$/],
  ])('%s asks for an iteration', async (_, file, reason) => {
    const { root, changes } = await start();
    await fs.writeFile(path.join(root, file), 'x\n');
    await waitFor(() => changes.some((c) => reason.test(c)), `a change for ${file}`, 5000);
  });

  test.each(['.hidden.md', '.ai-employee-tmp-123', 'download.part', 'Thumbs.db'])('%s in Inbox/ asks for nothing', async (name) => {
    const { root, changes } = await start();
    await fs.writeFile(path.join(root, 'Inbox', name), 'x\n');
    // A file that does count, written after: once its change is seen, the ignored one would have been too.
    await fs.writeFile(path.join(root, 'Inbox', 'marker.md'), 'x\n');
    await waitFor(() => changes.includes('add Inbox/marker.md'), 'the marker file', 5000);
    expect(changes.filter((c) => c.includes(name))).toEqual([]);
  });

  test.each(['Inbox', 'Plans', 'Needs_Action'])('%s/ removed: recreated and watched again', async (folder) => {
    const { root, log, changes } = await start();
    await fs.rm(path.join(root, folder), { recursive: true });
    await waitFor(() => log.lines.some((l) => l.includes(`${folder}/ was removed or replaced: watching`)), 'the rebuild', 5000);
    expect((await fs.stat(path.join(root, folder))).isDirectory()).toBe(true);
    await fs.writeFile(path.join(root, folder, 'again.md'), 'x\n');
    await waitFor(() => changes.includes(`add ${folder}/again.md`), 'a change in the recreated folder', 5000);
  });

  test('check() finds a folder replaced behind its back (moved away, another put in its place)', async () => {
    const { root, log, watch } = await start();
    await fs.rename(path.join(root, 'Plans'), path.join(root, 'Plans-old'));
    await fs.mkdir(path.join(root, 'Plans'), { recursive: true });
    await watch.check();
    await waitFor(() => log.lines.some((l) => l.includes('Plans/ was removed or replaced: watching')), 'the rebuild', 5000);
  });
});

describe('keepWatching (stand-in watcher)', () => {
  test('a watcher error (ENOSPC) falls back to polling with a warning, and asks for an iteration', async () => {
    const chokidar = fakeChokidar();
    const { log, changes, watch } = await start({ openWatcher: chokidar.openWatcher });
    expect(chokidar.opened.map((o) => o.options.usePolling)).toEqual([false, false, false]);
    const error = Object.assign(new Error('System limit for number of file watchers reached'), { code: 'ENOSPC' });
    chokidar.opened[0]!.emitter.emit('error', error);
    await waitFor(() => watch.polling && chokidar.opened.length === 6, 'the polling watchers', 5000);
    expect(chokidar.opened.slice(3).map((o) => o.options.usePolling)).toEqual([true, true, true]);
    expect(log.lines.join('\n')).toMatch(/WARNING - file watching failed \(ENOSPC: System limit.*\); falling back to polling/);
    await waitFor(() => changes.includes('file watching failed'), 'an iteration after the rebuild', 5000);
  });

  test('the Inbox watcher reports events at once (intake, not chokidar, waits for a write to finish)', async () => {
    const chokidar = fakeChokidar();
    await start({ openWatcher: chokidar.openWatcher });
    const inbox = chokidar.opened.find((o) => o.paths[0]!.endsWith('Inbox'))!;
    expect(inbox.options.awaitWriteFinish).toBeUndefined();
    expect(inbox.options.depth).toBe(0);
  });
});
