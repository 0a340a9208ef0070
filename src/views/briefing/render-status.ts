import { formatUptime } from '../../system/uptime.js';
import { safeInline } from '../../vault/note-link.js';
import type { AgentHealth } from './agent-health.js';
import type { GoalsProgress } from './goals-progress.js';
import type { JobRecords, JobRunRecord } from '../../jobs/history.js';
import { compareNames, groupDigits } from '../../items/compare-text.js';

// The briefing's quieter sections: goals, jobs and the agent's own health.

function progressBar(done: number, total: number, width = 10): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

// "## Goals": each heading of Business_Goals.md with its ticked and total checkboxes.
export function renderGoals(goals: GoalsProgress): string[] {
  const lines = ['## Goals'];
  if (goals.state === 'missing') lines.push('No Business_Goals.md yet — add one with headings and checkboxes to see progress here.');
  else if (goals.state === 'unreadable') lines.push(`Business_Goals.md could not be read (${safeInline(goals.reason)}).`);
  else if (goals.sections.length === 0) lines.push('Business_Goals.md has no checkboxes to count yet.');
  else {
    for (const goal of goals.sections) {
      lines.push(`- ${safeInline(goal.heading, 80)}: ${goal.done}/${goal.total} ${progressBar(goal.done, goal.total)}`);
    }
  }
  return [...lines, ''];
}

function describeRun(run: JobRunRecord): string {
  if (run.result === 'ok') return 'ok';
  if (run.result === 'timeout') return 'timed out';
  return typeof run.exitCode !== 'number' ? 'failed' : `failed (exit ${run.exitCode})`;
}

// "## Jobs": one line per job that ran, with how its runs ended and how the last one did.
export function renderJobs(jobs: JobRecords): string[] {
  const lines = ['## Jobs'];
  const byName = new Map<string, JobRunRecord[]>();
  const byStart = [...jobs.records].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  for (const run of byStart) byName.set(run.name, [...(byName.get(run.name) ?? []), run]);
  if (byName.size === 0) lines.push('No jobs ran.');
  for (const [name, runs] of [...byName].sort(([a], [b]) => compareNames(a, b))) {
    const failed = runs.filter((run) => run.result !== 'ok').length;
    const last = runs.at(-1)!;
    const icon = last.result === 'ok' ? '✅' : '❌';
    const tally = runs.length === 1 ? '1 run' : `${runs.length} runs, ${failed} not ok`;
    lines.push(`- ${icon} ${safeInline(name)}: ${tally}; last ${describeRun(last)}`);
  }
  if (jobs.badLines > 0) lines.push(`- ${jobs.badLines === 1 ? '1 unreadable line' : `${jobs.badLines} unreadable lines`} in Logs/jobs.jsonl skipped`);
  return [...lines, ''];
}


function describeBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

// "## Agent health": uptime, iterations, errors, held stages, disk free, log size.
export function renderHealth(health: AgentHealth): string[] {
  const lines = [
    '## Agent health',
    `- Uptime: ${health.uptimeSeconds === null ? 'not running' : formatUptime(health.uptimeSeconds)}`,
    `- Iterations: ${health.iterations} · errors: ${health.errors}${health.lastError ? ` (last: ${safeInline(health.lastError, 100)})` : ''}`,
    `- Held: ${health.deferred.length === 0 ? 'nothing' : health.deferred.map((held) => `${safeInline(held.stage)} (${safeInline(held.reason)})`).join(', ')}`,
  ];
  if (health.failedItems > 0) lines.push(`- Items that failed: ${health.failedItems}`);
  lines.push(
    `- Disk free: ${health.diskFreeMB === null ? 'unknown' : `${groupDigits(health.diskFreeMB)} MB`}`,
    `- Log size: ${health.logSizeBytes === null ? 'no log yet' : describeBytes(health.logSizeBytes)}`,
    '',
  );
  return lines;
}
