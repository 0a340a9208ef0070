import path from 'node:path';
import { newItemId } from '../intake/item-id.js';
import type { PlanContext, PlanDraft, PlanItem } from './planner.js';
import { readPlanContext } from './plan-context.js';
import { readPlanItem } from './read-plan-item.js';
import { choosePlanner } from './choose-planner.js';
import { findOwnPlan, planFileName, planStem, writeNewPlan } from './write-plan.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { exists, writeFileAtomic } from '../vault/files.js';
import { noteWithChanges } from '../vault/note-with-changes.js';
import { listNotes } from '../vault/read-note-head.js';
import { toWikilink, wikilinkTarget } from '../vault/wikilink.js';
import { emptyResult, type Stage, type StageContext, type StageResult } from '../runner/stage.js';
import { clearFailure, noteFailure } from '../runner/item-failures.js';

const PARALLEL_ITEMS = 32;

// §7: every item in Needs_Action/ without a plan gets Plans/PLAN_<stem>.md, and the item links to it.
export const planStage: Stage = {
  name: 'plan',
  async run(ctx) {
    const kind = ctx.config.planner.engine === 'command' ? 'heavy' : 'cheap';
    const gate = await ctx.gate.check(kind, undefined, 'planning');
    if (!gate.ok) return { ...emptyResult(), heldBecause: gate.reason };
    const result = emptyResult();
    const names = (await listNotes(ctx.vault.needsAction)).filter((name) => !ctx.plannedAtIntake?.has(name));
    const planContext = await readPlanContext(ctx.vault, ctx.config, ctx.now());
    const planner = await choosePlanner(ctx);
    let done = 0;
    await mapWithLimit(names, PARALLEL_ITEMS, async (name) => {
      if (ctx.signal.aborted) return;
      try {
        if (await planOne(ctx, name, planContext, planner)) result.processed++;
        else result.skipped++;
        clearFailure(ctx, `Needs_Action/${name}`);
      } catch (error) {
        noteFailure(ctx, `Needs_Action/${name}`, error, result);
      }
      ctx.progress?.('planning', ++done, names.length);
    });
    if (ctx.dryRun) reportFreshPlans(ctx, names, result);
    return result;
  },
};

type Planner = (item: PlanItem, context: PlanContext) => Promise<PlanDraft>;

async function planOne(ctx: StageContext, name: string, planContext: PlanContext, planner: Planner): Promise<boolean> {
  const read = await readPlanItem(ctx.vault.needsAction, name, ctx.config.planner.maxReadKB * 1024, ctx.now());
  if (!read || read.data.status === 'done') return false;
  if (await hasPlan(ctx, read.data)) return false;
  const item = read.item;
  if (!item.id) item.id = newItemId(ctx.now());
  if (ctx.dryRun) {
    ctx.dryRun(`write Plans/${planFileName(item.stem)}`);
    ctx.dryRun(`update Needs_Action/${name} (status: planned)`);
    return true;
  }
  const reused = await findOwnPlan(ctx.vault, item);
  const draft = reused ? undefined : await planner(item, planContext);
  const planName = reused ?? (await writeNewPlan(ctx.vault, item, draft!, ctx.now()));
  await linkItemToPlan(ctx, name, item, read.data, planName);
  ctx.log.info(draft ? `planned Needs_Action/${name} -> Plans/${planName} (${draft.planner}, ${draft.priority}${draft.due ? `, due ${draft.due}` : ''})` : `linked Needs_Action/${name} to its existing Plans/${planName}`);
  ctx.audit.record({ action: 'plan', item: name, to: `Plans/${planName}`, result: 'ok' });
  return true;
}

async function hasPlan(ctx: StageContext, data: Record<string, unknown>): Promise<boolean> {
  const target = wikilinkTarget(data.plan);
  return target !== undefined && (await exists(path.join(ctx.vault.plans, `${target}.md`)));
}

async function linkItemToPlan(ctx: StageContext, name: string, item: PlanItem, data: Record<string, unknown>, planName: string): Promise<void> {
  const changes: Record<string, unknown> = { status: 'planned', plan: toWikilink(planStem(planName)) };
  if (data.id !== item.id) Object.assign(changes, { id: item.id, type: item.type, received: item.received.toISOString(), source: 'needs_action' });
  const file = path.join(ctx.vault.needsAction, name);
  const { content } = await noteWithChanges(file, changes);
  await writeFileAtomic(file, content);
}

// In a dry run nothing was taken in, so report the plans the fresh Inbox items would get.
function reportFreshPlans(ctx: StageContext, existing: string[], result: StageResult): void {
  for (const name of ctx.fresh) {
    if (existing.includes(name)) continue;
    ctx.dryRun?.(`write Plans/PLAN_${name.replace(/\.md$/i, '')}.md`);
    result.processed++;
  }
}
