import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { createVaultFolders } from '../vault/create-folders.js';
import type { VaultLayout } from '../vault/layout.js';
import { watchFolders, type FolderWatch, type OpenWatcher } from './watch-folders.js';

// Keeps the folder watch alive for months: a watched folder that was removed (or replaced) is
// recreated and watched again; a watcher that fails (ENOSPC: out of inotify watches, EMFILE…)
// is replaced by a polling one. Every rebuild asks for an iteration, so a file that arrived
// while nothing was watching is still taken in.

export interface KeepWatchingOptions {
  layout: VaultLayout;
  log: Logger;
  // Read at every rebuild, so a reloaded configuration applies to the next watcher.
  config: () => Config;
  onChange(reason: string): void;
  openWatcher?: OpenWatcher;
}

export interface KeptWatch {
  readonly polling: boolean;
  // Rebuilds the watch if a watched folder is missing or is no longer the folder being watched.
  check(): Promise<void>;
  rebuild(why: string): Promise<void>;
  close(): Promise<void>;
}

type Identity = string | null;

// The daemon's one entry point to file watching.
export async function keepWatching(options: KeepWatchingOptions): Promise<KeptWatch> {
  const { layout, log } = options;
  const folders = [layout.inbox, layout.plans, layout.needsAction];
  let polling = false;
  let closed = false;
  let current: FolderWatch | null = null;
  let identities: Identity[] = [];
  let errorsSeen = 0;
  let rebuilding: Promise<void> | null = null;

  const open = async () => {
    errorsSeen = 0;
    const config = options.config();
    current = await watchFolders({
      layout,
      ignore: config.intake.ignore,
      polling,
      onChange: options.onChange,
      onFolderChanged: () => void check(),
      onError: onWatchError,
      openWatcher: options.openWatcher,
    });
    identities = await Promise.all(folders.map(identify));
  };

  // The first folder that is missing or is not the one being watched; null when all are intact.
  const changedFolder = async (): Promise<string | null> => {
    const now = await Promise.all(folders.map(identify));
    return folders.find((_, i) => now[i] === null || now[i] !== identities[i]) ?? null;
  };

  const rebuildOnce = async (why: string): Promise<boolean> => {
    await current?.close();
    current = null;
    if (!(await identify(layout.root))) {
      log.error(`the vault folder ${layout.root} is gone; not watching until it is back`);
      return false;
    }
    await createVaultFolders(layout);
    await open();
    log.info(`${why}: watching Inbox/, Plans/ and Needs_Action/ again${polling ? ' (polling)' : ''}`);
    options.onChange(why);
    return true;
  };

  // One rebuild at a time; a folder removed again while rebuilding is caught by the re-check after it.
  const rebuild = (why: string): Promise<void> => {
    rebuilding ??= (async () => {
      try {
        let reason: string | null = why;
        while (reason && !closed && (await rebuildOnce(reason))) {
          const changed = await changedFolder();
          reason = changed && `${path.basename(changed)}/ was removed or replaced`;
        }
      } catch (error) {
        log.error(`could not watch the vault again (${why}): ${(error as Error).message}`);
      } finally {
        rebuilding = null;
      }
    })();
    return rebuilding;
  };

  async function check(): Promise<void> {
    if (rebuilding) return rebuilding;
    const changed = await changedFolder();
    if (changed) return rebuild(`${path.basename(changed)}/ was removed or replaced`);
    if (!current && !closed) return rebuild('the watch was down');
  }

  function onWatchError(error: Error): void {
    if (!polling) {
      polling = true;
      log.warn(`file watching failed (${describeWatchError(error)}); falling back to polling every second`);
      void rebuild('file watching failed');
      return;
    }
    if (errorsSeen++ === 0) log.error(`file watching (polling) reported an error (${describeWatchError(error)}); the backstop still runs every interval`);
  }

  try {
    await open();
  } catch (error) {
    polling = true;
    log.warn(`file watching could not start (${describeWatchError(error as Error)}); falling back to polling every second`);
    await open();
  }
  log.info(`watching Inbox/, Plans/ and Needs_Action/ for changes${polling ? ' (polling)' : ''}`);
  return {
    get polling() {
      return polling;
    },
    check,
    rebuild,
    async close() {
      closed = true;
      await rebuilding;
      await current?.close();
      current = null;
    },
  };
}


function describeWatchError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}

async function identify(folder: string): Promise<Identity> {
  const stat = await fs.stat(folder).catch(() => undefined);
  return stat?.isDirectory() ? `${stat.dev}:${stat.ino}` : null;
}
