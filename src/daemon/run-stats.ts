import type { Stats } from '../runner/state.js';

// The daemon's final log line (§5): what this run did, from the stats at its start and at its end.

export type StatsSnapshot = Pick<Stats, 'iterations' | 'errors' | 'watcherRuns' | 'plannerRuns'>;

// Taken when the daemon starts, to report only this run's share of the lifetime counters.
export function snapshotStats(stats: Stats): StatsSnapshot {
  return { iterations: stats.iterations, errors: stats.errors, watcherRuns: stats.watcherRuns, plannerRuns: stats.plannerRuns };
}

// "uptime 1h 02m 03s, 12 iterations, 0 errors, 4 watcher runs, 4 planner runs"
export function describeRunStats(startedAt: Date, endedAt: Date, start: StatsSnapshot, end: StatsSnapshot): string {
  const delta = (key: keyof StatsSnapshot) => end[key] - start[key];
  return [
    `uptime ${formatUptime(endedAt.getTime() - startedAt.getTime())}`,
    `${delta('iterations')} iterations`,
    `${delta('errors')} errors`,
    `${delta('watcherRuns')} watcher runs`,
    `${delta('plannerRuns')} planner runs`,
  ].join(', ');
}

export function formatUptime(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}
