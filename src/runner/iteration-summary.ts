import type { IterationReport } from './iteration.js';

// The "iteration done: …" line: how many items each stage handled.

export interface StageCount {
  stage: string;
  processed: number;
  failed: number;
  held: boolean;
}

export function countByStage(report: IterationReport): StageCount[] {
  return Object.entries(report.results).map(([stage, result]) => ({
    stage,
    processed: result.processed,
    failed: result.failed,
    held: result.heldBecause !== undefined,
  }));
}

const describe = (count: StageCount) => `${count.stage} ${count.processed}${count.failed ? ` (${count.failed} failed)` : ''}${count.held ? ' (held)' : ''}`;

// --once: every stage, zeros included.
export function summarizeEveryStage(report: IterationReport): string {
  return countByStage(report).map(describe).join(', ');
}

// The daemon: only the stages that did something (routine ones, like the dashboard, left out), or null.
export function summarizeActiveStages(report: IterationReport): string | null {
  const parts = countByStage(report)
    .filter((count) => !report.routine.includes(count.stage) && (count.processed > 0 || count.failed > 0))
    .map((count) => describe({ ...count, held: false }));
  for (const stage of report.failedStages) parts.push(`${stage} failed`);
  return parts.length > 0 ? parts.join(', ') : null;
}
