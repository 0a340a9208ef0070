import { defaultConfig, type Config } from '../../src/config/schema.js';
import { memoryAuditLog } from '../../src/log/audit.js';
import { memoryLogger } from '../../src/log/logger.js';
import { emptyState } from '../../src/runner/state.js';
import type { StageContext } from '../../src/pipeline/stage.js';
import { OPEN_GATE } from '../../src/system/gate.js';
import { vaultLayout } from '../../src/vault/layout.js';

// A StageContext on a real vault folder, with an injected clock and in-memory logs.
export function stageContext(root: string, overrides: { now?: Date; config?: Partial<Config>; dryRun?: (line: string) => void } = {}) {
  const log = memoryLogger();
  const audit = memoryAuditLog();
  const config = { ...defaultConfig(), ...overrides.config, intake: { ...defaultConfig().intake, settleTime: 0, ...overrides.config?.intake } };
  const ctx: StageContext = {
    vault: vaultLayout(root),
    config,
    now: () => overrides.now ?? new Date(),
    log,
    audit,
    gate: OPEN_GATE,
    signal: new AbortController().signal,
    state: emptyState(),
    dryRun: overrides.dryRun,
  };
  return { ctx, log, audit };
}
