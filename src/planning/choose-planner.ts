import type { PlanContext, PlanDraft, PlanItem } from './planner.js';
import { planWithRules } from './rules/rules.js';
import type { StageContext } from '../runner/stage.js';

// The rules planner, or the command planner (loaded only when configured: it pulls in execa).
export async function choosePlanner(ctx: StageContext): Promise<(item: PlanItem, context: PlanContext) => Promise<PlanDraft>> {
  if (ctx.config.planner.engine !== 'command' || ctx.dryRun) return async (item, context) => planWithRules(item, context);
  const { createCommandPlanner } = await import('./command/command-planner.js');
  const planner = createCommandPlanner({ config: ctx.config, cwd: ctx.vault.root, log: ctx.log, state: ctx.state, now: ctx.now, signal: ctx.signal });
  return (item, context) => planner.plan(item, context);
}
