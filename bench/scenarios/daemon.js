import fs from 'node:fs';
import { runToEnd } from '../measure.js';
import { DAEMON_SCRIPT } from '../paths.js';

// The daemon scenario lives in bench/daemon-latency.mjs (drop→plan latency, idle CPU and RSS).
// It is run as is, with a shorter idle window, and its last JSON line on stdout is the result.
export async function runDaemonScenario(options) {
  if (!fs.existsSync(DAEMON_SCRIPT)) return { skipped: 'bench/daemon-latency.mjs is not there' };
  const { code, stdout, stderr } = await runToEnd(process.execPath, [DAEMON_SCRIPT, '--idle-seconds', String(options.idleSeconds)]);
  const result = lastJsonLine(stdout);
  if (code !== 0 || !result) return { skipped: `bench/daemon-latency.mjs exited ${code}${result ? '' : ' without a JSON line'}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`, raw: stdout };
  return { result, raw: stdout };
}

function lastJsonLine(text) {
  const lines = text.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.trim().startsWith('{')) continue;
    try {
      return JSON.parse(line);
    } catch {
      // not the result line; keep looking
    }
  }
  return undefined;
}
