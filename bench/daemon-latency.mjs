#!/usr/bin/env node
// §15 daemon figures: drop→plan latency (p50/p95/max over 50 notes moved in whole, one at a time,
// and over 50 written in place, which intake leaves until they stop changing), then
// idle CPU (utime+stime from /proc/<pid>/stat) and resident memory (VmRSS) over an idle window.
// Usage: npm run build && node bench/daemon-latency.mjs [idle-seconds=60]
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/ai-employee.js', import.meta.url));
const NOTES = 50;
const idleSeconds = Number(process.argv[2] ?? 60);
if (!Number.isFinite(idleSeconds) || idleSeconds <= 0) {
  console.error('usage: node bench/daemon-latency.mjs [idle-seconds>0]');
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(check, what, deadlineMs = 15_000, everyMs = 5) {
  const until = performance.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}; the daemon's log ends:\n${(await fs.readFile(logFile, 'utf8').catch(() => '')).slice(-1500)}`);
    await sleep(everyMs);
  }
}

const exists = (file) => fs.stat(file).then(() => true, () => false);

// Clock ticks of CPU time the process has used so far (user + system).
async function cpuTicks(pid) {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function rssMB(pid) {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const vault = await fs.mkdtemp(path.join(os.tmpdir(), 'ai-employee-bench-daemon-'));
const logFile = path.join(vault, 'Logs', 'ai_employee.log');
for (const folder of ['Inbox', 'Needs_Action', 'Plans', 'Done', 'Logs']) await fs.mkdir(path.join(vault, folder));
// Started as the unit `ai-employee service` prints starts it (its node flags included).
const daemon = spawn(process.execPath, ['--max-semi-space-size=2', BIN, '--daemon', '--vault', vault, '--interval', '5', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
try {
  const log = path.join(vault, 'Logs', 'ai_employee.log');
  await waitFor(async () => (await fs.readFile(log, 'utf8').catch(() => '')).includes('daemon started'), 'the daemon to start');

  // Moved in whole: written beside the vault a while ago (a saved email, a download), then renamed in.
  const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'ai-employee-bench-drops-'));
  const tenSecondsAgo = new Date(Date.now() - 10_000);
  const moved = [];
  for (let i = 0; i < NOTES; i++) {
    const name = `moved-${String(i).padStart(2, '0')}`;
    const source = path.join(outside, `${name}.md`);
    await fs.writeFile(source, `Please call supplier ${i} tomorrow about the order.\n`);
    await fs.utimes(source, tenSecondsAgo, tenSecondsAgo);
    const t0 = performance.now();
    await fs.rename(source, path.join(vault, 'Inbox', `${name}.md`));
    await waitFor(() => exists(path.join(vault, 'Plans', `PLAN_${name}.md`)), `the plan for ${name}`);
    moved.push(performance.now() - t0);
  }
  await fs.rm(outside, { recursive: true, force: true });
  const latencies = [];
  for (let i = 0; i < NOTES; i++) {
    const name = `note-${String(i).padStart(2, '0')}`;
    const t0 = performance.now();
    await fs.writeFile(path.join(vault, 'Inbox', `${name}.md`), `Please call client ${i} tomorrow about the invoice.\n`);
    await waitFor(() => exists(path.join(vault, 'Plans', `PLAN_${name}.md`)), `the plan for ${name}`);
    latencies.push(performance.now() - t0);
  }
  moved.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);

  // Let the follow-up iteration for the last drop end, and the daemon go quiet (it gives back the
  // heap a burst grew after 5 s without work), before the idle window opens.
  const rssAfterBurst = await rssMB(daemon.pid);
  await sleep(10_000);
  const ticksPerSecond = 100; // USER_HZ on Linux
  const cpuBefore = await cpuTicks(daemon.pid);
  const rssSamples = [];
  const windowStart = performance.now();
  while (performance.now() - windowStart < idleSeconds * 1000) {
    rssSamples.push(await rssMB(daemon.pid));
    await sleep(1000);
  }
  const elapsedSeconds = (performance.now() - windowStart) / 1000;
  const cpuSeconds = ((await cpuTicks(daemon.pid)) - cpuBefore) / ticksPerSecond;

  const rows = [
    ['moved in → plan p50', `${percentile(moved, 50).toFixed(0)} ms`, '—'],
    ['moved in → plan p95', `${percentile(moved, 95).toFixed(0)} ms`, '≤ 300 ms'],
    ['moved in → plan max', `${moved.at(-1).toFixed(0)} ms`, '—'],
    ['written in place → plan p50', `${percentile(latencies, 50).toFixed(0)} ms`, '—'],
    ['written in place → plan p95', `${percentile(latencies, 95).toFixed(0)} ms`, '≤ 1000 ms'],
    [`idle CPU (${elapsedSeconds.toFixed(0)} s)`, `${((100 * cpuSeconds) / elapsedSeconds).toFixed(2)} % (${cpuSeconds.toFixed(2)} s)`, '~0 %'],
    ['RSS right after the drops', `${rssAfterBurst.toFixed(1)} MB`, '—'],
    ['idle RSS (max)', `${Math.max(...rssSamples).toFixed(1)} MB`, '≤ 60 MB'],
  ];
  const width = [0, 1, 2].map((c) => Math.max(...[['measure', 'value', 'target'], ...rows].map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => cell.padEnd(width[c])).join('  ');
  console.log(`daemon: ${NOTES} notes moved in and ${NOTES} written in place, one at a time, then ${idleSeconds} s idle`);
  console.log(line(['measure', 'value', 'target']));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
} finally {
  daemon.kill('SIGTERM');
  await new Promise((resolve) => (daemon.exitCode !== null ? resolve() : daemon.once('exit', resolve)));
  await fs.rm(vault, { recursive: true, force: true });
}
