import { ITERATION_STAGES, type IterationReport } from '../runner/iteration.js';
import { summarizeEveryStage } from '../runner/iteration-summary.js';
import { openSession, type SessionOptions } from '../runner/session.js';

export interface OnceResult {
  report: IterationReport;
  // §4: exit 1 when an item or a stage failed.
  failed: boolean;
}

// --once: hold the lock, run one iteration, save state, release.
export async function runOnce(options: Omit<SessionOptions, 'mode'>, signal: AbortSignal): Promise<OnceResult> {
  const session = await openSession({ ...options, mode: 'once' });
  const stop = AbortSignal.any([signal, session.lost]);
  try {
    const report = await session.iterate(ITERATION_STAGES, stop);
    session.log.info(`iteration done: ${summarizeEveryStage(report)}`);
    return { report, failed: report.failedItems > 0 || report.failedStages.length > 0 };
  } finally {
    await session.close();
  }
}
