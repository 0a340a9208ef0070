// `npm run bench`: measures the CLI as whole processes against a bare file-system baseline and
// the reference peer (SPEC §15), then prints one markdown table of results, ratios and goals.
// Options: node bench/run.js --help. Progress goes to stderr, the tables to stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs } from './args.js';
import { canMeasureResources } from './measure.js';
import { BENCH_DIR } from './paths.js';
import { runBigFileScenario } from './scenarios/big-file.js';
import { formatContentCosts, runContentScenario } from './scenarios/content.js';
import { runDaemonScenario } from './scenarios/daemon.js';
import { SIZED_SCENARIOS } from './scenarios/sized.js';
import { runStatusScenario } from './scenarios/status.js';
import { formatGoals, formatRatios, formatResultsTable } from './table.js';

const report = (line) => process.stderr.write(`bench: ${line}\n`);
const HUGE = 100_000;

async function runSized(options) {
  const chosen = SIZED_SCENARIOS.filter((s) => options.only.includes(s.name));
  const rows = [];
  for (const scenario of chosen) {
    const why = scenario.available?.();
    if (why) report(`skipping ${scenario.name}: ${why}`);
  }
  const runnable = chosen.filter((s) => !s.available?.());
  for (const size of options.sizes) {
    // §15's 100,000-note figures (time against 10,000, peak memory) are ours alone: one run, notes only.
    const huge = size >= HUGE;
    const inSize = huge ? runnable.filter((s) => s.name === 'notes') : runnable;
    const runs = huge ? 1 : options.runs;
    const sizeRows = inSize.map((s) => ({ name: s.name, title: s.title, size, samples: [] }));
    for (let run = 0; run < runs; run++) {
      for (const [i, scenario] of inSize.entries()) {
        report(`${scenario.name} N=${size} run ${run + 1}/${runs}`);
        const sample = await scenario.sample(size, options);
        report(`  ${Math.round(sample.wallMs)} ms, cpu ${sample.cpuS?.toFixed(2) ?? '?'} s, rss ${sample.rssKB ? Math.round(sample.rssKB / 1024) : '?'} MB`);
        sizeRows[i].samples.push(sample);
      }
    }
    rows.push(...sizeRows);
  }
  return rows;
}

function describeMachine() {
  const memGB = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? '?'}), ${memGB} GB RAM, node ${process.version}, ${os.platform()} ${os.release()}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  if (!canMeasureResources) report('/usr/bin/time not found: measuring wall time only (no CPU, no peak RSS)');
  // Node parses every certificate of NODE_EXTRA_CA_CERTS before running any code (~35 ms a start
  // here, where the sandbox sets it); the product makes no TLS connection, and a user's machine rarely sets it.
  if (process.env.NODE_EXTRA_CA_CERTS && !options.envAsIs) {
    report(`unsetting NODE_EXTRA_CA_CERTS for every measured process (--env-as-is keeps it)`);
    delete process.env.NODE_EXTRA_CA_CERTS;
  }
  const startedLoad = describeMachine();
  const rows = await runSized(options);
  if (options.only.includes('status')) rows.push(...(await runStatusScenario(options, report)));
  if (options.only.includes('bigfile')) rows.push(...(await runBigFileScenario(options, report)));
  if (options.only.includes('content')) rows.push(...(await runContentScenario(options, report)));
  let daemon;
  if (options.only.includes('daemon')) {
    report(`daemon: bench/daemon-latency.mjs ${options.idleSeconds}`);
    daemon = await runDaemonScenario(options);
    if (daemon.skipped) report(`daemon skipped: ${daemon.skipped}`);
  }
  const out = [
    `Machine at start: ${startedLoad}  `,
    `Machine at end:   ${describeMachine()}`,
    '',
    formatResultsTable(rows),
    '',
    formatRatios(rows, options.sizes),
    '',
    ...(rows.some((r) => r.name.startsWith('content-')) ? ['Content extraction, cost per item of each kind:', '', formatContentCosts(rows), ''] : []),
    formatGoals(rows, daemon, options),
    '',
    `Drop→plan latency of the peer is its --interval by design (at least 1 minute): it has no watcher.`,
    daemon?.result ? `Daemon (bench/daemon-latency.mjs): ${JSON.stringify(daemon.result)}` : `Daemon: ${daemon?.skipped ?? 'not run'}`,
  ].join('\n');
  process.stdout.write(`${out}\n`);
  const saved = path.join(BENCH_DIR, '.work', `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(saved), { recursive: true });
  fs.writeFileSync(saved, JSON.stringify({ options, rows: rows.map(({ samples, ...r }) => ({ ...r, samples: samples.map(({ stdout, ...s }) => s) })), daemon }, null, 2));
  report(`raw samples saved in ${path.relative(process.cwd(), saved)}`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 1;
}
