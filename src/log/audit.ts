// §13: one JSON object per action in Logs/audit.jsonl.
export type AuditAction = 'intake' | 'plan' | 'complete' | 'job' | 'briefing' | 'defer' | 'error' | 'undo';

export interface AuditEntry {
  action: AuditAction;
  item?: string;
  from?: string;
  to?: string;
  result: 'ok' | 'failed' | 'held' | 'skipped' | 'dry-run';
  detail?: string;
}

export interface AuditLog {
  record(entry: AuditEntry): void;
}

export type AuditSink = (line: string) => void;

// JSON.stringify escapes every control character, so a file name cannot forge a line.
export function createAuditLog(sink: AuditSink, now: () => Date = () => new Date()): AuditLog {
  return {
    record(entry) {
      sink(JSON.stringify({ ts: now().toISOString(), ...entry }));
    },
  };
}

export function memoryAuditLog(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return { entries, record: (entry) => entries.push(entry) };
}
