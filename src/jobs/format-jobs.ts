import type { JobRunRecord } from './history.js';

// Text for `ai-employee jobs list` and `jobs history`: plain columns, local time, no colour.

export interface JobListRow {
  name: string;
  schedule: string; // as a person reads it: "daily at 08:00"
  lastRunAt: string | null; // ISO
  lastResult: JobRunRecord['result'] | null;
  nextRunAt: string | null; // ISO; null when the schedule never comes again
  dueNow: boolean;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Local time to the minute, as the user's clock shows it.
export function formatLocalTime(iso: string | null): string {
  if (!iso) return '-';
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}:${pad(when.getMinutes())}`;
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

// Names and schedules come only from ai-employee.yaml, but a control character still must not reach the terminal.
function printable(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export function formatJobList(rows: JobListRow[]): string {
  if (rows.length === 0) return 'No jobs configured (add them under jobs: in ai-employee.yaml).\n';
  return formatTable(
    ['NAME', 'SCHEDULE', 'LAST RUN', 'RESULT', 'NEXT RUN'],
    rows.map((row) => [
      printable(row.name),
      printable(row.schedule),
      formatLocalTime(row.lastRunAt),
      row.lastResult ?? '-',
      row.dueNow ? 'due now' : row.nextRunAt ? formatLocalTime(row.nextRunAt) : 'never',
    ]),
  );
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function describeExit(record: JobRunRecord): string {
  if (record.error) return printable(record.error);
  if (record.timedOut) return 'timed out';
  if (record.signal) return `signal ${record.signal}`;
  return `exit ${record.exitCode}`;
}

export function formatJobHistory(records: JobRunRecord[]): string {
  if (records.length === 0) return 'No job runs recorded yet.\n';
  return formatTable(
    ['START', 'NAME', 'TRIGGER', 'RESULT', 'EXIT', 'ATTEMPTS', 'DURATION'],
    records.map((record) => [
      formatLocalTime(record.start),
      printable(record.name),
      record.trigger,
      record.result,
      describeExit(record),
      String(record.attempts),
      formatSeconds(record.durationMs),
    ]),
  );
}
