import path from 'node:path';
import { ensureDir } from '../vault/files.js';
import { createAuditLog, type AuditLog } from './audit.js';
import { createLogger, type LineSink, type Logger } from './logger.js';
import { openRotatingFile, type RotatingFile } from './rotating-file.js';

export interface LogOptions {
  logFile: string;
  auditFile: string;
  maxLogSizeMB: number;
  quiet: boolean;
  // false for a dry run: it changes nothing, not even the logs.
  writeFiles: boolean;
  stderr: (text: string) => void;
  now: () => Date;
}

export interface OpenLogs {
  log: Logger;
  audit: AuditLog;
  close(): Promise<void>;
}

// The text log (§13) echoed to stderr unless --quiet (DEBUG lines only in the file), and the audit log beside it.
export async function openLogs(options: LogOptions): Promise<OpenLogs> {
  const sinks: LineSink[] = [];
  const files: RotatingFile[] = [];
  // DEBUG lines go to the file only: a terminal (or a service's journal) gets what a person acts on.
  if (!options.quiet) sinks.push((line, level) => level !== 'DEBUG' && options.stderr(`${line}\n`));
  let auditFile: RotatingFile | undefined;
  if (options.writeFiles) {
    await ensureDir(path.dirname(options.logFile));
    await ensureDir(path.dirname(options.auditFile));
    const reportError = (error: Error) => options.stderr(`ai-employee: log file error (reopened): ${error.message}\n`);
    const logFile = await openRotatingFile(options.logFile, options.maxLogSizeMB, reportError);
    auditFile = await openRotatingFile(options.auditFile, options.maxLogSizeMB, reportError);
    files.push(logFile, auditFile);
    sinks.push((line) => logFile.write(line));
  }
  const log = createLogger(sinks, options.now);
  const audit = createAuditLog((line) => auditFile?.write(line), options.now);
  return {
    log,
    audit,
    async close() {
      await Promise.all(files.map((f) => f.close()));
    },
  };
}
