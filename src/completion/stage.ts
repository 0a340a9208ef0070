import path from 'node:path';
import { readItem } from '../items/item-fields.js';
import { attachmentOf, savedAttachmentsOf } from '../items/item-note.js';
import type { Item } from '../items/item.js';
import { noteFailure, warnOnce, clearFailure } from '../pipeline/item-failures.js';
import { emptyResult, noHandoff, type Stage, type StageContext, type StageResult } from '../pipeline/stage.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { ensureDir } from '../vault/files.js';
import { doneMonthFolder } from '../vault/layout.js';
import { listNotes } from '../vault/list-items.js';
import { bodyOf, readNoteHead } from '../vault/note-file.js';
import { readNoteHeads } from '../vault/read-note-heads.js';
import { noteStem } from '../vault/note-link.js';
import { wikilinkTarget } from '../vault/wikilink.js';
import { planFileName } from '../planning/write-plan.js';
import { allTicked } from './checkboxes.js';
import { fileUnderDone } from './file-item.js';
import { readTaskMarks, type TaskMark } from './stamp-tasks.js';

const PARALLEL_PLANS = 16;

interface Filable {
  id: string;
  item?: OpenItem;
  plan?: string;
  planMarks?: [string, TaskMark][];
  itemMissing?: boolean;
}

// An item in Needs_Action/ by its note's name: what filing needs of it.
interface OpenItem {
  name: string;
  item: Item;
}
type OpenItems = Map<string, OpenItem>;

// §8: ticked-off plans (or items the agent marked done) go to Done/YYYY-MM/ with their items; orphan
// plans and duplicates whose original was filed go too. A user's own `status` on an item is theirs.
export const completeStage: Stage = {
  name: 'complete',
  async run(ctx, handoff = noHandoff()) {
    const gate = await ctx.gate.check('cheap', undefined, 'completion');
    if (!gate.ok) return { ...emptyResult(), heldBecause: gate.reason };
    const result = emptyResult();
    // Items planned in this very iteration cannot be finished yet: not read again.
    const items = await readItems(ctx, handoff.planned);
    const freshPlans = new Set([...handoff.planned].map((item) => planFileName(noteStem(item))));
    const toFile = await findFinished(ctx, items, freshPlans, handoff.planned, result);
    for (const [name, note] of items) {
      const original = note.item.duplicateOf;
      const orphaned = original !== undefined && !items.has(`${original}.md`) && !handoff.planned.has(`${original}.md`);
      if ((note.item.status === 'done' || orphaned) && !toFile.some((f) => f.item?.name === name)) toFile.push({ id: note.item.id, item: note });
    }
    for (const filable of toFile) {
      try {
        await fileOne(ctx, filable);
        result.processed++;
      } catch (error) {
        noteFailure(ctx, filable.plan ? `Plans/${filable.plan}` : `Needs_Action/${filable.item?.name}`, error, result);
      }
    }
    return result;
  },
};

async function readItems(ctx: StageContext, planned: Set<string>): Promise<OpenItems> {
  const names = (await listNotes(ctx.vault.needsAction)).filter((name) => !planned.has(name));
  const items: OpenItems = new Map();
  // The frontmatter, as planning and the dashboard read it in the same run (read-note-heads.ts).
  for (const [name, summary] of await readNoteHeads(ctx.vault.needsAction, names, { batchSize: 128 })) {
    const item = summary.ok ? readItem(summary.head.data) : undefined;
    if (item) items.set(name, { name, item });
  }
  return items;
}

async function findFinished(ctx: StageContext, items: OpenItems, freshPlans: Set<string>, planned: Set<string>, result: StageResult): Promise<Filable[]> {
  const plans = (await listNotes(ctx.vault.plans)).filter((plan) => !freshPlans.has(plan));
  const found: Filable[] = [];
  const findItem = indexItems(items);
  const present = new Set((await listNotes(ctx.vault.needsAction)).map((name) => noteStem(name)));
  await mapWithLimit(plans, PARALLEL_PLANS, async (plan) => {
    try {
      const head = await readNoteHead(path.join(ctx.vault.plans, plan), ctx.config.planner.maxReadKB * 1024);
      if (head.split.kind !== 'yaml') {
        const why = head.split.kind === 'invalid' ? head.split.reason : 'it has no frontmatter';
        warnOnce(ctx, `Plans/${plan}`, `completion: Plans/${plan} cannot be read as a plan (${why}); it is left alone until its frontmatter is mended`);
        return;
      }
      const data = head.split.data;
      const stem = wikilinkTarget(data.source);
      const name = findItem(data.id, stem);
      if (!name) {
        // Valid YAML, but the keys that tie it to its item were deleted or broken: said once, like a broken plan.
        warnOnce(ctx, `Plans/${plan}`, `completion: Plans/${plan} names no item (its id and source: "[[item]]" are missing or unreadable); it is left alone until they are put back`);
        return;
      }
      clearFailure(ctx, `Plans/${plan}`);
      const note = items.get(name);
      const id = String(data.id ?? note?.item.id ?? plan);
      // An item whose frontmatter the user broke is still there: its plan waits, it is not an orphan.
      if (!note && stem !== undefined && present.has(stem)) return;
      if (!note && planned.has(name)) return;
      if (!note) found.push({ id, plan, itemMissing: true });
      else {
        const body = bodyOf(head).toString('utf8');
        if (data.status === 'done' || note.item.status === 'done' || allTicked(body)) found.push({ id, plan, item: note, planMarks: readTaskMarks(body) });
      }
    } catch (error) {
      noteFailure(ctx, `Plans/${plan}`, error, result);
    }
  });
  return found;
}

// A plan's item: the one with the plan's id (unique in Needs_Action/), else the note its source link names.
// By id first, because a link cannot name every file ("a#b.md" links as "a", "X.MD" is not "X.md").
function indexItems(items: OpenItems): (id: unknown, stem: string | undefined) => string | undefined {
  const byId = new Map<string, string | null>();
  const byStem = new Map<string, string>();
  for (const [name, note] of items) {
    byId.set(note.item.id, byId.has(note.item.id) ? null : name);
    const stem = noteStem(name);
    if (!byStem.has(stem) || name === `${stem}.md`) byStem.set(stem, name);
  }
  return (id, stem) => (typeof id === 'string' ? byId.get(id) : undefined) ?? (stem === undefined ? undefined : (byStem.get(stem) ?? `${stem}.md`));
}

async function fileOne(ctx: StageContext, filable: Filable): Promise<void> {
  const now = ctx.now();
  const doneDir = doneMonthFolder(ctx.vault, now);
  const month = path.basename(doneDir);
  const note = filable.item;
  const attachment = note ? attachmentOf(note.name, note.item) : undefined;
  const extra = note ? savedAttachmentsOf(note.item) : [];
  if (ctx.dryRun) {
    for (const name of [note?.name, attachment, ...extra]) if (name) ctx.dryRun(`move Needs_Action/${name} -> Done/${month}/${name}`);
    if (filable.plan) ctx.dryRun(`move Plans/${filable.plan} -> Done/${month}/${filable.plan}`);
    return;
  }
  await ensureDir(doneDir);
  const inNeedsAction = (name: string) => path.join(ctx.vault.needsAction, name);
  const filed = await fileUnderDone(ctx.vault.agentDir, {
    id: filable.id,
    doneDir,
    completed: now,
    item: note && inNeedsAction(note.name),
    itemModel: note?.item,
    attachment: attachment && inNeedsAction(attachment),
    extraFiles: extra.map(inNeedsAction),
    plan: filable.plan && path.join(ctx.vault.plans, filable.plan),
    planMarks: filable.planMarks,
    itemMissing: filable.itemMissing,
  });
  const what = [note ? `Needs_Action/${note.name}` : '', filable.plan ? `Plans/${filable.plan}` : ''].filter(Boolean).join(' and ');
  if (filable.itemMissing) ctx.log.warn(`completion: Plans/${filable.plan} had no item in Needs_Action; filed it under Done/${month}/`);
  else ctx.log.info(`filed ${what} under Done/${month}/${note?.item.duplicateOf && !filable.plan ? ` (a duplicate of ${note.item.duplicateOf}, which was filed)` : ''}`);
  const label = note ? noteStem(note.name) : noteStem(filable.plan ?? '');
  ctx.audit.record({ action: 'complete', item: label, from: note ? `Needs_Action/${note.name}` : `Plans/${filable.plan}`, to: `Done/${month}/${filed.item ?? filed.plan}`, result: 'ok', detail: filable.itemMissing ? 'item missing' : undefined });
}
