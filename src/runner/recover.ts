import path from 'node:path';
import { replayJournal, journalDir } from '../completion/journal.js';
import { finishTakeIn, intakeOptions } from '../intake/stage.js';
import { recoverStaged } from '../intake/recover-staged.js';
import { releaseClaim } from '../intake/staging.js';
import { removeLeftoverTemps } from '../vault/files.js';
import { listFolders } from '../vault/list-items.js';
import { emptyResult, type StageContext } from '../pipeline/stage.js';

// Finishes what a killed run left, once, right after the lock is taken and before any stage:
// temporary files, claims in staging, filings in the completion journal. Never held by the gate.
export async function recoverVault(ctx: StageContext): Promise<void> {
  await sweepTemps(ctx);
  const recovered = await recoverStaged(ctx.vault, ctx.log);
  const result = emptyResult();
  if (recovered.redo.length > 0) {
    const options = await intakeOptions(ctx);
    for (const claim of recovered.redo) {
      if (await finishTakeIn(ctx, { ...claim, received: ctx.now() }, result, options)) await releaseClaim(claim);
    }
  }
  if ((await replayJournal(ctx.vault.agentDir)) > 0) ctx.log.info('completion: finished filings left in flight by an earlier run');
}

async function sweepTemps(ctx: StageContext): Promise<void> {
  const v = ctx.vault;
  const months = (await listFolders(v.done)).map((month) => path.join(v.done, month));
  const dirs = [v.root, v.inbox, v.needsAction, v.plans, v.briefings, v.agentDir, journalDir(v.agentDir), ...months];
  let removed = 0;
  for (const dir of dirs) removed += await removeLeftoverTemps(dir);
  if (removed > 0) ctx.log.info(`removed ${removed} temporary file(s) left by an interrupted run`);
}
