import fs from 'node:fs/promises';
import type { Logger } from '../log/logger.js';
import type { DryRunReport } from '../runner/stage.js';
import { writeFileAtomic } from '../vault/files.js';
import type { VaultLayout } from '../vault/layout.js';

// Dashboard.md belongs to the user except between the two markers: those bytes are the agent's.

// The markers around the agent's block; `ai-employee init` writes them in vault-template/Dashboard.md.
export const DASHBOARD_START = '<!-- ai-employee:start -->';
export const DASHBOARD_END = '<!-- ai-employee:end -->';
const MAX_DASHBOARD_BYTES = 16 * 1024 * 1024;

export type DashboardChange = 'created' | 'replaced' | 'appended';

export interface SplicedDashboard {
  content: Buffer;
  change: DashboardChange;
  warning?: string;
}

function count(buf: Buffer, marker: string): number {
  let n = 0;
  for (let at = buf.indexOf(marker); at !== -1; at = buf.indexOf(marker, at + marker.length)) n++;
  return n;
}

// The new Dashboard.md: every byte outside the agent's block kept as it was.
// The block replaced is the first end marker that has a start before it, with the nearest such start,
// so a stray marker the user left (or pasted) never makes the agent swallow the text around it.
export function spliceDashboard(existing: Buffer | null, block: string): SplicedDashboard {
  const fenced = `${DASHBOARD_START}\n${block.replace(/\n+$/, '')}\n${DASHBOARD_END}`;
  if (existing === null) return { content: Buffer.from(`# Dashboard\n\n${fenced}\n`), change: 'created' };
  const firstStart = existing.indexOf(DASHBOARD_START);
  const end = firstStart === -1 ? -1 : existing.indexOf(DASHBOARD_END, firstStart + DASHBOARD_START.length);
  const starts = count(existing, DASHBOARD_START);
  const ends = count(existing, DASHBOARD_END);
  if (end === -1) {
    const separator = existing.length === 0 ? '' : existing.at(-1) === 0x0a ? '\n' : '\n\n';
    const warning =
      starts + ends > 0 ? 'Dashboard.md has a start or end marker without its pair: a new block was added at the end; delete the stray marker' : undefined;
    return { content: Buffer.concat([existing, Buffer.from(`${separator}${fenced}\n`)]), change: 'appended', warning };
  }
  const start = existing.lastIndexOf(DASHBOARD_START, end - DASHBOARD_START.length);
  const content = Buffer.concat([existing.subarray(0, start), Buffer.from(fenced), existing.subarray(end + DASHBOARD_END.length)]);
  const warning =
    starts > 1 || ends > 1 ? 'Dashboard.md has more than one ai-employee marker: only the first block is kept current; delete the others' : undefined;
  return { content, change: 'replaced', warning };
}

// The current Dashboard.md, null when there is none; throws when it is a symlink, a folder or too big.
async function readDashboard(file: string): Promise<Buffer | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new Error(`${file} cannot be read (${code === 'ELOOP' ? 'it is a symlink' : code}); it was left alone`, { cause: error });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`${file} is not a regular file; it was left alone`);
    if (stat.size > MAX_DASHBOARD_BYTES) throw new Error(`${file} is larger than 16 MiB; it was left alone`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

// Rewrites the agent's block of Dashboard.md atomically (or reports the write in a dry run).
export async function updateDashboard(
  layout: VaultLayout,
  block: string,
  options: { dryRun?: DryRunReport; log?: Logger } = {},
): Promise<DashboardChange> {
  const spliced = spliceDashboard(await readDashboard(layout.dashboard), block);
  if (spliced.warning) options.log?.warn(spliced.warning);
  if (options.dryRun) {
    options.dryRun('write Dashboard.md');
    return spliced.change;
  }
  await writeFileAtomic(layout.dashboard, spliced.content);
  return spliced.change;
}
