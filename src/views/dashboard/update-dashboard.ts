import type { Logger } from '../../log/logger.js';
import type { DryRunReport } from '../../pipeline/stage.js';
import { AGENT_BLOCK_END, AGENT_BLOCK_START, fenceBlock, readBlockNote, spliceAgentBlock, type BlockChange, type SplicedNote } from '../../vault/agent-block.js';
import { writeFileAtomic } from '../../vault/files.js';
import type { VaultLayout } from '../../vault/layout.js';

// Dashboard.md belongs to the user except between the two markers: those bytes are the agent's.

// The markers around the agent's block; `ai-employee init` writes them in vault-template/Dashboard.md.
export const DASHBOARD_START = AGENT_BLOCK_START;
export const DASHBOARD_END = AGENT_BLOCK_END;

export type DashboardChange = BlockChange;

// The new Dashboard.md: every byte outside the agent's block kept as it was.
export function spliceDashboard(existing: Buffer | null, block: string): SplicedNote {
  if (existing === null) return { content: Buffer.from(`# Dashboard\n\n${fenceBlock(block)}\n`), change: 'created' };
  return spliceAgentBlock(existing, block, 'Dashboard.md');
}

// Rewrites the agent's block of Dashboard.md atomically (or reports the write in a dry run).
export async function updateDashboard(
  layout: VaultLayout,
  block: string,
  options: { dryRun?: DryRunReport; log?: Logger } = {},
): Promise<DashboardChange> {
  const spliced = spliceDashboard(await readBlockNote(layout.dashboard), block);
  if (spliced.warning) options.log?.warn(spliced.warning);
  if (options.dryRun) {
    options.dryRun('write Dashboard.md');
    return spliced.change;
  }
  await writeFileAtomic(layout.dashboard, spliced.content);
  return spliced.change;
}
