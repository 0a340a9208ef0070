import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { openSession, type SessionOptions } from '../runner/session.js';
import { findItemNamed, findLastItems, type UndoTarget } from '../undo/find-undo-targets.js';
import { undoItem, type UndoneItem } from '../undo/undo-item.js';
import { vaultLayout, type VaultLayout } from '../vault/layout.js';

// `ai-employee undo NAME | --last N [--to DIR] [--dry-run]`: puts items back as they were dropped.
// Holds the vault lock like --once (a dry run takes none and changes nothing).

export interface UndoCommandOptions extends Omit<SessionOptions, 'mode' | 'dryRun'> {
  name?: string;
  last?: number;
  // A folder inside the vault, relative to its root (default Inbox).
  to?: string;
  dryRun?: (line: string) => void;
}

export interface UndoReport {
  undone: UndoneItem[];
  failed: { item: string; reason: string }[];
}

// --to: a folder inside the vault, never the agent's own, never through a symlink out of it.
function destinationFolder(layout: VaultLayout, to: string | undefined): string {
  if (to === undefined) return layout.inbox;
  const dir = path.resolve(layout.root, to);
  const real = (target: string) => {
    try {
      return fs.realpathSync(target);
    } catch {
      return target;
    }
  };
  const inside = path.relative(real(layout.root), real(dir));
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) throw new UsageError(`--to "${to}" is not a folder inside the vault ${layout.root}`);
  if (inside.split(path.sep)[0] === '.ai-employee') throw new UsageError(`--to "${to}" is the agent's own folder; choose a folder of yours`);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--to "${to}" is not a folder`);
  return dir;
}

async function chooseTargets(layout: VaultLayout, options: UndoCommandOptions): Promise<UndoTarget[]> {
  if (options.name !== undefined) return [await findItemNamed(layout, options.name)];
  const targets = await findLastItems(layout, options.last ?? 1);
  if (targets.length === 0) throw new UsageError('undo: there is no item taken in from Inbox/ to undo');
  return targets;
}

// Returns what was put back and what could not be; the CLI prints it and sets the exit code.
export async function runUndo(options: UndoCommandOptions): Promise<UndoReport> {
  // A wrong name or folder is told before anything is opened, locked or written.
  const to = destinationFolder(vaultLayout(options.vault), options.to);
  await chooseTargets(vaultLayout(options.vault), options);
  const session = await openSession({ ...options, mode: 'once', dryRun: options.dryRun });
  const report: UndoReport = { undone: [], failed: [] };
  try {
    const { layout, log, audit } = session;
    for (const target of await chooseTargets(layout, options)) {
      const item = `${target.folder}/${target.note.name}`;
      try {
        const undone = await undoItem(target, { layout, to, now: options.now(), dryRun: options.dryRun });
        report.undone.push(undone);
        if (options.dryRun) continue;
        const plan = undone.planRemoved ? `plan ${undone.planRemoved} removed` : undone.planKept ? `plan kept as ${undone.planKept} (you had edited it)` : 'no plan';
        const bytes = undone.exact ? 'the bytes as dropped' : 'changed since intake: kept as it is now, without the agent\'s fields';
        log.info(`undo: ${item} -> ${undone.restored} (${bytes}; ${plan})`);
        audit.record({ action: 'undo', item: target.note.name, from: item, to: undone.restored, result: 'ok', detail: [bytes, plan].join('; ') });
      } catch (error) {
        const reason = (error as Error).message;
        report.failed.push({ item, reason });
        if (options.dryRun) continue;
        log.error(`undo: could not undo ${item}: ${reason}`);
        audit.record({ action: 'undo', item: target.note.name, from: item, result: 'failed', detail: reason });
      }
    }
    return report;
  } finally {
    await session.close();
  }
}
