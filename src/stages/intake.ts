import fs from 'node:fs/promises';
import path from 'node:path';
import { classifyEntry, compileIgnore } from '../intake/classify-entry.js';
import { newItemId } from '../intake/item-id.js';
import { recoverStaged } from '../intake/recover-staged.js';
import { settledNames } from '../intake/settle.js';
import { claimEntry, returnToInbox } from '../intake/staging.js';
import { takeInStaged } from '../intake/take-in.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { journalDir } from '../completion/journal.js';
import { removeLeftoverTemps } from '../vault/files.js';
import { listFolders } from '../vault/list-items.js';
import { emptyResult, type Stage, type StageContext, type StageResult } from './stage.js';
import { clearFailure, noteFailure, warnOnce } from './warn-once.js';

const PARALLEL_ITEMS = 32;

// §6: every regular file directly in Inbox/ becomes an item in Needs_Action/, exactly once.
export const intakeStage: Stage = {
  name: 'intake',
  async run(ctx) {
    const gate = await ctx.gate.check('cheap', undefined, 'intake');
    if (!gate.ok) return { ...emptyResult(), heldBecause: gate.reason };
    const result = emptyResult();
    if (!ctx.dryRun) await sweepTemps(ctx);
    if (!ctx.dryRun) await redoInterrupted(ctx, result);
    const names = await listCandidates(ctx);
    const { settled, busy } = await settledNames(ctx.vault.inbox, names, ctx.config.intake.settleTime, ctx.now(), ctx.signal);
    result.skipped += busy.length;
    if (busy.length > 0) ctx.log.info(`intake: ${busy.length} file(s) still being written, left for the next run`);
    let done = 0;
    await mapWithLimit(settled, PARALLEL_ITEMS, async (name) => {
      if (ctx.signal.aborted) return;
      await takeInOne(ctx, name, result);
      ctx.progress?.('intake', ++done, settled.length);
    });
    return result;
  },
};

async function listCandidates(ctx: StageContext): Promise<string[]> {
  const entries = await fs.readdir(ctx.vault.inbox, { withFileTypes: true });
  const isIgnored = compileIgnore(ctx.config.intake.ignore);
  const names: string[] = [];
  for (const entry of entries) {
    const verdict = classifyEntry(entry, isIgnored);
    if (verdict === 'take') names.push(entry.name);
    else if (verdict === 'folder') warnOnce(ctx, `Inbox/${entry.name}/`, `intake: left the folder Inbox/${entry.name}/ alone (only files directly in Inbox/ are taken in)`);
    else if (verdict === 'not-regular') warnOnce(ctx, `Inbox/${entry.name}`, `intake: left Inbox/${entry.name} alone (a symlink or special file, never followed)`);
  }
  return names.sort();
}

async function takeInOne(ctx: StageContext, name: string, result: StageResult): Promise<void> {
  if (ctx.dryRun) {
    const item = /\.(md|markdown)$/i.test(name) ? name : `${name}.md`;
    ctx.dryRun(`move Inbox/${name} -> Needs_Action/${name}`);
    if (item !== name) ctx.dryRun(`write Needs_Action/${item} (companion note)`);
    ctx.fresh.push(item);
    result.processed++;
    return;
  }
  const now = ctx.now();
  const id = newItemId(now);
  let staged: string;
  try {
    staged = await claimEntry(ctx.vault, name, id);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') noteFailure(ctx, `Inbox/${name}`, error, result);
    // A name that is not valid UTF-8 reads back with U+FFFD and can never be opened by that name.
    else if (name.includes('\uFFFD')) warnOnce(ctx, `Inbox/${name}`, `intake: left Inbox/${name} alone (its name is not valid UTF-8; rename it to take it in)`);
    return;
  }
  await finishTakeIn(ctx, staged, id, now, result);
}

async function finishTakeIn(ctx: StageContext, staged: string, id: string, received: Date, result: StageResult): Promise<void> {
  const name = path.basename(staged);
  try {
    const taken = await takeInStaged(ctx.vault, staged, id, received);
    result.processed++;
    ctx.fresh.push(taken.item);
    clearFailure(ctx, `Inbox/${name}`);
    ctx.log.info(`took in Inbox/${name} -> Needs_Action/${taken.attachment ?? taken.item}${taken.attachment ? ` (+ ${taken.item})` : ''}`);
    ctx.audit.record({ action: 'intake', item: taken.item, from: `Inbox/${name}`, to: `Needs_Action/${taken.attachment ?? taken.item}`, result: 'ok' });
  } catch (error) {
    const back = await returnToInbox(ctx.vault, staged).catch(() => undefined);
    noteFailure(ctx, `Inbox/${back ?? name}`, error, result);
  }
}

// Temporary files a killed run left in the vault (never the user's); the first stage runs under the lock.
async function sweepTemps(ctx: StageContext): Promise<void> {
  const v = ctx.vault;
  const months = (await listFolders(v.done)).map((month) => path.join(v.done, month));
  const dirs = [v.root, v.needsAction, v.plans, v.briefings, v.agentDir, journalDir(v.agentDir), ...months];
  let removed = 0;
  for (const dir of dirs) removed += await removeLeftoverTemps(dir);
  if (removed > 0) ctx.log.info(`removed ${removed} temporary file(s) left by an interrupted run`);
}

// Claims a crash left behind: redo their intake under the same id.
async function redoInterrupted(ctx: StageContext, result: StageResult): Promise<void> {
  const recovered = await recoverStaged(ctx.vault, ctx.log);
  for (const entry of recovered.redo) await finishTakeIn(ctx, entry.stagedFile, entry.id, ctx.now(), result);
}
