import path from 'node:path';
import { ensureDir } from '../vault/files.js';
import { createAuditLog, type AuditLog } from './audit.js';
import { createLogger, type LineSink, type Logger } from './logger.js';
import { openRotatingFile, type RotatingFile } from './rotating-file.js';
import { plainReason } from '../vault/write-error.js';

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
    const logFailed = reportOnce(options.logFile, 'its warnings and errors go to stderr', options.stderr);
    const logFile = await openRotatingFile(options.logFile, options.maxLogSizeMB, logFailed, (lines, error) => {
      logFailed(error);
      // Without --quiet every line is on stderr already; with it, what matters still reaches someone.
      if (options.quiet) for (const line of lines) if (/ - (ERROR|WARNING) - /.test(line)) options.stderr(`${line}\n`);
    });
    auditFile = await openRotatingFile(options.auditFile, options.maxLogSizeMB, reportOnce(options.auditFile, 'the actions meant for it are not recorded', options.stderr));
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

// A log file that cannot be written (a full disk) is said once on stderr, naming it and what becomes
// of its lines. The stream is reopened, so writing resumes once there is space.
function reportOnce(file: string, meanwhile: string, stderr: (text: string) => void): (error: Error) => void {
  let said = false;
  return (error) => {
    if (said) return;
    said = true;
    stderr(`ai-employee: could not write ${file}: ${plainReason(error)}; ${meanwhile}\n`);
  };
}
