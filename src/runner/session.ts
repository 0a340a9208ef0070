import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { loadConfig } from '../config/load.js';
import { VaultError } from '../errors.js';
import type { AuditLog } from '../log/audit.js';
import type { Logger } from '../log/logger.js';
import { openLogs } from '../log/open-logs.js';
import { createGate } from '../system/gate.js';
import type { DryRunReport, Gate, Stage } from '../stages/stage.js';
import { createVaultFolders } from '../vault/create-folders.js';
import { defaultLockFile, defaultLogFile, vaultLayout, type VaultLayout } from '../vault/layout.js';
import { runIteration, type IterationReport } from './iteration.js';
import { acquireVaultLock, type VaultLock } from './lock.js';
import { readState, writeState, type AgentState } from './state.js';

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
  iterate(stages: readonly Stage[], signal: AbortSignal): Promise<IterationReport>;
  saveState(): Promise<void>;
  close(): Promise<void>;
}

// Everything a run on a vault holds: its configuration, logs, lock and state, opened in that order.
export async function openSession(options: SessionOptions): Promise<Session> {
  const layout = vaultLayout(options.vault);
  await assertVaultFolder(layout.root);
  const config = await loadConfig(layout.configFile);
  const lost = new AbortController();
  const dryRun = options.dryRun;
  const startedAt = options.now();
  let lock: VaultLock | undefined;
  let onLost = (error: Error) => lost.abort(error);
  if (!dryRun) lock = await acquireVaultLock(options.lockFile ?? defaultLockFile(layout.root), startedAt, (error) => onLost(error));
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
  onLost = (error) => {
    logs.log.error(`the vault lock was compromised (${error.message}); stopping`);
    lost.abort(error);
  };
  if (!dryRun) await createVaultFolders(layout);
  const state = await readState(layout.stateFile);
  Object.assign(state, { mode: options.mode, pid: process.pid, startedAt: startedAt.toISOString(), heartbeatAt: startedAt.toISOString(), intervalMinutes: options.intervalMinutes ?? null });
  const gate = createGate({ vaultRoot: layout.root, config, ignore: options.ignoreConstraints, log: logs.log });
  const saveState = async () => {
    if (dryRun) return;
    state.heartbeatAt = options.now().toISOString();
    const latest = gate.latest();
    if (latest) state.constraints = latest as unknown as Record<string, unknown>;
    await writeState(layout.stateFile, state);
  };
  return {
    layout,
    config,
    log: logs.log,
    audit: logs.audit,
    state,
    gate,
    lost: lost.signal,
    async iterate(stages, signal) {
      const ctx = { vault: layout, config, now: options.now, log: logs.log, audit: logs.audit, gate, signal, state, dryRun, fresh: [], progress: options.progress };
      const report = await runIteration(stages, ctx);
      await saveState();
      return report;
    },
    saveState,
    async close() {
      await saveState().catch((error: Error) => logs.log.error(`could not save state: ${error.message}`));
      await lock?.release();
      await logs.close();
    },
  };
}

async function assertVaultFolder(root: string): Promise<void> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new VaultError(`vault folder ${root} does not exist (create one with: ai-employee init ${root})`);
}
