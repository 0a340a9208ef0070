import { summarise } from './measure.js';

// Turns the collected rows into the markdown tables printed at the end of a bench run.
// A row is { name, title, size, samples: [{ wallMs, cpuS, rssKB }] }.

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const fmtMB = (kb) => `${Math.round(kb / 1024)}`;

function spread(stat, fmt) {
  if (!stat) return 'n/a';
  return stat.min === stat.max ? fmt(stat.median) : `${fmt(stat.median)} (${fmt(stat.min)}–${fmt(stat.max)})`;
}

// Median wall ms of the row with this name and size, or undefined.
export function medianWall(rows, name, size) {
  const row = rows.find((r) => r.name === name && (size === undefined || r.size === size));
  return row ? summarise(row.samples, 'wallMs')?.median : undefined;
}

function medianOf(rows, name, size, field) {
  const row = rows.find((r) => r.name === name && (size === undefined || r.size === size));
  return row ? summarise(row.samples, field)?.median : undefined;
}

// The measurements: one line per scenario and size.
export function formatResultsTable(rows) {
  const lines = ['| Scenario | N | runs | wall, median (min–max) | CPU user+sys, median | peak RSS MB, median (min–max) |', '|---|---:|---:|---|---|---|'];
  for (const row of rows) {
    const cpu = summarise(row.samples, 'cpuS');
    const rss = summarise(row.samples, 'rssKB');
    lines.push(`| ${row.title} | ${row.size.toLocaleString('en')} | ${row.samples.length} | ${spread(summarise(row.samples, 'wallMs'), fmtMs)} | ${cpu ? `${cpu.median.toFixed(2)} s` : 'n/a'} | ${spread(rss, fmtMB)} |`);
  }
  return lines.join('\n');
}

// Ratios of medians: ours against the bare baseline and against the peer, wall and CPU.
export function formatRatios(rows, sizes) {
  const lines = ['| Ratio (of medians) | N | wall | CPU |', '|---|---:|---:|---:|'];
  const ratio = (a, b) => (a !== undefined && b !== undefined && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
  const pairs = [
    ['ours / baseline, notes', 'notes', 'baseline'],
    ['baseline / baseline without fsync', 'baseline', 'baseline-nosync'],
    ['ours / peer, notes --once', 'notes', 'peer'],
    ['ours mix / ours notes', 'mix', 'notes'],
  ];
  for (const size of sizes) {
    for (const [label, a, b] of pairs) {
      const wall = ratio(medianWall(rows, a, size), medianWall(rows, b, size));
      if (wall !== 'n/a') lines.push(`| ${label} | ${size.toLocaleString('en')} | ${wall} | ${ratio(medianOf(rows, a, size, 'cpuS'), medianOf(rows, b, size, 'cpuS'))} |`);
    }
  }
  for (const row of rows.filter((r) => r.name === 'status')) {
    const wall = ratio(medianWall(rows, 'status', row.size), medianWall(rows, 'peer-status', row.size));
    if (wall !== 'n/a') lines.push(`| ours / peer, --status | ${row.size.toLocaleString('en')} | ${wall} | ${ratio(medianOf(rows, 'status', row.size, 'cpuS'), medianOf(rows, 'peer-status', row.size, 'cpuS'))} |`);
  }
  return lines.join('\n');
}

// §15's goals, each with the figure measured and whether it was met. The peer is measured in the
// same run, so its ratios hold across machines and disks of different speed.
export function formatGoals(rows, daemon, options) {
  const lines = ['| Goal (§15) | Measured | Met |', '|---|---|---|'];
  const add = (goal, value, met) => lines.push(`| ${goal} | ${value ?? 'not measured'} | ${value === undefined ? '–' : met ? 'met' : '**not met**'} |`);
  const wall = (name, size) => medianWall(rows, name, size);
  const versus = (ours, theirs, what) => (ours && theirs ? `${(ours / theirs).toFixed(2)}× (${fmtMs(ours)} vs ${what} ${fmtMs(theirs)})` : undefined);
  const [t1, p1] = [wall('notes', 1), wall('peer', 1)];
  add('--once with one new note ≤ 0.5× the peer', versus(t1, p1, 'peer'), t1 / p1 <= 0.5);
  const [t10k, p10k, b10k] = [wall('notes', 10000), wall('peer', 10000), wall('baseline', 10000)];
  add('--once on 10,000 notes ≤ 0.5× the peer', versus(t10k, p10k, 'peer'), t10k / p10k <= 0.5);
  add('--once on 10,000 notes ≤ 4× the bare fs baseline', versus(t10k, b10k, 'baseline'), t10k / b10k <= 4);
  const rss10k = medianOf(rows, 'notes', 10000, 'rssKB');
  add('10,000 notes peak memory ≤ 150 MB', rss10k && `${fmtMB(rss10k)} MB`, rss10k <= 150 * 1024);
  const t100k = wall('notes', 100000);
  const rss100k = medianOf(rows, 'notes', 100000, 'rssKB');
  add('100,000 notes in ≤ 10× the time of 10,000', t100k && t10k && `${(t100k / t10k).toFixed(2)}× (${fmtMs(t100k)})`, t100k / t10k <= 10);
  add('100,000 notes peak memory ≤ 200 MB', rss100k && `${fmtMB(rss100k)} MB`, rss100k <= 200 * 1024);
  const [sEmpty, pEmpty] = [wall('status', 0), wall('peer-status', 0)];
  add('--status ≤ 0.5× the peer, empty vault', versus(sEmpty, pEmpty, 'peer'), sEmpty / pEmpty <= 0.5);
  const [sBig, pBig] = [wall('status', options.statusFiles), wall('peer-status', options.statusFiles)];
  add(`--status ≤ 0.35× the peer, ${options.statusFiles.toLocaleString('en')} files in Inbox`, versus(sBig, pBig, 'peer'), sBig / pBig <= 0.35);
  addDaemonGoals(add, daemon);
  const tiny = medianOf(rows, 'tiny-file', 1, 'rssKB');
  const medium = medianOf(rows, 'medium-file', 1, 'rssKB');
  const big = medianOf(rows, 'big-file', 1, 'rssKB');
  add(`a ${options.bigMB} MB dropped file does not raise peak memory (vs a 64 MB one, ≤ +10 MB)`, medium && big && `${fmtMB(big)} MB vs ${fmtMB(medium)} MB (1 KB file: ${fmtMB(tiny)} MB)`, big - medium <= 10 * 1024);
  const kinds = rows.filter((r) => r.name.startsWith('content-') && r.name !== 'content-empty').map((r) => r.name.slice('content-'.length));
  add('content extraction cost per item of each kind reported', kinds.length > 0 ? `${kinds.join(', ')} (table above)` : undefined, kinds.length > 0);
  return lines.join('\n');
}

// The daemon script's JSON line; the key names it is read with are listed in bench/README.md.
function addDaemonGoals(add, daemon) {
  const r = daemon?.result;
  const p95 = r?.p95Ms ?? r?.latency?.p95Ms;
  const cpu = r?.idleCpuPercent ?? r?.idle?.cpuPercent;
  const rss = r?.idleRssMB ?? r?.idle?.rssMB;
  add('daemon moved in → plan p95 ≤ 300 ms', p95 === undefined ? undefined : fmtMs(p95), p95 <= 300);
  const written = r?.writtenP95Ms;
  add('daemon written in place → plan p95 ≤ 1 s', written === undefined ? undefined : fmtMs(written), written <= 1000);
  add('daemon idle ~0% CPU (≤ 1%)', cpu === undefined ? undefined : `${cpu.toFixed(2)}%`, cpu <= 1);
  add('daemon idle ≤ 60 MB resident', rss === undefined ? undefined : `${Math.round(rss)} MB`, rss <= 60);
}
