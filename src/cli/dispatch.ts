import path from 'node:path';
import { packageFile } from '../package-root.js';
import type { CommonOptions, ParsedCommand } from './parser.js';
import { assertLooksLikeVault } from './guessed-vault.js';
import { createProgress } from './progress.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  printStatus: (options: { vault: string; json: boolean; hint: boolean; lockFile?: string; logFile?: string }) => Promise<number>;
}

// Runs one parsed command and returns its exit code; the commands return data, printing happens here.
export async function runParsedCommand(command: ParsedCommand, io: Io): Promise<number> {
  const statusOnly = command.kind === 'main' && command.mode === 'status';
  if ('vaultGuessed' in command && command.vaultGuessed && !statusOnly) assertLooksLikeVault(path.resolve(command.vault));
  switch (command.kind) {
    case 'help':
      io.stdout(`${command.output}\n`);
      return 0;
    case 'init':
      return runInit(command.dir, command.withSamples, io);
    case 'demo':
      return runDemo(io);
    case 'main':
      if (command.mode === 'status') return io.printStatus({ vault: command.vault, json: command.json, hint: !command.explicit, lockFile: command.lockFile, logFile: command.logFile });
      if (command.mode === 'once') return runOnceCommand(command, io);
      return runDaemonCommand(command, io);
    case 'config': {
      const { showConfig } = await import('../commands/config.js');
      io.stdout((await showConfig({ vault: path.resolve(command.vault) })).text);
      return 0;
    }
    case 'briefing':
      return runBriefingCommandLine(command, io);
    case 'undo':
      return runUndoCommand(command, io);
    case 'jobs':
      return runJobsCommand(command, io);
    case 'service':
      return runServiceCommand(command, io);
  }
}

async function runInit(dir: string, withSamples: boolean, io: Io): Promise<number> {
  const { initVault } = await import('../commands/init.js');
  const result = await initVault({ dir, withSamples });
  io.stdout(`vault ready at ${result.vault}\n`);
  for (const file of result.created) io.stdout(`  created ${file}\n`);
  for (const file of result.kept) io.stdout(`  kept    ${file} (already there)\n`);
  return 0;
}

type MainCommand = Extract<ParsedCommand, { kind: 'main' }>;

// What every command that opens a session on the vault passes from its flags.
function sessionOptions(command: CommonOptions, io: Io) {
  return {
    vault: path.resolve(command.vault),
    logFile: command.logFile && path.resolve(command.logFile),
    lockFile: command.lockFile && path.resolve(command.lockFile),
    maxLogSizeMB: command.maxLogSize,
    quiet: command.quiet,
    ignoreConstraints: command.ignoreConstraints,
    now: () => new Date(),
    stderr: io.stderr,
  };
}

async function runOnceCommand(command: MainCommand, io: Io): Promise<number> {
  const { runOnce } = await import('../commands/once.js');
  const progress = process.stderr.isTTY && !command.quiet && !command.dryRun ? createProgress(io.stderr) : undefined;
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await runOnce(
      { ...sessionOptions(command, io), intervalMinutes: command.interval, dryRun: command.dryRun ? (line) => io.stdout(`${line}\n`) : undefined, progress: progress?.update },
      stop.signal,
    );
    progress?.end();
    return result.failed ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function runDaemonCommand(command: MainCommand, io: Io): Promise<number> {
  const { runDaemon } = await import('../commands/daemon.js');
  return runDaemon({ ...sessionOptions(command, io), intervalMinutes: command.interval });
}

async function runBriefingCommandLine(command: Extract<ParsedCommand, { kind: 'briefing' }>, io: Io): Promise<number> {
  const [{ runBriefingCommand }, { loadConfig }, { vaultLayout }, { memoryLogger }] = await Promise.all([
    import('../commands/briefing.js'),
    import('../config/load.js'),
    import('../vault/layout.js'),
    import('../log/logger.js'),
  ]);
  const vault = path.resolve(command.vault);
  const config = await loadConfig(vaultLayout(vault).configFile);
  const result = await runBriefingCommand({ vault, date: command.date, now: new Date(), log: memoryLogger(), config });
  io.stdout(`wrote ${result.file}\n`);
  return 0;
}

async function runJobsCommand(command: Extract<ParsedCommand, { kind: 'jobs' }>, io: Io): Promise<number> {
  const jobs = await import('../commands/jobs.js');
  const { loadConfig } = await import('../config/load.js');
  const { vaultLayout } = await import('../vault/layout.js');
  const { readState } = await import('../runner/state.js');
  const vault = path.resolve(command.vault);
  const layout = vaultLayout(vault);
  const config = await loadConfig(layout.configFile);
  if (command.action === 'list') {
    io.stdout(jobs.formatJobList(jobs.listJobs({ vault, config, state: await readState(layout.stateFile), now: () => new Date() })));
    return 0;
  }
  if (command.action === 'history') {
    io.stdout(jobs.formatJobHistory(await jobs.readJobHistory({ vault, name: command.name, limit: 50 })));
    return 0;
  }
  return runJobUnderLock(command, io);
}

// `jobs run NAME` changes state and writes jobs.jsonl, so it holds the vault lock like --once.
async function runJobUnderLock(command: Extract<ParsedCommand, { kind: 'jobs' }>, io: Io): Promise<number> {
  const jobs = await import('../commands/jobs.js');
  const { openSession } = await import('../runner/session.js');
  const session = await openSession({ ...sessionOptions(command, io), mode: 'once', ignoreConstraints: true });
  try {
    const record = await jobs.runJobNow({ vault: session.layout.root, config: session.config, state: session.state, name: command.name!, now: () => new Date(), log: session.log });
    io.stdout(jobs.formatJobHistory([record]));
    return record.result === 'ok' ? 0 : 1;
  } finally {
    await session.close();
  }
}

async function runUndoCommand(command: Extract<ParsedCommand, { kind: 'undo' }>, io: Io): Promise<number> {
  const { runUndo } = await import('../commands/undo.js');
  const report = await runUndo({
    ...sessionOptions(command, io),
    name: command.name,
    last: command.last,
    to: command.to,
    ignoreConstraints: true,
    dryRun: command.dryRun ? (line) => io.stdout(`${line}\n`) : undefined,
  });
  if (!command.dryRun) {
    for (const item of report.undone) {
      const plan = item.planRemoved ? `, removed ${item.planRemoved}` : item.planKept ? `, kept your edited plan as ${item.planKept}` : '';
      const note = item.exact ? '' : ' (it had changed since it was taken in: restored as it is now, without the agent\'s fields)';
      io.stdout(`put back ${item.item} -> ${item.restored}${plan}${note}\n`);
    }
  }
  for (const failed of report.failed) io.stderr(`ai-employee: could not undo ${failed.item}: ${failed.reason}\n`);
  return report.failed.length > 0 ? 1 : 0;
}

async function runServiceCommand(command: Extract<ParsedCommand, { kind: 'service' }>, io: Io): Promise<number> {
  const { renderServiceUnit } = await import('../commands/service.js');
  const bin = packageFile('bin', 'ai-employee.js');
  io.stdout(renderServiceUnit({ target: command.target, vault: path.resolve(command.vault), nodePath: process.execPath, binPath: bin, intervalMinutes: command.interval }));
  return 0;
}

async function runDemo(io: Io): Promise<number> {
  const { runDemo: demo } = await import('../commands/demo.js');
  return demo(io);
}
