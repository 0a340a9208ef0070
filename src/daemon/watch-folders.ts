import path from 'node:path';
import type { ChokidarOptions } from 'chokidar';
import { compileIgnore } from '../intake/classify-entry.js';
import type { VaultLayout } from '../vault/layout.js';

// §5: the daemon's eyes. One watcher on Inbox/ (with write-finish detection, so a file is reported
// once it stopped growing), one on Plans/ and Needs_Action/ (plan ticks, item edits), and one on
// the vault folder itself, which alone sees those folders removed or added (a watch on an empty
// folder says nothing when the folder goes). Only files directly in those folders count;
// dot-files (the agent's own temporary files among them) and the configured temporary patterns
// never do.

// What the daemon needs of a chokidar watcher; tests may pass a stand-in.
export interface WatcherLike {
  on(event: 'all', listener: (event: string, file: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
}

export type OpenWatcher = (paths: string[], options: ChokidarOptions) => WatcherLike | Promise<WatcherLike>;

export interface WatchFoldersOptions {
  layout: VaultLayout;
  // config.intake.ignore: names intake leaves alone, so their events wake nothing.
  ignore: string[];
  // Stat the folders on an interval instead of OS events (the fallback when events fail).
  polling: boolean;
  onChange(reason: string): void;
  // A watched folder itself was removed or added: the watch on it may be dead until rebuilt.
  onFolderChanged(folder: string): void;
  onError(error: Error): void;
  openWatcher?: OpenWatcher;
}

export interface FolderWatch {
  close(): Promise<void>;
}

const POLL_INTERVAL_MS = 1000;

const INBOX_EVENTS = new Set(['add', 'change']);
const ITEM_EVENTS = new Set(['add', 'change', 'unlink']);

// Opens the three watchers and resolves once they have read their folders.
export async function watchFolders(options: WatchFoldersOptions): Promise<FolderWatch> {
  const open = options.openWatcher ?? openChokidar;
  const { layout } = options;
  const isIgnored = compileIgnore(options.ignore);
  const common: ChokidarOptions = {
    ignoreInitial: true,
    depth: 0,
    followSymlinks: false,
    ignorePermissionErrors: true,
    usePolling: options.polling,
    interval: POLL_INTERVAL_MS,
    binaryInterval: POLL_INTERVAL_MS,
  };
  const opened: WatcherLike[] = [];
  const ready: Promise<void>[] = [];
  const openOne = async (paths: string[], extra: ChokidarOptions) => {
    const watcher = await open(paths, { ...common, ...extra });
    opened.push(watcher);
    ready.push(untilReady(watcher));
    return watcher;
  };
  try {
    const roots = [layout.plans, layout.needsAction];
    const watched = new Set([layout.root, layout.inbox, ...roots]);
    // Every event is reported at once: a file moved in whole is taken within the debounce, and one
    // still being written is left by intake until it stops changing (its settle time), so chokidar's
    // awaitWriteFinish, which holds every event for its whole threshold, is not used.
    const inbox = await openOne([layout.inbox], {
      ignored: (file: string) => file !== layout.inbox && (isHidden(file) || isIgnored(path.basename(file))),
    });
    const items = await openOne(roots, { ignored: (file: string) => !roots.includes(file) && isHidden(file) });
    const folders = await openOne([layout.root], { ignored: (file: string) => !watched.has(file) });
    listen(inbox, [layout.inbox], INBOX_EVENTS, options);
    listen(items, roots, ITEM_EVENTS, options);
    listen(folders, [layout.inbox, ...roots], new Set(), options);
    await Promise.all(ready);
  } catch (error) {
    await Promise.all(opened.map((watcher) => watcher.close().catch(() => {})));
    throw error;
  }
  return {
    async close() {
      await Promise.all(opened.map((watcher) => watcher.close()));
    },
  };
}

function listen(watcher: WatcherLike, roots: string[], events: Set<string>, options: WatchFoldersOptions): void {
  watcher.on('all', (event, file) => {
    if ((event === 'unlinkDir' || event === 'addDir') && roots.includes(file)) options.onFolderChanged(file);
    else if (events.has(event) && !roots.includes(file)) options.onChange(`${event} ${path.basename(path.dirname(file))}/${path.basename(file)}`);
  });
  watcher.on('error', (error) => options.onError(error instanceof Error ? error : new Error(String(error))));
}

function isHidden(file: string): boolean {
  return path.basename(file).startsWith('.');
}

function untilReady(watcher: WatcherLike): Promise<void> {
  return new Promise((resolve) => watcher.on('ready', resolve));
}

async function openChokidar(paths: string[], options: ChokidarOptions): Promise<WatcherLike> {
  const { watch } = await import('chokidar');
  return watch(paths, options);
}
