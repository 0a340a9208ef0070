import path from 'node:path';
import type { Config } from '../../config/schema.js';
import type { Logger } from '../../log/logger.js';
import type { AgentState } from '../../runner/state.js';
import type { DryRunReport } from '../../pipeline/stage.js';
import { readBlockNote } from '../../vault/agent-block.js';
import { ensureDir, writeFileAtomic } from '../../vault/files.js';
import type { VaultLayout } from '../../vault/layout.js';
import { readVaultSnapshot } from '../snapshot.js';
import { readAgentHealth } from './agent-health.js';
import { briefingSnapshotOptions, buildBriefingModel, type BriefingModel } from './briefing-model.js';
import { spliceBriefing } from './briefing-note.js';
import { briefingWindow } from './briefing-window.js';
import { readGoalsProgress } from './goals-progress.js';
import { readJobRecords } from '../../jobs/history.js';
import { briefingProperties, renderBriefingBlock } from './render-briefing.js';

// Gathers what a briefing needs from the vault, the state and the logs, and writes Briefings/<date>.md.

export interface WriteBriefingOptions {
  // YYYY-MM-DD, the day the briefing is for (its file name).
  date: string;
  now: Date;
  state: AgentState;
  config: Config;
  log: Logger;
  // The text log whose size the health section reports (default Logs/ai_employee.log).
  logFile?: string;
  dryRun?: DryRunReport;
}

export interface WrittenBriefing {
  file: string;
  model: BriefingModel;
}

// The vault-relative name of a day's briefing, as logs and dry runs show it.
export function briefingName(date: string): string {
  return `Briefings/${date}.md`;
}

// How many Done/ month folders cover the window back to `since` (at least 2, at most 13).
function monthsCovering(since: Date, now: Date): number {
  const span = (now.getFullYear() - since.getFullYear()) * 12 + (now.getMonth() - since.getMonth()) + 1;
  return Math.min(13, Math.max(2, span));
}

// Reads everything and builds the model, without writing.
export async function gatherBriefing(layout: VaultLayout, options: WriteBriefingOptions): Promise<BriefingModel> {
  const { now, state } = options;
  const { since, until, sinceLastBriefing, otherDay } = briefingWindow(options.date, now, options.config.briefing.time, state.briefing.lastWrittenAt);
  const { staleDays } = options.config.briefing;
  const logFile = options.logFile ?? path.join(layout.logs, 'ai_employee.log');
  const [snapshot, goals, health, jobs] = await Promise.all([
    readVaultSnapshot(layout, { now: until, doneMonths: monthsCovering(since, until), ...briefingSnapshotOptions({ date: options.date, now: until, since, otherDay, staleDays }) }),
    readGoalsProgress(layout.goals),
    readAgentHealth(layout.root, logFile, state, now),
    readJobRecords(layout.logs, { since, until }),
  ]);
  if (jobs.badLines > 0) options.log.warn(`briefing: skipped ${jobs.badLines} unreadable line(s) in Logs/jobs.jsonl`);
  return buildBriefingModel({ date: options.date, now: until, writtenAt: now, since, sinceLastBriefing, otherDay, staleDays, snapshot, goals, health, jobs });
}

// Writes Briefings/<date>.md atomically, replacing only the agent's block and counts of one already
// there (the user's own lines stay); in a dry run only reports it.
export async function writeBriefing(layout: VaultLayout, options: WriteBriefingOptions): Promise<WrittenBriefing> {
  const model = await gatherBriefing(layout, options);
  const name = briefingName(options.date);
  const file = path.join(layout.briefings, `${options.date}.md`);
  const spliced = spliceBriefing(await readBlockNote(file), briefingProperties(model), renderBriefingBlock(model), name);
  if (spliced.warning) options.log.warn(`briefing: ${spliced.warning}`);
  else if (spliced.change === 'appended') options.log.info(`briefing: ${name} had no ai-employee markers; its text was kept and the briefing added at its end`);
  if (options.dryRun) {
    options.dryRun(`write ${name}`);
    return { file, model };
  }
  await ensureDir(layout.briefings);
  await writeFileAtomic(file, spliced.content);
  return { file, model };
}
