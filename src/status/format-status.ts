import { formatUptime } from '../system/uptime.js';
import type { StatusReport } from '../commands/status.js';

const STATE_LINE: Record<StatusReport['state'], string> = {
  running: 'running',
  stopped: 'not running',
  stale: 'NOT HEALTHY — the lock is held by a process that is gone (the next run takes over)',
  stalled: 'NOT HEALTHY — the daemon has not reported in for more than two intervals',
  unknown: 'unknown',
};

// The human-readable --status.
export function formatStatus(report: StatusReport): string {
  if (report.error) return `ai-employee: ${report.error}\n`;
  const lines = [`ai-employee: ${report.lock?.ownerPaused ? pausedLine(report) : STATE_LINE[report.state]}`, `  vault:     ${report.vault}`];
  if (report.pid) lines.push(`  process:   pid ${report.pid} on ${report.host}, started ${report.startedAt}`);
  if (report.stats.uptimeSeconds !== null) lines.push(`  uptime:    ${formatUptime(report.stats.uptimeSeconds)}`);
  lines.push(`  heartbeat: ${report.heartbeatAt ?? 'never'}`);
  if (report.stateNotSavedAt) lines.push(`  state:     NOT SAVED at ${report.stateNotSavedAt}: the last run could not save its state; the figures below are older`);
  const c = report.counts;
  lines.push(`  items:     Inbox ${c.inbox} · Needs_Action ${c.needsAction} · Plans ${c.plans} · Done ${c.done}`);
  const s = report.stats;
  lines.push(`  runs:      ${s.iterations} iterations, ${s.errors} errors, last ${s.lastRunAt ?? 'never'}`);
  if (s.lastError) lines.push(`  last error: ${s.lastError}`);
  for (const d of report.deferred) lines.push(`  held:      ${d.stage} — ${d.reason}`);
  if (report.commandPlanner?.pausedUntil) lines.push(`  command planner paused until ${report.commandPlanner.pausedUntil}`);
  lines.push(`  log:       ${report.log.file} (${(report.log.sizeBytes / 1024).toFixed(1)} KiB)`);
  return `${lines.join('\n')}\n`;
}

// The holder is alive on this host but has not refreshed its lock: say so, never "gone".
function pausedLine(report: StatusReport): string {
  const since = report.lock ? `since ${report.lock.refreshedAt}` : '';
  return `NOT HEALTHY — the lock is held by a live process (pid ${report.pid}) that has not refreshed it ${since} (stopped or suspended?); it is not taken over`;
}

