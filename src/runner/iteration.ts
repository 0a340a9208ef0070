import { briefingStage } from '../views/briefing/stage.js';
import { completeStage } from '../completion/stage.js';
import { dashboardStage } from '../views/dashboard/stage.js';
import { intakeStage } from '../intake/stage.js';
import { jobsStage } from '../jobs/stage.js';
import { planStage } from '../planning/stage.js';
import type { Handoff, Stage, StageContext, StageResult } from '../pipeline/stage.js';
import { describeError } from '../pipeline/item-failures.js';

// §5: one iteration runs these stages in this order. Adding a stage is adding a line here.
export const ITERATION_STAGES: readonly Stage[] = [intakeStage, planStage, completeStage, jobsStage, briefingStage, dashboardStage];

export interface IterationReport {
  results: Record<string, StageResult>;
  failedStages: string[];
  failedItems: number;
  held: { stage: string; reason: string }[];
  // Stages whose work is the same every iteration (Stage.routine).
  routine: string[];
}

export interface IterationOptions {
  // false for work beside the iterations (the daemon's job loop): not counted in the stats.
  counted?: boolean;
  // Runs between stages (the session gives back the garbage a stage left).
  betweenStages?: () => void;
}

// A failing stage is logged and counted; the stages after it still run.
export async function runIteration(stages: readonly Stage[], ctx: StageContext, { counted = true, betweenStages }: IterationOptions = {}): Promise<IterationReport> {
  const report: IterationReport = { results: {}, failedStages: [], failedItems: 0, held: [], routine: stages.filter((stage) => stage.routine).map((stage) => stage.name) };
  const handoff: Handoff = { taken: [], planned: new Set(), planningFollows: false };
  for (const [index, stage] of stages.entries()) {
    if (index > 0) betweenStages?.();
    if (ctx.signal.aborted) break;
    try {
      handoff.planningFollows = stages.slice(index + 1).some((later) => later.plansItems);
      const result = await stage.run(ctx, handoff);
      handoff.taken.push(...(result.taken ?? []));
      for (const name of result.planned ?? []) handoff.planned.add(name);
      report.results[stage.name] = result;
      report.failedItems += result.failed;
      recordDeferral(ctx, stage.name, result.heldBecause);
      if (result.heldBecause) report.held.push({ stage: stage.name, reason: result.heldBecause });
      else if (stage.counter) ctx.state.stats[stage.counter]++;
    } catch (error) {
      report.failedStages.push(stage.name);
      ctx.state.stats.errors++;
      ctx.state.stats.lastError = `${stage.name}: ${describeError(error, ctx.vault.root)}`;
      ctx.log.error(`stage ${stage.name} failed: ${describeError(error, ctx.vault.root)}`);
      ctx.audit.record({ action: 'error', item: stage.name, result: 'failed', detail: describeError(error, ctx.vault.root) });
    }
  }
  if (counted) {
    ctx.state.stats.iterations++;
    ctx.state.stats.lastRunAt = ctx.now().toISOString();
  }
  return report;
}

function recordDeferral(ctx: StageContext, stage: string, reason: string | undefined): void {
  const existing = ctx.state.deferred.find((d) => d.stage === stage);
  if (!reason) {
    if (existing) ctx.state.deferred = ctx.state.deferred.filter((d) => d.stage !== stage);
    return;
  }
  if (existing?.reason === reason) return;
  if (!existing) ctx.audit.record({ action: 'defer', item: stage, result: 'held', detail: reason });
  ctx.state.deferred = [...ctx.state.deferred.filter((d) => d.stage !== stage), { stage, reason, since: existing?.since ?? ctx.now().toISOString() }];
}
