import path from 'node:path';
import { isBriefingDue } from './briefing-due.js';
import { briefingName, writeBriefing } from './write-briefing.js';
import { exists } from '../../vault/files.js';
import { localDay } from '../../vault/local-day.js';
import { emptyResult, type Stage, type StageContext } from '../../pipeline/stage.js';

// §10: writes today's briefing on the first iteration at or after briefing.time, once a day.

// Registered after the jobs stage and before the dashboard.
export const briefingStage: Stage = {
  name: 'briefing',
  async run(ctx: StageContext) {
    const result = emptyResult();
    const now = ctx.now();
    const date = localDay(now);
    if (!isBriefingDue(now, ctx.config.briefing.time, ctx.state.briefing.lastDate)) return result;
    const decision = await ctx.gate.check('cheap');
    if (!decision.ok) return { ...result, heldBecause: decision.reason };
    const name = briefingName(date);
    try {
      // A briefing already there (written by `ai-employee briefing`, or before state was lost) counts as today's.
      if (!ctx.dryRun && (await exists(path.join(ctx.vault.briefings, `${date}.md`)))) {
        ctx.log.info(`briefing: ${name} already exists; not writing it twice`);
        ctx.state.briefing.lastDate = date;
        result.skipped = 1;
        return result;
      }
      await writeBriefing(ctx.vault, { date, now, state: ctx.state, config: ctx.config, log: ctx.log, dryRun: ctx.dryRun });
      result.processed = 1;
      if (ctx.dryRun) return result;
      ctx.state.briefing.lastDate = date;
      ctx.state.briefing.lastWrittenAt = now.toISOString();
      ctx.log.info(`briefing: wrote ${name}`);
      ctx.audit.record({ action: 'briefing', item: name, to: name, result: 'ok' });
    } catch (error) {
      const message = (error as Error).message;
      ctx.log.error(`briefing: could not write ${name}: ${message}`);
      ctx.audit.record({ action: 'briefing', item: name, result: 'failed', detail: message });
      result.failed = 1;
    }
    return result;
  },
};
