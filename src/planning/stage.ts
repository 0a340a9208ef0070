import path from 'node:path';
import { itemFields, readItem } from '../items/item-fields.js';
import { newItemId } from '../items/item-id.js';
import { readItemNote, toPlanItem, type ItemNote } from '../items/item-note.js';
import type { Item } from '../items/item.js';
import { clearFailure, noteFailure } from '../pipeline/item-failures.js';
import { emptyResult, noHandoff, type Handoff, type Stage, type StageContext, type StageResult } from '../pipeline/stage.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { exists, writeFileAtomic } from '../vault/files.js';
import { listNotes } from '../vault/list-items.js';
import { contentWithChanges } from '../vault/note-file.js';
import { readNoteSummary } from '../vault/read-note-heads.js';
import { noteStem } from '../vault/note-link.js';
import type { PlanContext } from './planner.js';
import { readPlanContext } from './plan-context.js';
import { choosePlanner, type PlanFunction } from './planner-registry.js';
import { findOwnPlan, planFileName, planStem, writeNewPlan } from './write-plan.js';

const PARALLEL_ITEMS = 32;

// §7: every item in Needs_Action/ without a plan gets Plans/PLAN_<stem>.md, and the item links to it.
export const planStage: Stage = {
  name: 'plan',
  plansItems: true,
  counter: 'plannerRuns',
  async run(ctx, handoff = noHandoff()) {
    const kind = ctx.config.planner.engine === 'command' ? 'heavy' : 'cheap';
    const gate = await ctx.gate.check(kind, undefined, 'planning');
    // Plans intake wrote while it held a note are this stage's work too: "intake 46, plan 46".
    const result = { ...emptyResult(), processed: handoff.planned.size };
    if (!gate.ok) return { ...result, heldBecause: gate.reason };
    const names = (await listNotes(ctx.vault.needsAction)).filter((name) => !handoff.planned.has(name));
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
    if (ctx.dryRun) reportFreshPlans(ctx, handoff, names, result);
    return result;
  },
};

async function planOne(ctx: StageContext, name: string, planContext: PlanContext, planner: PlanFunction): Promise<boolean> {
  if (await isPlannedAlready(ctx, name)) return false;
  const read = await readItemNote(ctx.vault.needsAction, name, ctx.config.planner.maxReadKB * 1024);
  if (!read.ok) return false;
  const note = read.note;
  const item = note.item ?? foundInNeedsAction(ctx, name);
  // A duplicate drop follows the item it copies; a finished one waits for completion to file it.
  if (item.status === 'done' || item.duplicateOf) return false;
  if (item.plan && (await exists(path.join(ctx.vault.plans, `${item.plan}.md`)))) return false;
  const planItem = await toPlanItem(ctx.vault.needsAction, note, item);
  if (ctx.dryRun) {
    ctx.dryRun(`write Plans/${planFileName(planItem.stem)}`);
    ctx.dryRun(`update Needs_Action/${name} (ai_status: planned)`);
    return true;
  }
  const reused = await findOwnPlan(ctx.vault, planItem);
  const draft = reused ? undefined : await planner(planItem, planContext);
  const planName = reused ?? (await writeNewPlan(ctx.vault, planItem, draft!, ctx.now(), ctx.config.planner.taskTag));
  await linkItemToPlan(ctx, note, item, planName);
  ctx.log.info(draft ? `planned Needs_Action/${name} -> Plans/${planName} (${draft.planner}, ${draft.priority}${draft.due ? `, due ${draft.due}` : ''})` : `linked Needs_Action/${name} to its existing Plans/${planName}`);
  ctx.audit.record({ action: 'plan', item: name, to: `Plans/${planName}`, result: 'ok' });
  return true;
}

// Most open items have their plan: their frontmatter alone says so, read once for every stage of
// the run (read-note-heads.ts), so only the items still to plan are read whole.
async function isPlannedAlready(ctx: StageContext, name: string): Promise<boolean> {
  const summary = readNoteSummary(path.join(ctx.vault.needsAction, name));
  const item = summary.ok ? readItem(summary.head.data) : undefined;
  if (!item) return false;
  return item.status === 'done' || !!item.duplicateOf || (!!item.plan && (await exists(path.join(ctx.vault.plans, `${item.plan}.md`))));
}

// A note the user put straight into Needs_Action/: it becomes an item here, its own keys untouched.
function foundInNeedsAction(ctx: StageContext, name: string): Item {
  const received = ctx.now();
  return { id: newItemId(received), kind: 'note', status: 'needs_action', received, source: 'needs_action', originalName: name, legacy: false };
}

// An item met here for the first time gets all the agent's fields; a known one only its new status and link.
async function linkItemToPlan(ctx: StageContext, note: ItemNote, item: Item, planName: string): Promise<void> {
  const linked: Item = { ...item, status: 'planned', plan: planStem(planName) };
  const changes = note.item ? itemFields(linked, ['status', 'plan']) : itemFields(linked);
  const file = path.join(ctx.vault.needsAction, note.name);
  await writeFileAtomic(file, contentWithChanges(file, note.head, changes));
}

// In a dry run nothing was taken in, so report the plans the fresh Inbox items would get.
function reportFreshPlans(ctx: StageContext, handoff: Handoff, existing: string[], result: StageResult): void {
  for (const name of handoff.taken) {
    if (existing.includes(name)) continue;
    ctx.dryRun?.(`write Plans/${planFileName(noteStem(name))}`);
    result.processed++;
  }
}
