import type { Config } from '../../config/schema.js';
import { formatDuration } from '../../config/duration.js';
import type { Logger } from '../../log/logger.js';
import type { AgentState } from '../../runner/state.js';
import { runCommand, type RunCommandResult } from '../../system/run-command.js';
import { validateCommandOutput } from './command-output.js';
import { FAILURES_BEFORE_PAUSE, isPaused, recordFailure, recordSuccess, takeResume } from './command-pause.js';
import { createLimiter } from '../../system/concurrency.js';
import type { PlanContext, PlanDraft, PlanItem } from '../planner.js';
import { buildPrompt } from './prompt.js';
import { planWithRules } from '../rules/rules.js';

// §7.1: a plan body from an outside program (an LLM's command-line client), with the rules
// planner as the safety net for every way that can go wrong.

export type CommandPlanResult = { ok: true; draft: PlanDraft } | { ok: false; reason: string; cancelled?: boolean };

export interface CommandPlanOptions {
  command: string[];
  // The vault root: the program's working folder.
  cwd: string;
  timeoutMs: number;
  maxOutputKB: number;
  signal?: AbortSignal;
  log: Logger;
}

// Used for one item when planner.engine is command: runs the program once, without a shell, with
// the prompt on stdin; the draft keeps the rules planner's fields and takes the program's body.
export async function planWithCommand(item: PlanItem, ctx: PlanContext, opts: CommandPlanOptions): Promise<CommandPlanResult> {
  const maxOutputBytes = opts.maxOutputKB * 1024;
  const result = await runCommand(opts.command, {
    cwd: opts.cwd,
    input: buildPrompt(item, ctx),
    timeoutMs: opts.timeoutMs,
    maxOutputBytes,
    shell: false,
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  opts.log.debug(`command planner ran for "${item.fileName}": ${describeExit(result)} in ${result.durationMs}ms`);
  const failure = readFailure(result, opts);
  if (failure) {
    const detail = lastLine(result.stderr);
    if (detail) opts.log.debug(`command planner stderr for "${item.fileName}": ${detail}`);
    return failure;
  }
  const output = validateCommandOutput(result.stdout, { maxOutputBytes, truncated: result.stdoutTruncated });
  if (!output.ok) return output;
  return { ok: true, draft: { ...planWithRules(item, ctx), planner: 'command', customBody: output.body } };
}

function readFailure(result: RunCommandResult, opts: CommandPlanOptions): { ok: false; reason: string; cancelled?: boolean } | undefined {
  const program = opts.command[0] ?? '';
  if (opts.signal?.aborted) return { ok: false, reason: 'cancelled', cancelled: true };
  if (result.spawnError !== undefined) {
    if (result.spawnError.startsWith('ENOENT: program')) return { ok: false, reason: `program not found: ${program}` };
    return { ok: false, reason: `could not start ${program}: ${result.spawnError}` };
  }
  if (result.timedOut) return { ok: false, reason: `timed out after ${formatSeconds(opts.timeoutMs)}` };
  if (result.signal !== null) return { ok: false, reason: `killed by ${result.signal}` };
  if (result.exitCode !== 0) return { ok: false, reason: `exit code ${result.exitCode}` };
  return undefined;
}

function describeExit(result: RunCommandResult): string {
  if (result.spawnError !== undefined) return 'did not start';
  return result.signal !== null ? `signal ${result.signal}` : `exit code ${result.exitCode}`;
}

// The last non-empty line of stderr, cut short: enough to see "no API key", never a whole dump.
function lastLine(stderr: string): string {
  const line = stderr.trimEnd().split('\n').pop()?.trim() ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

export interface CommandPlannerOptions {
  config: Pick<Config, 'planner'>;
  cwd: string;
  log: Logger;
  // Its commandPlanner part is read and updated in place; the runner saves it.
  state: Pick<AgentState, 'commandPlanner'>;
  now: () => Date;
  signal?: AbortSignal;
}

export interface CommandPlanner {
  // Never fails because of the program: any failure gives the rules planner's draft.
  plan(item: PlanItem, ctx: PlanContext): Promise<PlanDraft>;
}

// Used once per planning stage when planner.engine is command: plan() may be called for many items
// at once; at most planner.concurrency programs run together, and a pause sends items to the rules.
export function createCommandPlanner(options: CommandPlannerOptions): CommandPlanner {
  const { planner } = options.config;
  const { log } = options;
  const limit = createLimiter(planner.concurrency);
  const command = planner.engine === 'command' ? planner.command : undefined;

  const fallBack = (item: PlanItem, ctx: PlanContext, reason: string): PlanDraft => {
    log.warn(`command planner failed for "${item.fileName}": ${reason} — using the rules planner`);
    return planWithRules(item, ctx);
  };

  const runOne = async (item: PlanItem, ctx: PlanContext, argv: string[]): Promise<PlanDraft> => {
    const pause = options.state.commandPlanner;
    if (takeResume(pause, options.now())) log.info(`command planner resumed after its ${formatDuration(planner.cooldown)} pause`);
    if (isPaused(pause, options.now())) {
      log.debug(`command planner paused until ${pause.pausedUntil}: "${item.fileName}" planned by the rules`);
      return planWithRules(item, ctx);
    }
    let result: CommandPlanResult;
    try {
      result = await planWithCommand(item, ctx, {
        command: argv,
        cwd: options.cwd,
        timeoutMs: planner.timeout,
        maxOutputKB: planner.maxOutputKB,
        log,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      result = { ok: false, reason: `unexpected error: ${(error as Error).message}` };
    }
    if (result.ok) {
      recordSuccess(pause);
      return result.draft;
    }
    if (result.cancelled) return planWithRules(item, ctx);
    const draft = fallBack(item, ctx, result.reason);
    if (recordFailure(pause, options.now(), planner.cooldown, result.reason).pausedNow) {
      log.warn(`command planner paused for ${formatDuration(planner.cooldown)} after ${FAILURES_BEFORE_PAUSE} failures in a row`);
    }
    return draft;
  };

  return {
    plan: async (item, ctx) => {
      if (!command) return planWithRules(item, ctx);
      return limit(() => runOne(item, ctx, command));
    },
  };
}
