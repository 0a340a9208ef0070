// Scores the planner against the hand-labelled set in test/fixtures/planning/ (labels.json).
// For each label: a fresh vault with the item in Inbox/, one iteration at a fixed clock
// (Wednesday 2026-12-02 09:00 local time), then the plan's priority, due and step lines are
// compared with the label. `node bench/eval-plans.js [--json]`; run `npm run build` first.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { runOnce } from '../dist/commands/once.js';
import { initVault } from '../dist/commands/init.js';

const REPO_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SET_DIR = path.join(REPO_DIR, 'test', 'fixtures', 'planning');
const NOW = () => new Date(2026, 11, 2, 9, 0, 0);
const asJson = process.argv.includes('--json');

// One item through one iteration; returns what the plan says (or why there is none).
async function planFor(label) {
  const vault = await fs.mkdtemp(path.join(os.tmpdir(), 'eval-plans-'));
  try {
    await initVault({ dir: vault, withSamples: false });
    for (const folder of ['Inbox', 'Needs_Action', 'Plans', 'Done']) await fs.mkdir(path.join(vault, folder), { recursive: true });
    await fs.copyFile(path.join(SET_DIR, label.file), path.join(vault, 'Inbox', path.basename(label.file)));
    await runOnce(
      {
        vault,
        maxLogSizeMB: 5,
        quiet: true,
        ignoreConstraints: true,
        now: NOW,
        stderr: () => {},
        logFile: path.join(vault, 'run.log'),
        lockFile: path.join(vault, 'run.lock'),
      },
      new AbortController().signal,
    );
    const plans = (await fs.readdir(path.join(vault, 'Plans'))).filter((name) => name.endsWith('.md'));
    if (plans.length !== 1) return { error: `${plans.length} plans written` };
    return readPlan(await fs.readFile(path.join(vault, 'Plans', plans[0]), 'utf8'));
  } finally {
    await fs.rm(vault, { recursive: true, force: true });
  }
}

function readPlan(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  const data = match ? (parseYaml(match[1]) ?? {}) : {};
  const body = match ? match[2] : text;
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+Steps\s*$/.test(line));
  const steps = [];
  if (start >= 0) {
    for (const line of lines.slice(start + 1)) {
      if (/^#{1,6}\s/.test(line)) break;
      if (/^\s*- \[ \] /.test(line)) steps.push(line.replace(/^\s*- \[ \] /, ''));
    }
  }
  const due = data.due instanceof Date ? data.due.toISOString().slice(0, 10) : data.due == null ? null : String(data.due);
  return { priority: data.priority == null ? null : String(data.priority), due, steps };
}

function score(label, plan) {
  if (plan.error) return { priority: false, due: false, action: false, highWithoutAsk: false };
  const haystack = plan.steps.join('\n').toLowerCase();
  return {
    priority: plan.priority === label.priority,
    due: (plan.due ?? null) === (label.due ?? null),
    action: label.action.some((phrase) => haystack.includes(phrase.toLowerCase())),
    highWithoutAsk: plan.priority === 'high' && label.asks === false,
  };
}

const labels = JSON.parse(await fs.readFile(path.join(SET_DIR, 'labels.json'), 'utf8'));
const rows = [];
for (const label of labels) {
  let plan;
  try {
    plan = await planFor(label);
  } catch (error) {
    plan = { error: error instanceof Error ? error.message : String(error) };
  }
  rows.push({ file: label.file, label, plan, score: score(label, plan) });
}

const count = (key) => rows.filter((row) => row.score[key]).length;
const percent = (n) => Math.round((1000 * n) / rows.length) / 10;
const totals = {
  count: rows.length,
  priority: percent(count('priority')),
  due: percent(count('due')),
  action: percent(count('action')),
  highWithoutAsk: count('highWithoutAsk'),
};

if (asJson) {
  const items = rows.map(({ file, label, plan, score: s }) => ({
    file,
    expected: { priority: label.priority, due: label.due, action: label.action, asks: label.asks },
    got: plan.error ? { error: plan.error } : plan,
    ...s,
  }));
  process.stdout.write(`${JSON.stringify({ ...totals, items }, null, 2)}\n`);
} else {
  const misses = [];
  for (const { file, label, plan, score: s } of rows) {
    if (plan.error) misses.push([file, 'plan', 'one plan', plan.error]);
    if (!s.priority) misses.push([file, 'priority', label.priority, plan.priority ?? '-']);
    if (!s.due) misses.push([file, 'due', label.due ?? '-', plan.due ?? '-']);
    if (!s.action) misses.push([file, 'action', label.action.join(' | '), (plan.steps ?? []).join(' / ').slice(0, 90) || '-']);
    if (s.highWithoutAsk) misses.push([file, 'high, no ask', 'not high', 'high']);
  }
  const header = ['file', 'field', 'expected', 'got'];
  const widths = header.map((h, i) => Math.min(48, Math.max(h.length, ...misses.map((m) => String(m[i]).length))));
  const cell = (text, i) => String(text).slice(0, widths[i]).padEnd(widths[i]);
  console.log(header.map(cell).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const miss of misses) console.log(miss.map(cell).join('  '));
  console.log('');
  console.log(`items: ${totals.count}`);
  console.log(`priority exact: ${totals.priority}%`);
  console.log(`due exact:      ${totals.due}%`);
  console.log(`action found:   ${totals.action}%`);
  console.log(`high without ask: ${totals.highWithoutAsk}`);
}
