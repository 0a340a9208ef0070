import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const TIME_BIN = '/usr/bin/time';

// Whether CPU time and peak RSS can be measured (GNU time is present); wall time always can.
export const canMeasureResources = existsSync(TIME_BIN);

// Runs one whole process and measures it: wall ms (own clock), user+sys CPU s and peak RSS KB
// (from GNU time, which counts waited-for child processes too). Rejects on an unexpected exit code.
export async function measureProcess(command, args, { cwd, env, okCodes = [0], label = command } = {}) {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [bin, argv] = canMeasureResources ? [TIME_BIN, ['-o', timeFile, '-f', '%e %U %S %M', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const { code, stdout, stderr } = await runToEnd(bin, argv, { cwd, env });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const usage = canMeasureResources ? readTimeFile(timeFile) : { cpuS: null, rssKB: null };
  if (!okCodes.includes(code)) throw new Error(`${label}: exit code ${code} (expected ${okCodes.join(' or ')})\n${stderr.slice(-2000)}`);
  return { wallMs, ...usage, code, stdout };
}

// Runs a process to its end, collecting its output.
export function runToEnd(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function readTimeFile(file) {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const [, user, sys, rss] = lines[lines.length - 1].split(' ').map(Number);
    return { cpuS: user + sys, rssKB: rss };
  } catch {
    return { cpuS: null, rssKB: null };
  } finally {
    rmSync(file, { force: true });
  }
}

// Median and spread of one field over several samples (null when not measured).
export function summarise(samples, field) {
  const values = samples.map((s) => s[field]).filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (values.length === 0) return null;
  const mid = values.length >> 1;
  const median = values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  return { median, min: values[0], max: values[values.length - 1] };
}
