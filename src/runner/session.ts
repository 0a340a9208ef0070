import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { loadConfig } from '../config/load.js';
import { VaultError } from '../errors.js';
import type { AuditLog } from '../log/audit.js';
import type { Logger } from '../log/logger.js';
import { openLogs } from '../log/open-logs.js';
import { createGate } from '../system/gate.js';
import type { DryRunReport, Stage } from '../pipeline/stage.js';
import type { Gate } from '../system/gate.js';
import { createVaultFolders } from '../vault/create-folders.js';
import { assertRealVaultFolders } from '../vault/real-folders.js';
import { defaultLockFile, defaultLogFile, vaultLayout, type VaultLayout } from '../vault/layout.js';
import { collectGarbageIfGrown } from '../system/collect-garbage.js';
import { runIteration, type IterationReport } from './iteration.js';
import { describeError } from '../pipeline/item-failures.js';
import { recoverVault } from './recover.js';
import { acquireVaultLock, lockStaleMs, type VaultLock } from './lock.js';
import { clearStateNotSaved, hasStateNotSavedMark, markStateNotSaved, readState, writeState, type AgentState } from './state.js';

export interface SessionOptions {
  vault: string;
  mode: 'once' | 'daemon';
  logFile?: string;
  lockFile?: string;
  maxLogSizeMB: number;
  quiet: boolean;
  ignoreConstraints: boolean;
  dryRun?: DryRunReport;
  intervalMinutes?: number;
  now: () => Date;
  stderr: (text: string) => void;
  progress?: (stage: string, done: number, total: number) => void;
}

export interface Session {
  layout: VaultLayout;
  config: Config;
  log: Logger;
  audit: AuditLog;
  state: AgentState;
  gate: Gate;
  // Aborted when the lock is compromised: the holder must stop.
  lost: AbortSignal;
  iterate(stages: readonly Stage[], signal: AbortSignal, options?: IterateOptions): Promise<IterationReport>;
  // Saves state and refreshes the heartbeat; saves never overlap, so the last one written is the latest.
  saveState(): Promise<void>;
  // SIGHUP: re-reads ai-employee.yaml; an invalid file keeps the current configuration (false, and the log says why).
  reloadConfig(): Promise<boolean>;
  close(): Promise<void>;
}

export interface IterateOptions {
  // false for work beside the iterations (the daemon's job loop): stats.iterations and lastRunAt stay as they are.
  counted?: boolean;
}

// Everything a run on a vault holds: its configuration, logs, lock and state, opened in that order.
export async function openSession(options: SessionOptions): Promise<Session> {
  const layout = vaultLayout(options.vault);
  await assertVaultFolder(layout.root);
  await assertRealVaultFolders(layout);
  let config = await loadConfig(layout.configFile);
  const lost = new AbortController();
  const dryRun = options.dryRun;
  const startedAt = options.now();
  let lock: VaultLock | undefined;
  let onLost = (error: Error) => lost.abort(error);
  let onLockNotice = (message: string) => options.stderr(`ai-employee: ${message}\n`);
  if (!dryRun) lock = await acquireVaultLock(options.lockFile ?? defaultLockFile(layout.root), startedAt, (error) => onLost(error), { staleMs: lockStaleMs(process.env), onNotice: (message) => onLockNotice(message) });
  const logFile = options.logFile ?? defaultLogFile(layout.root);
  const logs = await openLogs({
    logFile,
    auditFile: path.join(path.dirname(logFile), 'audit.jsonl'),
    maxLogSizeMB: options.maxLogSizeMB,
    quiet: options.quiet,
    writeFiles: !dryRun,
    stderr: options.stderr,
    now: options.now,
  });
  onLockNotice = (message) => logs.log.warn(message);
  onLost = (error) => {
    logs.log.error(`the vault lock was compromised (${error.message}); stopping`);
    lost.abort(error);
  };
  if (!dryRun) await createVaultFolders(layout);
  const state = await readState(layout.stateFile);
  Object.assign(state, { mode: options.mode, pid: process.pid, startedAt: startedAt.toISOString(), heartbeatAt: startedAt.toISOString(), intervalMinutes: options.intervalMinutes ?? null });
  const openGate = () => createGate({ vaultRoot: layout.root, config, ignore: options.ignoreConstraints, log: logs.log });
  let gate = openGate();
  let saving: Promise<void> = Promise.resolve();
  // Recovery runs once, under the lock, before the first stage, never held by the gate.
  let recovered = false;
  let markedNotSaved = !dryRun && (await hasStateNotSavedMark(layout.stateFile));
  // What the last save wrote, heartbeat aside: closing right after an iteration's save writes nothing new.
  let saved: string | undefined;
  const unsaved = () => JSON.stringify(state, (key, value) => (key === 'heartbeatAt' ? undefined : value)) !== saved;
  const writeLatestState = async () => {
    state.heartbeatAt = options.now().toISOString();
    const latest = gate.latest();
    if (latest) state.constraints = latest as unknown as Record<string, unknown>;
    try {
      await writeState(layout.stateFile, state);
      saved = JSON.stringify(state, (key, value) => (key === 'heartbeatAt' ? undefined : value));
    } catch (error) {
      await markStateNotSaved(layout.stateFile);
      markedNotSaved = true;
      throw error;
    }
    if (markedNotSaved) await clearStateNotSaved(layout.stateFile);
    markedNotSaved = false;
  };
  const saveState = async () => {
    if (dryRun) return;
    const next = saving.then(writeLatestState);
    saving = next.catch(() => {});
    await next;
  };
  return {
    layout,
    get config() {
      return config;
    },
    log: logs.log,
    audit: logs.audit,
    state,
    get gate() {
      return gate;
    },
    lost: lost.signal,
    async iterate(stages, signal, iterateOptions = {}) {
      // Checked again before each iteration: a daemon runs for months, and a folder can be swapped for a symlink meanwhile.
      await assertRealVaultFolders(layout);
      const ctx = { vault: layout, config, now: options.now, log: logs.log, audit: logs.audit, gate, signal, state, dryRun, progress: options.progress };
      if (!recovered && !dryRun) await recoverVault(ctx);
      recovered = true;
      const report = await runIteration(stages, ctx, { counted: iterateOptions.counted, betweenStages: collectGarbageIfGrown });
      await saveState();
      return report;
    },
    saveState,
    async reloadConfig() {
      try {
        config = await loadConfig(layout.configFile);
      } catch (error) {
        logs.log.error(`kept the previous configuration: ${(error as Error).message}`);
        return false;
      }
      gate = openGate();
      logs.log.info(`reloaded ${layout.configFile}`);
      return true;
    },
    async close() {
      if (unsaved()) await saveState().catch((error: Error) => logs.log.error(`could not save the state (--status will say so): ${describeError(error, layout.root)}`));
      // A compromised lock may already be someone else's: leave it (and its owner record) alone.
      if (!lost.signal.aborted) await lock?.release();
      await logs.close();
    },
  };
}

async function assertVaultFolder(root: string): Promise<void> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new VaultError(`vault folder ${root} does not exist (create one with: ai-employee init ${root})`);
}
