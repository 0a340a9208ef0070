import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageFile } from './package-root.js';
import { ConfigError, LockHeldError, UsageError, VaultError } from './errors.js';
import { readStatusArgs } from './cli/status-args.js';
import { lockStaleMs } from './runner/lock-owner.js';
import { defaultLockFile, defaultLogFile } from './vault/layout.js';

// argv → command → exit code. The only place that reads process state and maps errors to exit codes.

export const EXIT = { ok: 0, failed: 1, usage: 2, locked: 75 } as const;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const stdout = (text: string) => process.stdout.write(text);
  const stderr = (text: string) => process.stderr.write(text);
  try {
    const fast = readStatusArgs(argv);
    if (fast) return await printStatus({ vault: fast.vault ?? process.env.AI_EMPLOYEE_VAULT ?? process.cwd(), json: fast.json, hint: !fast.explicit, lockFile: fast.lockFile, logFile: fast.logFile });
    const { parseCommandLine } = await import('./cli/parser.js');
    const command = await parseCommandLine(argv, process.env, process.cwd(), packageVersion());
    const { runParsedCommand } = await import('./cli/dispatch.js');
    return await runParsedCommand(command, { stdout, stderr, printStatus });
  } catch (error) {
    return reportError(error, stderr);
  }
}

interface PrintStatusOptions {
  vault: string;
  json: boolean;
  hint: boolean;
  lockFile?: string;
  logFile?: string;
}

// --status (also the default with no mode): text or one JSON document, LSB exit codes.
export async function printStatus(options: PrintStatusOptions): Promise<number> {
  const { readStatus } = await import('./commands/status.js');
  const vault = path.resolve(options.vault);
  const { report, exitCode } = await readStatus({
    vault,
    lockFile: path.resolve(options.lockFile ?? defaultLockFile(vault)),
    logFile: path.resolve(options.logFile ?? defaultLogFile(vault)),
    now: new Date(),
    lockStaleMs: lockStaleMs(process.env),
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    const { formatStatus } = await import('./status/format-status.js');
    process.stdout.write(formatStatus(report));
    if (options.hint) process.stdout.write('(no mode given: showing --status; run with --once, --daemon, or --help)\n');
  }
  return exitCode;
}

function reportError(error: unknown, stderr: (text: string) => void): number {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof VaultError) {
    stderr(`ai-employee: ${message}\n`);
    return EXIT.usage;
  }
  if (error instanceof LockHeldError) {
    stderr(`ai-employee: ${message}\n`);
    return EXIT.locked;
  }
  stderr(`ai-employee: ${error instanceof Error && process.env.AI_EMPLOYEE_DEBUG ? error.stack : message}\n`);
  return EXIT.failed;
}
