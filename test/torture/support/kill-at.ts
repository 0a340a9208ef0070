import { startCli, type CliResult } from '../../helpers/run-cli.js';

// Starts the real CLI and SIGKILLs it after `afterMs` (if it is still running): a crash at a random moment.
export async function runAndKill(args: string[], afterMs: number): Promise<CliResult & { killed: boolean }> {
  const child = startCli(args);
  let killed = false;
  const timer = setTimeout(() => {
    killed = child.exitCode === null && child.kill('SIGKILL');
  }, afterMs);
  const result = await child.exited;
  clearTimeout(timer);
  return { ...result, killed: killed && result.signal === 'SIGKILL' };
}
