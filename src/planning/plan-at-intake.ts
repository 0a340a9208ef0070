import path from 'node:path';
import type { PlanContext, PlanItem } from './planner.js';
import { planWithRules } from './rules/rules.js';
import type { StageContext } from '../pipeline/stage.js';
import { removeFile } from '../vault/files.js';
import { planStem, writeNewPlan } from './write-plan.js';

// With the rules planner, intake plans a note while it still holds it in memory, so the item is
// written once, already linked to its plan (the plan is written first: a crash in between leaves a
// plan carrying the item's id, which the planning stage reuses once recovery has taken the item in).
// Only claims made in this run come here, under ids made in this run: no plan can carry them yet.
export interface PlannedAhead {
  stem: string;
  // Undo, when the item could not be written under the name the plan was made for.
  discard(): Promise<void>;
  // Logs and audits the plan; intake calls it once the item is written, so "took in" comes first.
  announce(): void;
}

export type PlanAhead = (item: PlanItem) => Promise<PlannedAhead>;

export function planAtIntake(ctx: StageContext, planContext: PlanContext): PlanAhead | undefined {
  if (ctx.config.planner.engine !== 'rules' || ctx.dryRun) return undefined;
  return async (item) => {
    const draft = planWithRules(item, planContext);
    const planFile = await writeNewPlan(ctx.vault, item, draft, ctx.now(), ctx.config.planner.taskTag);
    const announce = () => {
      ctx.log.info(`planned ${item.fileName} -> Plans/${planFile} (rules, ${draft.priority}${draft.due ? `, due ${draft.due}` : ''})`);
      ctx.audit.record({ action: 'plan', item: item.fileName, to: `Plans/${planFile}`, result: 'ok' });
    };
    return { stem: planStem(planFile), discard: () => removeFile(path.join(ctx.vault.plans, planFile)), announce };
  };
}
