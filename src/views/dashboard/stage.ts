import { renderDashboardBlock, type FailedJob } from './render-block.js';
import { updateDashboard } from './update-dashboard.js';
import type { AgentState } from '../../runner/state.js';
import { readVaultSnapshot } from '../snapshot.js';
import { emptyResult, type Stage, type StageContext } from '../../pipeline/stage.js';
import { describeError } from '../../pipeline/item-failures.js';
import { compareNames } from '../../items/compare-text.js';

// §9: the last stage of every iteration rewrites the agent's block of Dashboard.md.

// Jobs whose last run failed or timed out, for the dashboard's warnings.
export function listFailedJobs(state: AgentState): FailedJob[] {
  return Object.entries(state.jobs)
    .filter(([, job]) => job.lastResult === 'failed' || job.lastResult === 'timeout')
    .map(([name, job]) => ({ name, result: job.lastResult!, at: job.lastRunAt ?? null }))
    .sort((a, b) => compareNames(a.name, b.name));
}

// "daemon (pid 4242)", "once", "dry run": how the agent is running, as the dashboard shows it.
export function describeRunner(ctx: Pick<StageContext, 'state' | 'dryRun'>): string {
  if (ctx.dryRun) return 'dry run';
  const mode = ctx.state.mode ?? 'once';
  return ctx.state.pid !== null ? `${mode} (pid ${ctx.state.pid})` : mode;
}

// Registered last in the iteration, after intake, planning, completion, jobs and the briefing.
export const dashboardStage: Stage = {
  name: 'dashboard',
  routine: true,
  async run(ctx: StageContext) {
    const result = emptyResult();
    const decision = await ctx.gate.check('cheap');
    if (!decision.ok) return { ...result, heldBecause: decision.reason };
    const now = ctx.now();
    try {
      const snapshot = await readVaultSnapshot(ctx.vault, { now });
      const block = renderDashboardBlock(snapshot, {
        now,
        runnerState: describeRunner(ctx),
        deferred: ctx.state.deferred,
        failedItems: ctx.state.failedItems,
        failedJobs: listFailedJobs(ctx.state),
      });
      await updateDashboard(ctx.vault, block, { dryRun: ctx.dryRun, log: ctx.log });
      result.processed = 1;
    } catch (error) {
      ctx.log.error(`dashboard: ${describeError(error, ctx.vault.root)}`);
      result.failed = 1;
    }
    return result;
  },
};
