import type { Config } from '../config/schema.js';
import type { AuditLog } from '../log/audit.js';
import type { Logger } from '../log/logger.js';
import type { AgentState } from '../runner/state.js';
import type { VaultLayout } from '../vault/layout.js';
import type { Gate } from '../system/gate.js';

// The one contract every stage of an iteration follows.

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
  progress?: (stage: string, done: number, total: number) => void;
}

export interface StageResult {
  processed: number;
  skipped: number;
  failed: number;
  // Set when the gate held the stage; the runner records it as a deferral.
  heldBecause?: string;
  // Items this stage took in, and those of them it already planned (names in Needs_Action/).
  taken?: string[];
  planned?: string[];
  // The stage left work that becomes ready at this time (ms since the epoch): run again then.
  wakeAt?: number;
}

// What the earlier stages of one iteration hand to the later ones; the runner passes it explicitly.
export interface Handoff {
  taken: string[];
  // Items planned earlier in this iteration: later stages do not read them again.
  planned: Set<string>;
  // A later stage of this iteration plans items: intake may plan a note it holds in memory and
  // write the item once, already linked to its plan.
  planningFollows: boolean;
}

export interface Stage {
  name: string;
  // Planning declares this, so intake knows whether planning follows it.
  plansItems?: boolean;
  // Which run counter of the stats a run of this stage adds to.
  counter?: 'watcherRuns' | 'plannerRuns';
  // Its work is the same every iteration (the dashboard): the daemon's summary line leaves it out.
  routine?: boolean;
  run(ctx: StageContext, handoff?: Handoff): Promise<StageResult>;
}

// What a stage run on its own is handed: nothing taken in before it, no planning after it.
export function noHandoff(): Handoff {
  return { taken: [], planned: new Set(), planningFollows: false };
}

export function emptyResult(): StageResult {
  return { processed: 0, skipped: 0, failed: 0 };
}
