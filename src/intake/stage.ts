import fs from 'node:fs/promises';
import path from 'node:path';
import { readItem } from '../items/item-fields.js';
import { newItemId } from '../items/item-id.js';
import { planAtIntake } from '../planning/plan-at-intake.js';
import { readPlanContext } from '../planning/plan-context.js';
import { clearFailure, noteFailure, warnOnce } from '../pipeline/item-failures.js';
import { emptyResult, noHandoff, type Stage, type StageContext, type StageResult } from '../pipeline/stage.js';
import { collectGarbageIfGrown } from '../system/collect-garbage.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { isNoteName, isUserFile } from '../vault/list-items.js';
import { readFolder, readFolderIfPresent } from '../vault/read-folder.js';
import { readNoteHeads } from '../vault/read-note-heads.js';
import { classifyEntry, compileIgnore } from './classify-entry.js';
import type { IntakeOptions, OpenHashes } from './name-reservations.js';
import { leaveNotesBeingWritten, type EditRules, type Waiting } from './being-written.js';
import { statEntries } from './inbox-stats.js';
import { readObsidianOpenFiles } from './obsidian-open-files.js';
import { leaveRestoredFiles } from './restored-files.js';
import { settledNames } from './settle.js';
import { claimEntry, releaseClaim, returnToInbox, type Claim } from './staging.js';
import { takeInStaged } from './take-in.js';

const PARALLEL_ITEMS = 32;
const CHUNK = 1024;

// §6: every regular file directly in Inbox/ becomes an item in Needs_Action/, exactly once.
export const intakeStage: Stage = {
  name: 'intake',
  counter: 'watcherRuns',
  async run(ctx, handoff = noHandoff()) {
    const gate = await ctx.gate.check('cheap', undefined, 'intake');
    if (!gate.ok) return { ...emptyResult(), heldBecause: gate.reason };
    const result: StageResult = { ...emptyResult(), taken: [], planned: [] };
    const { take, leftAlone } = await leaveRestoredFiles(ctx.vault, await listCandidates(ctx), { dryRun: !!ctx.dryRun });
    for (const name of leftAlone) ctx.log.debug(`intake: Inbox/${name} was put back by undo and is unchanged since; left alone`);
    result.skipped += leftAlone.length;
    const settled = await readyToClaim(ctx, take, result);
    if (ctx.dryRun) {
      for (const name of settled) reportDryRun(ctx, name, result);
      return result;
    }
    if (settled.length === 0) return result;
    // Listing and sorting 100,000 names leaves much garbage, which V8 would keep as heap for the whole run.
    collectGarbageIfGrown();
    const planAhead = handoff.planningFollows ? planAtIntake(ctx, await readPlanContext(ctx.vault, ctx.config, ctx.now())) : undefined;
    const options = await intakeOptions(ctx, planAhead);
    let done = 0;
    // A chunk at a time: claimed, taken in, released. Memory holds one chunk's claims, not 100,000.
    for (let start = 0; start < settled.length && !ctx.signal.aborted; start += CHUNK) {
      const claims = await claimAll(ctx, settled.slice(start, start + CHUNK), result);
      const finished: Claim[] = [];
      await mapWithLimit(claims, PARALLEL_ITEMS, async (claim) => {
        if (ctx.signal.aborted) return;
        if (await finishTakeIn(ctx, claim, result, options)) finished.push(claim);
        ctx.progress?.('intake', ++done, settled.length);
      });
      for (const claim of finished) await releaseClaim(claim);
      // What a chunk leaves is garbage (the live heap stays ~15 MB), but V8, on a machine with memory
      // to spare, lets the heap grow with it: 100,000 notes reached 400 MB without this.
      collectGarbageIfGrown();
    }
    return result;
  },
};

// The names to claim now: notes being written and files still settling are left for later.
async function readyToClaim(ctx: StageContext, take: string[], result: StageResult): Promise<string[]> {
  const rules = await editRules(ctx);
  const times = statEntries(ctx.vault.inbox, take);
  const { ready, waiting } = leaveNotesBeingWritten(take, times, ctx.now(), rules);
  reportWaiting(ctx, waiting, result);
  const { settled, busy } = await settledNames(ctx.vault.inbox, ready, times, ctx.config.intake.settleTime, ctx.now(), ctx.signal);
  result.skipped += busy.length;
  if (busy.length > 0) ctx.log.info(`intake: ${busy.length} file(s) still being written, left for the next run`);
  return settled;
}

async function editRules(ctx: StageContext): Promise<EditRules> {
  const { openNoteQuiet, editQuiet, emptyNoteWait } = ctx.config.intake;
  return { openQuietMs: openNoteQuiet, editQuietMs: editQuiet, emptyWaitMs: emptyNoteWait, openFiles: await readObsidianOpenFiles(ctx.vault.root) };
}

function reportWaiting(ctx: StageContext, waiting: Waiting[], result: StageResult): void {
  result.skipped += waiting.length;
  for (const note of waiting) {
    ctx.log.debug(`intake: Inbox/${note.name} is ${note.why}; left until ${new Date(note.until).toISOString()}`);
    result.wakeAt = Math.min(result.wakeAt ?? Infinity, note.until);
  }
}

// What every take-in of a run shares: names reserved in the run, the hashes of open items, what to read.
export async function intakeOptions(ctx: StageContext, planAhead?: IntakeOptions['planAhead']): Promise<IntakeOptions> {
  // One listing serves both: every name there is taken (one written later is still refused by the
  // exclusive write), and its notes are the open items whose hashes tell duplicates.
  const present = readFolderIfPresent(ctx.vault.needsAction);
  const notes = present.filter((entry) => isUserFile(entry) && isNoteName(entry.name)).map((entry) => entry.name).sort();
  return {
    planAhead,
    reserved: new Set(present.map((entry) => entry.name)),
    hashes: await readOpenHashes(ctx, notes),
    content: { maxTextBytes: ctx.config.planner.maxReadKB * 1024, ocr: ctx.config.intake.ocr },
  };
}

// sha256 → item, for the open items that recorded one: a drop with the same bytes is a duplicate.
async function readOpenHashes(ctx: StageContext, notes: string[]): Promise<OpenHashes> {
  const hashes: OpenHashes = new Map();
  // The frontmatter, as planning, completion and the dashboard read it in the same run (read-note-heads.ts).
  for (const [name, summary] of await readNoteHeads(ctx.vault.needsAction, notes, { batchSize: 128 })) {
    const item = summary.ok ? readItem(summary.head.data) : undefined;
    if (item?.sha256 && !item.duplicateOf && !hashes.has(item.sha256)) hashes.set(item.sha256, Promise.resolve(name));
  }
  return hashes;
}

type ClaimAt = Claim & { received: Date };

// A chunk's claims come first, as one quick run of renames: metadata changes then never queue behind
// the fsyncs of the writes, and a claim left by an interruption is redone by the next run.
async function claimAll(ctx: StageContext, names: string[], result: StageResult): Promise<ClaimAt[]> {
  const claims: ClaimAt[] = [];
  for (const name of names) {
    if (ctx.signal.aborted) break;
    const received = ctx.now();
    const id = newItemId(received);
    try {
      claims.push({ ...(await claimEntry(ctx.vault, name, id)), received });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') noteFailure(ctx, `Inbox/${name}`, error, result);
    }
  }
  return claims;
}

async function listCandidates(ctx: StageContext): Promise<string[]> {
  const entries = readFolder(ctx.vault.inbox);
  const isIgnored = compileIgnore(ctx.config.intake.ignore);
  const names: string[] = [];
  for (const entry of entries) {
    const verdict = classifyEntry(entry, isIgnored);
    if (verdict === 'take' && (await isUnreadableName(ctx.vault.inbox, entry.name))) warnOnce(ctx, `Inbox/${entry.name}`, `intake: left Inbox/${entry.name} alone (its name is not valid UTF-8; rename it to take it in)`, 'notice');
    else if (verdict === 'take') names.push(entry.name);
    else if (verdict === 'folder') warnOnce(ctx, `Inbox/${entry.name}/`, `intake: left the folder Inbox/${entry.name}/ alone (only files directly in Inbox/ are taken in)`, 'notice');
    else if (verdict === 'not-regular') warnOnce(ctx, `Inbox/${entry.name}`, `intake: left Inbox/${entry.name} alone (a symlink or special file, never followed)`, 'notice');
  }
  return names.sort();
}

// A name that is not valid UTF-8 is listed with U+FFFD in it, and no file answers to that name.
async function isUnreadableName(dir: string, name: string): Promise<boolean> {
  return name.includes('\uFFFD') && (await fs.lstat(path.join(dir, name)).then(() => false, () => true));
}

function reportDryRun(ctx: StageContext, name: string, result: StageResult): void {
  const item = isNoteName(name) ? name : `${name}.md`;
  ctx.dryRun?.(`move Inbox/${name} -> Needs_Action/${name}`);
  if (item !== name) ctx.dryRun?.(`write Needs_Action/${item} (companion note)`);
  result.taken!.push(item);
  result.processed++;
}

// Takes one claimed file in; true when the item is in Needs_Action/ and its claim can be released.
export async function finishTakeIn(ctx: StageContext, claim: ClaimAt, result: StageResult, options: IntakeOptions = {}): Promise<boolean> {
  const name = claim.name;
  try {
    const taken = await takeInStaged(ctx.vault, claim, claim.received, options);
    result.processed++;
    result.taken?.push(taken.item);
    if (taken.planned) result.planned?.push(taken.item);
    clearFailure(ctx, `Inbox/${name}`);
    const extra = [taken.attachment ? `+ ${taken.item}` : '', ...taken.attachments.map((a) => `+ ${a}`)].filter(Boolean).join(', ');
    ctx.log.info(`took in Inbox/${name} -> Needs_Action/${taken.attachment ?? taken.item}${extra ? ` (${extra})` : ''}`);
    if (taken.duplicateOf) ctx.log.info(`intake: Inbox/${name} has the same bytes as Needs_Action/${taken.duplicateOf}; kept as Needs_Action/${taken.item}, linked to it, no second plan`);
    if (taken.unread) ctx.log.warn(`intake: no text read from Inbox/${name}: ${taken.unread}`);
    ctx.audit.record({ action: 'intake', item: taken.item, from: `Inbox/${name}`, to: `Needs_Action/${taken.attachment ?? taken.item}`, result: 'ok', detail: taken.duplicateOf ? `duplicate of ${taken.duplicateOf}` : undefined });
    taken.announcePlan?.();
    return true;
  } catch (error) {
    const back = await returnToInbox(ctx.vault, claim).catch(() => undefined);
    noteFailure(ctx, `Inbox/${back ?? name}`, error, result);
    return false;
  }
}
