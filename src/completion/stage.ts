import path from 'node:path';
import { allTicked } from './checkboxes.js';
import { fileUnderDone } from './file-item.js';
import { replayJournal } from './journal.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { ensureDir, readHead } from '../vault/files.js';
import { readNoteText, type Frontmatter } from '../vault/frontmatter.js';
import { attachmentOf } from '../vault/companion.js';
import { doneMonthFolder } from '../vault/layout.js';
import { listNotes, noteStem, readNoteFrontmatter } from '../vault/read-note-head.js';
import { wikilinkTarget } from '../vault/wikilink.js';
import { planFileName } from '../planning/write-plan.js';
import { emptyResult, type Stage, type StageContext, type StageResult } from '../runner/stage.js';
import { noteFailure } from '../runner/item-failures.js';

const PARALLEL_PLANS = 16;

interface Filable {
  id: string;
  item?: string;
  itemData?: Frontmatter;
  plan?: string;
  itemMissing?: boolean;
}

// §8: ticked-off plans (or items marked done) go to Done/YYYY-MM/ with their items; orphan plans too.
export const completeStage: Stage = {
  name: 'complete',
  async run(ctx) {
    const gate = await ctx.gate.check('cheap', undefined, 'completion');
    if (!gate.ok) return { ...emptyResult(), heldBecause: gate.reason };
    if (!ctx.dryRun && (await replayJournal(ctx.vault.agentDir)) > 0) ctx.log.info('completion: finished filings left in flight by an earlier run');
    const result = emptyResult();
    const items = await readItems(ctx);
    const toFile = await findFinished(ctx, items, result);
    for (const [name, data] of items) {
      if (data.status === 'done' && !toFile.some((f) => f.item === name)) toFile.push({ id: String(data.id ?? name), item: name, itemData: data });
    }
    for (const filable of toFile) {
      try {
        await fileOne(ctx, filable);
        result.processed++;
      } catch (error) {
        noteFailure(ctx, filable.plan ? `Plans/${filable.plan}` : `Needs_Action/${filable.item}`, error, result);
      }
    }
    return result;
  },
};

async function readItems(ctx: StageContext): Promise<Map<string, Frontmatter>> {
  // Items planned by intake in this very iteration cannot be finished yet: not read again.
  const names = (await listNotes(ctx.vault.needsAction)).filter((name) => !ctx.plannedAtIntake?.has(name));
  const items = new Map<string, Frontmatter>();
  await mapWithLimit(names, 64, async (name) => {
    const data = await readNoteFrontmatter(path.join(ctx.vault.needsAction, name));
    if (data) items.set(name, data);
  });
  return items;
}

async function findFinished(ctx: StageContext, items: Map<string, Frontmatter>, result: StageResult): Promise<Filable[]> {
  const fresh = new Set([...(ctx.plannedAtIntake ?? [])].map((item) => planFileName(noteStem(item))));
  const plans = (await listNotes(ctx.vault.plans)).filter((plan) => !fresh.has(plan));
  const found: Filable[] = [];
  const findItem = indexItems(items);
  const present = new Set((await listNotes(ctx.vault.needsAction)).map((name) => noteStem(name)));
  await mapWithLimit(plans, PARALLEL_PLANS, async (plan) => {
    try {
      const text = (await readHead(path.join(ctx.vault.plans, plan), ctx.config.planner.maxReadKB * 1024)).toString('utf8');
      const { data, body } = readNoteText(text);
      const stem = wikilinkTarget(data.source);
      const item = findItem(data.id, stem);
      if (!item) return;
      const itemData = items.get(item);
      const id = String(data.id ?? itemData?.id ?? plan);
      // An item whose frontmatter the user broke is still there: its plan waits, it is not an orphan.
      if (!itemData && stem !== undefined && present.has(stem)) return;
      if (!itemData && ctx.plannedAtIntake?.has(item)) return;
      if (!itemData) found.push({ id, plan, itemMissing: true });
      else if (data.status === 'done' || itemData.status === 'done' || allTicked(body)) found.push({ id, plan, item, itemData });
    } catch (error) {
      noteFailure(ctx, `Plans/${plan}`, error, result);
    }
  });
  return found;
}

// A plan's item: the one with the plan's id (unique in Needs_Action/), else the note its source link names.
// By id first, because a link cannot name every file ("a#b.md" links as "a", "X.MD" is not "X.md").
function indexItems(items: Map<string, Frontmatter>): (id: unknown, stem: string | undefined) => string | undefined {
  const byId = new Map<string, string | null>();
  const byStem = new Map<string, string>();
  for (const [name, data] of items) {
    if (typeof data.id === 'string') byId.set(data.id, byId.has(data.id) ? null : name);
    const stem = noteStem(name);
    if (!byStem.has(stem) || name === `${stem}.md`) byStem.set(stem, name);
  }
  return (id, stem) => (typeof id === 'string' ? byId.get(id) : undefined) ?? (stem === undefined ? undefined : (byStem.get(stem) ?? `${stem}.md`));
}

async function fileOne(ctx: StageContext, filable: Filable): Promise<void> {
  const now = ctx.now();
  const doneDir = doneMonthFolder(ctx.vault, now);
  const month = path.basename(doneDir);
  const attachment = filable.item && filable.itemData ? attachmentOf(filable.item, filable.itemData) : undefined;
  if (ctx.dryRun) {
    for (const name of [filable.item, attachment]) if (name) ctx.dryRun(`move Needs_Action/${name} -> Done/${month}/${name}`);
    if (filable.plan) ctx.dryRun(`move Plans/${filable.plan} -> Done/${month}/${filable.plan}`);
    return;
  }
  await ensureDir(doneDir);
  const filed = await fileUnderDone(ctx.vault.agentDir, {
    id: filable.id,
    doneDir,
    completed: now,
    item: filable.item && path.join(ctx.vault.needsAction, filable.item),
    attachment: attachment && path.join(ctx.vault.needsAction, attachment),
    plan: filable.plan && path.join(ctx.vault.plans, filable.plan),
    itemMissing: filable.itemMissing,
  });
  if (!filable.itemMissing) ctx.log.info(`filed ${filable.item ? `Needs_Action/${filable.item}` : ''}${filable.item && filable.plan ? ' and ' : ''}${filable.plan ? `Plans/${filable.plan}` : ''} under Done/${month}/`);
  if (filable.itemMissing) ctx.log.warn(`completion: Plans/${filable.plan} had no item in Needs_Action; filed it under Done/${month}/`);
  const label = filable.item ? noteStem(filable.item) : noteStem(filable.plan ?? '');
  ctx.audit.record({ action: 'complete', item: label, from: filable.item ? `Needs_Action/${filable.item}` : `Plans/${filable.plan}`, to: `Done/${month}/${filed.item ?? filed.plan}`, result: 'ok', detail: filable.itemMissing ? 'item missing' : undefined });
}
