import type { Config } from '../config/schema.js';
import type { StageContext } from '../pipeline/stage.js';
import type { PlanContext, PlanDraft, PlanItem } from './planner.js';
import { planWithRules } from './rules/rules.js';

// The planners by `planner.engine`: adding one is one entry here. A dry run always uses the rules.

export type PlanFunction = (item: PlanItem, context: PlanContext) => Promise<PlanDraft>;

const PLANNERS: Record<Config['planner']['engine'], (ctx: StageContext) => Promise<PlanFunction>> = {
  rules: async () => async (item, context) => planWithRules(item, context),
  // Loaded only when configured: it pulls in execa.
  command: async (ctx) => {
    const { createCommandPlanner } = await import('./command/command-planner.js');
    const planner = createCommandPlanner({ config: ctx.config, cwd: ctx.vault.root, log: ctx.log, state: ctx.state, now: ctx.now, signal: ctx.signal });
    return (item, context) => planner.plan(item, context);
  },
};

// Used by the planning stage once per run.
export async function choosePlanner(ctx: StageContext): Promise<PlanFunction> {
  return PLANNERS[ctx.dryRun ? 'rules' : ctx.config.planner.engine](ctx);
}
