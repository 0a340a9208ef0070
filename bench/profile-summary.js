// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions and files with the most
// self time. Used to see where --once spends its time:
//   node --cpu-prof --cpu-prof-dir=bench/.work/prof bin/ai-employee.js --once --quiet --vault V
//   node bench/profile-summary.js bench/.work/prof/*.cpuprofile [--top 25]
import fs from 'node:fs';
import path from 'node:path';
import { REPO_DIR } from './paths.js';

function shortUrl(url) {
  if (!url) return '(native)';
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(REPO_DIR) ? path.relative(REPO_DIR, file) : file.replace(/^.*node_modules\//, 'node_modules/');
}

// Self time (ms) per function and per file, from a profile's samples and time deltas.
export function summariseProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fns = new Map();
  const files = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = shortUrl(url);
    const key = `${functionName || '(anonymous)'}  ${file}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
    total += us;
  }
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n);
  const callers = new Map();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node.callFrame.url) continue;
    let up = parent.get(id);
    while (up && !up.callFrame.url.includes(REPO_DIR) && parent.get(up.id)) up = parent.get(up.id);
    const key = node.callFrame.functionName || '(anonymous)';
    const via = up ? `${up.callFrame.functionName || '(anonymous)'}  ${shortUrl(up.callFrame.url)}:${up.callFrame.lineNumber + 1}` : '(root)';
    const perFn = callers.get(key) ?? new Map();
    perFn.set(via, (perFn.get(via) ?? 0) + us);
    callers.set(key, perFn);
  }
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, share: us / total }));
  const nativeCallers = new Map([...callers].map(([fn, map]) => [fn, top(map)]));
  return { totalMs: total / 1000, functions: top(fns), files: top(files), nativeCallers };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const n = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  for (const file of args) {
    const summary = summariseProfile(JSON.parse(fs.readFileSync(file, 'utf8')));
    const line = (e) => `${e.ms.toFixed(0).padStart(8)} ms ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.name}`;
    console.log(`${path.basename(file)}: ${summary.totalMs.toFixed(0)} ms sampled\n\nTop functions by self time:`);
    console.log(summary.functions.slice(0, n).map(line).join('\n'));
    console.log('\nWhere the top native functions are called from (nearest project frame):');
    for (const e of summary.functions.slice(0, n).filter((f) => f.name.endsWith('(native)'))) {
      const fn = e.name.split('  ')[0];
      for (const c of (summary.nativeCallers.get(fn) ?? []).slice(0, 3)) console.log(`${c.ms.toFixed(0).padStart(8)} ms  ${fn} <- ${c.name}`);
    }
    console.log('\nTop files by self time:');
    console.log(summary.files.slice(0, n).map(line).join('\n'));
  }
}
