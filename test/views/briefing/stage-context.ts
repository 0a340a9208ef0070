import { defaultConfig } from '../../../src/config/schema.js';
import { memoryAuditLog } from '../../../src/log/audit.js';
import { memoryLogger } from '../../../src/log/logger.js';
import { emptyState } from '../../../src/runner/state.js';
import type { StageContext } from '../../../src/pipeline/stage.js';
import { OPEN_GATE } from '../../../src/system/gate.js';
import { vaultLayout } from '../../../src/vault/layout.js';

// A stage context on a real temporary vault with a clock the test moves by hand.
export function makeStageContext(root: string, start: Date) {
  const clock = { now: start };
  const log = memoryLogger();
  const audit = memoryAuditLog();
  const ctx: StageContext = {
    vault: vaultLayout(root),
    config: defaultConfig(),
    now: () => clock.now,
    log,
    audit,
    gate: OPEN_GATE,
    signal: new AbortController().signal,
    state: emptyState(),
  };
  return { ctx, clock, log, audit };
}
