import fs from 'node:fs/promises';
import path from 'node:path';
import { classifyEntry, compileIgnore } from './classify-entry.js';
import { newItemId } from './item-id.js';
import { recoverStaged } from './recover-staged.js';
import { settledNames } from './settle.js';
import { claimEntry, releaseClaim, returnToInbox, type Claim } from './staging.js';
import { takeInStaged } from './take-in.js';
import { mapWithLimit } from '../system/map-with-limit.js';
import { planAtIntake } from '../planning/plan-at-intake.js';
import type { IntakeOptions } from './name-reservations.js';
import { readPlanContext } from '../planning/plan-context.js';
import { journalDir } from '../completion/journal.js';
import { removeLeftoverTemps } from '../vault/files.js';
import { isNoteName, listFolders } from '../vault/list-items.js';
import { emptyResult, type Stage, type StageContext, type StageResult } from '../runner/stage.js';
import { clearFailure, noteFailure, warnOnce } from '../runner/item-failures.js';

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
    const planAhead = ctx.dryRun ? undefined : planAtIntake(ctx, await readPlanContext(ctx.vault, ctx.config, ctx.now()));
    const names = await listCandidates(ctx);
    const { settled, busy } = await settledNames(ctx.vault.inbox, names, ctx.config.intake.settleTime, ctx.now(), ctx.signal);
    result.skipped += busy.length;
    if (busy.length > 0) ctx.log.info(`intake: ${busy.length} file(s) still being written, left for the next run`);
    if (ctx.dryRun) {
      for (const name of settled) reportDryRun(ctx, name, result);
      return result;
    }
    const claims = await claimAll(ctx, settled, result);
    const options: IntakeOptions = { planAhead, reserved: new Set() };
    let done = 0;
    const finished: Claim[] = [];
    await mapWithLimit(claims, PARALLEL_ITEMS, async (claim) => {
      if (ctx.signal.aborted) return;
      if (await finishTakeIn(ctx, claim, result, options)) finished.push(claim);
      ctx.progress?.('intake', ++done, claims.length);
    });
    for (const claim of finished) await releaseClaim(claim);
    return result;
  },
};

type ClaimAt = Claim & { received: Date };

// Claims come first, as one quick run of renames: metadata changes then never queue behind the
// fsyncs of the writes, and a claim left by an interruption is redone by the next run.
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
  const entries = await fs.readdir(ctx.vault.inbox, { withFileTypes: true });
  const isIgnored = compileIgnore(ctx.config.intake.ignore);
  const names: string[] = [];
  for (const entry of entries) {
    const verdict = classifyEntry(entry, isIgnored);
    if (verdict === 'take' && (await isUnreadableName(ctx.vault.inbox, entry.name))) warnOnce(ctx, `Inbox/${entry.name}`, `intake: left Inbox/${entry.name} alone (its name is not valid UTF-8; rename it to take it in)`);
    else if (verdict === 'take') names.push(entry.name);
    else if (verdict === 'folder') warnOnce(ctx, `Inbox/${entry.name}/`, `intake: left the folder Inbox/${entry.name}/ alone (only files directly in Inbox/ are taken in)`);
    else if (verdict === 'not-regular') warnOnce(ctx, `Inbox/${entry.name}`, `intake: left Inbox/${entry.name} alone (a symlink or special file, never followed)`);
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
  ctx.fresh.push(item);
  result.processed++;
}

// True when the item is in Needs_Action/ and its claim can be released.
async function finishTakeIn(ctx: StageContext, claim: ClaimAt, result: StageResult, options: IntakeOptions = {}): Promise<boolean> {
  const name = claim.name;
  try {
    const taken = await takeInStaged(ctx.vault, claim, claim.received, options);
    result.processed++;
    ctx.fresh.push(taken.item);
    if (taken.planned) ctx.plannedAtIntake?.add(taken.item);
    clearFailure(ctx, `Inbox/${name}`);
    ctx.log.info(`took in Inbox/${name} -> Needs_Action/${taken.attachment ?? taken.item}${taken.attachment ? ` (+ ${taken.item})` : ''}`);
    ctx.audit.record({ action: 'intake', item: taken.item, from: `Inbox/${name}`, to: `Needs_Action/${taken.attachment ?? taken.item}`, result: 'ok' });
    return true;
  } catch (error) {
    const back = await returnToInbox(ctx.vault, claim).catch(() => undefined);
    noteFailure(ctx, `Inbox/${back ?? name}`, error, result);
    return false;
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
  for (const claim of recovered.redo) {
    if (await finishTakeIn(ctx, { ...claim, received: ctx.now() }, result)) await releaseClaim(claim);
  }
}
