import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the bench finds the project, the CLI, the peer and its own scratch space.
export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = path.dirname(BENCH_DIR);
export const CLI = path.join(REPO_DIR, 'bin', 'ai-employee.js');
export const PEER_DIR = path.resolve(REPO_DIR, '..', 'shared', 'peers', 'silver-scheduler');
export const DAEMON_SCRIPT = path.join(BENCH_DIR, 'daemon-latency.mjs');
const WORK_ROOT = path.join(BENCH_DIR, '.work');

// A fresh, empty scratch folder for one sample; remove it with dropWorkDir.
export function makeWorkDir(label) {
  fs.mkdirSync(WORK_ROOT, { recursive: true });
  return fs.mkdtempSync(path.join(WORK_ROOT, `${label}-`));
}

export function dropWorkDir(dir, keep) {
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

// Regular files directly in a folder (a sanity check that a run did its work).
export function countFiles(dir, keep = () => true) {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.') && keep(e.name)).length;
  } catch {
    return 0;
  }
}
