import fs from 'node:fs';
import { runToEnd } from '../measure.js';
import { DAEMON_SCRIPT } from '../paths.js';

// The daemon scenario lives in bench/daemon-latency.mjs (drop→plan latency, idle CPU and RSS),
// run as is with a shorter idle window (its one positional argument). Its result is read from a
// JSON line on stdout if it prints one, else from its text table.
export async function runDaemonScenario(options) {
  if (!fs.existsSync(DAEMON_SCRIPT)) return { skipped: 'bench/daemon-latency.mjs is not there' };
  const { code, stdout, stderr } = await runToEnd(process.execPath, [DAEMON_SCRIPT, String(options.idleSeconds)]);
  const result = lastJsonLine(stdout) ?? readTextTable(stdout);
  if (code !== 0 || !result) return { skipped: `bench/daemon-latency.mjs exited ${code}${result ? '' : ' without a result'}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`, raw: stdout };
  return { result, raw: stdout };
}

function lastJsonLine(text) {
  for (const line of text.trim().split('\n').reverse()) {
    if (!line.trim().startsWith('{')) continue;
    try {
      return JSON.parse(line);
    } catch {
      // not the result line; keep looking
    }
  }
  return undefined;
}

// "moved in → plan p95  123 ms", "idle CPU (20 s)  0.05 % (0.01 s)", "idle RSS (max)  61.2 MB".
function readTextTable(text) {
  const number = (re) => {
    const match = re.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const result = {
    p50Ms: number(/moved in → plan p50\s+([\d.]+) ms/),
    p95Ms: number(/moved in → plan p95\s+([\d.]+) ms/),
    maxMs: number(/moved in → plan max\s+([\d.]+) ms/),
    writtenP95Ms: number(/written in place → plan p95\s+([\d.]+) ms/),
    idleCpuPercent: number(/idle CPU[^\n]*?\)\s+([\d.]+) %/),
    idleRssMB: number(/idle RSS[^\n]*?\)\s+([\d.]+) MB/),
  };
  return result.p95Ms === undefined ? undefined : result;
}
