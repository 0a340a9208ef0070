import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { AgentState } from '../runner/state.js';
import type { DryRunReport } from '../runner/stage.js';
import { ensureDir, writeFileAtomic } from '../vault/files.js';
import type { VaultLayout } from '../vault/layout.js';
import { readVaultSnapshot } from '../vault/snapshot.js';
import { readAgentHealth } from './agent-health.js';
import { briefingWindowStart, buildBriefingModel, type BriefingModel } from './briefing-model.js';
import { readGoalsProgress } from './goals-progress.js';
import { readJobRunsSince } from './job-runs.js';
import { renderBriefing } from './render-briefing.js';

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
  const { since, sinceLastBriefing } = briefingWindowStart(state.briefing.lastWrittenAt, now);
  const logFile = options.logFile ?? path.join(layout.logs, 'ai_employee.log');
  const [snapshot, goals, health, jobs] = await Promise.all([
    readVaultSnapshot(layout, { now, doneMonths: monthsCovering(since, now) }),
    readGoalsProgress(layout.goals),
    readAgentHealth(layout.root, logFile, state, now),
    readJobRunsSince(path.join(layout.logs, 'jobs.jsonl'), since, now),
  ]);
  if (jobs.badLines > 0) options.log.warn(`briefing: skipped ${jobs.badLines} unreadable line(s) in Logs/jobs.jsonl`);
  return buildBriefingModel({ date: options.date, now, since, sinceLastBriefing, staleDays: options.config.briefing.staleDays, snapshot, goals, health, jobs });
}

// Writes (replaces) Briefings/<date>.md atomically; in a dry run only reports it.
export async function writeBriefing(layout: VaultLayout, options: WriteBriefingOptions): Promise<WrittenBriefing> {
  const model = await gatherBriefing(layout, options);
  const file = path.join(layout.briefings, `${options.date}.md`);
  if (options.dryRun) {
    options.dryRun(`write ${briefingName(options.date)}`);
    return { file, model };
  }
  await ensureDir(layout.briefings);
  await writeFileAtomic(file, renderBriefing(model));
  return { file, model };
}
