import type { PlannedAhead } from '../planning/plan-at-intake.js';

// Writes an item planned ahead; when the write fails (EPERM, ENOSPC…) the plan made for it is removed
// before the error goes on: a plan whose item was never written is a stray, which completion would
// file under Done/ as "had no item", and each retry would add one more.
export async function writeOrDropPlan<T>(plan: PlannedAhead | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    // The plan's own removal may fail too (a full disk still allows unlink; a read-only Plans/ not):
    // the write's error is the one to report, and a plan left behind carries the id the retry reuses.
    await plan?.discard().catch(() => {});
    throw error;
  }
}
