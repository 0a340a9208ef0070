import path from 'node:path';
import { exists } from '../vault/files.js';
import { initVault } from './init.js';
import { runOnce } from './once.js';

interface DemoIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  printStatus: (options: { vault: string; json: boolean; hint: boolean; logFile?: string }) => Promise<number>;
}

// `npm start`: ./demo-vault from the template with samples (if missing), one iteration, then the status.
export async function runDemo(io: DemoIo, cwd = process.cwd()): Promise<number> {
  const vault = path.join(cwd, 'demo-vault');
  const logFile = path.join(cwd, 'logs', 'ai_employee.log');
  if (!(await exists(vault))) {
    await initVault({ dir: vault, withSamples: true });
    io.stdout(`created ${vault} with a few sample files in Inbox/\n`);
  }
  const result = await runOnce(
    { vault, logFile, maxLogSizeMB: 5, quiet: true, ignoreConstraints: false, now: () => new Date(), stderr: io.stderr },
    new AbortController().signal,
  );
  io.stdout(`ran one iteration on ${vault} (log: ${logFile})\n\n`);
  await io.printStatus({ vault, json: false, hint: false, logFile });
  io.stdout(`\nOpen ${path.join(vault, 'Dashboard.md')} and the notes in Plans/ to see what the agent did.\n`);
  return result.failed ? 1 : 0;
}
