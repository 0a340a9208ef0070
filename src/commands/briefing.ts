import fs from 'node:fs/promises';
import type { Config } from '../config/schema.js';
import { UsageError, VaultError } from '../errors.js';
import { writeBriefing } from '../views/briefing/write-briefing.js';
import type { Logger } from '../log/logger.js';
import { readState } from '../runner/state.js';
import { vaultLayout } from '../vault/layout.js';
import { localDay, parseLocalDay } from '../vault/local-day.js';
import { assertRealVaultFolders } from '../vault/real-folders.js';

// `ai-employee briefing [--date YYYY-MM-DD]`: writes a briefing now. Takes no lock and writes no state:
// the only file it writes is the briefing itself.

export interface BriefingCommandOptions {
  vault: string;
  // YYYY-MM-DD; default: today (local).
  date?: string;
  now: Date;
  log: Logger;
  config: Config;
  logFile?: string;
}

// Returns the briefing's path; the CLI prints it.
export async function runBriefingCommand(options: BriefingCommandOptions): Promise<{ file: string }> {
  const date = options.date ?? localDay(options.now);
  if (!parseLocalDay(date)) throw new UsageError(`--date "${date}" is not a date written YYYY-MM-DD`);
  const layout = vaultLayout(options.vault);
  const stat = await fs.stat(layout.root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new VaultError(`the vault folder ${layout.root} does not exist or is not a folder`);
  // It reads every folder and writes Briefings/: a symlinked one would take it outside the vault.
  await assertRealVaultFolders(layout);
  const state = await readState(layout.stateFile);
  const { file } = await writeBriefing(layout, { date, now: options.now, state, config: options.config, log: options.log, logFile: options.logFile });
  options.log.info(`briefing: wrote ${file}`);
  return { file };
}
