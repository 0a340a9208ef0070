import type { Config } from '../config/schema.js';
import type { AuditLog } from '../log/audit.js';
import type { Logger } from '../log/logger.js';
import type { AgentState } from './state.js';
import type { VaultLayout } from '../vault/layout.js';

// The one contract every stage of an iteration follows.

// Which constraints may hold a piece of work (§12): cheap work waits only for disk space.
export type WorkKind = 'cheap' | 'heavy';

export type GateDecision = { ok: true } | { ok: false; reason: string };

export interface Gate {
  // `label` names the stage or job, so the gate can log "held"/"resumed" once per episode for each.
  check(kind: WorkKind, overrides?: Partial<Config['constraints']>, label?: string): Promise<GateDecision>;
}

// Where a dry run reports what it would do instead of doing it.
export type DryRunReport = (line: string) => void;

export interface StageContext {
  vault: VaultLayout;
  config: Config;
  now: () => Date;
  log: Logger;
  audit: AuditLog;
  gate: Gate;
  signal: AbortSignal;
  state: AgentState;
  dryRun?: DryRunReport;
  // Names of items taken in this iteration, so later stages need not rediscover them.
  fresh: string[];
  // Set by the runner when the plan stage follows in the same iteration: intake may then plan a
  // note it holds in memory (rules planner only) and writes the item once.
  planAtIntake?: boolean;
  // Items intake already planned this iteration, so later stages skip them.
  plannedAtIntake?: Set<string>;
  progress?: (stage: string, done: number, total: number) => void;
}

export interface StageResult {
  processed: number;
  skipped: number;
  failed: number;
  // Set when the gate held the stage; the runner records it as a deferral.
  heldBecause?: string;
}

export interface Stage {
  name: string;
  run(ctx: StageContext): Promise<StageResult>;
}

export function emptyResult(): StageResult {
  return { processed: 0, skipped: 0, failed: 0 };
}

// An always-open gate, for --ignore-constraints and for tests that are not about constraints.
export const OPEN_GATE: Gate = { check: async () => ({ ok: true }) };
