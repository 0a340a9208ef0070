import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createFileExclusive, ensureDir, exists, moveNoOverwrite, removeFile, writeFileAtomic } from '../vault/files.js';
import { fileVersion } from '../vault/file-version.js';
import type { Frontmatter } from '../vault/frontmatter.js';
import { noteWithChanges, readNoteData } from '../vault/note-file.js';
import { stampTasks, type TaskStamp } from './stamp-tasks.js';

// A filing is a list of moves recorded before the first one is made, then replayed until all
// are done: a crash at any point is finished by the next run, and no file ends up in two places.

export interface FilingStep {
  from: string;
  to: string;
  // A note is rewritten with `changes` into `to`; a file is moved as it is.
  kind: 'note' | 'file';
  changes?: Frontmatter;
  // A note's task lines to stamp with done dates (and, for an item, to tick as its plan was).
  stamp?: TaskStamp;
  // A file's device, inode and size when the filing was recorded: a replay never moves another file now at that path.
  identity?: string;
}

export interface Filing {
  id: string;
  steps: FilingStep[];
}

export function journalDir(agentDir: string): string {
  return path.join(agentDir, 'journal');
}

export async function runFiling(agentDir: string, filing: Filing): Promise<void> {
  const dir = journalDir(agentDir);
  await ensureDir(dir);
  const record = path.join(dir, `${randomUUID()}.json`);
  const steps = await Promise.all(filing.steps.map(async (step) => (step.kind === 'file' ? { ...step, identity: await identityOf(step.from) } : step)));
  await writeFileAtomic(record, JSON.stringify({ ...filing, steps }));
  for (const step of steps) await replayStep(filing.id, step);
  await removeFile(record);
}

// Every step is idempotent: a destination already holding this filing's note (same `completed`
// stamp) or this very file (same inode) means the copy was made and only the source is left to remove.
// A note is recognised by its id (the user may have edited it since), a file by its identity.
async function replayStep(id: string, step: FilingStep): Promise<void> {
  if (!(await exists(step.from))) return;
  if (step.kind === 'file') {
    if (step.identity !== undefined && (await identityOf(step.from)) !== step.identity) return;
    if (await moveNoOverwrite(step.from, step.to)) return;
    if (await sameFile(step.from, step.to)) await removeFile(step.from);
    return;
  }
  for (let attempt = 0; attempt < SAVE_RETRIES; attempt++) {
    const before = fileVersion(step.from);
    const here = await readNoteData(step.from);
    if (!here || (here.id !== id && here.ai_id !== id)) return;
    const there = await readNoteData(step.to);
    if (!there) {
      const stamp = step.stamp;
      const { content } = await noteWithChanges(step.from, step.changes ?? {}, stamp && ((body) => stampTasks(body, stamp)));
      if (!(await createFileExclusive(step.to, content))) return;
      // The user saved the note while it was being copied (Obsidian writes in place): the copy is
      // older than their save, so it goes and the note is copied again, their save in it.
      if (fileVersion(step.from) !== before) {
        await removeFile(step.to);
        continue;
      }
    } else if (!carriesChanges(there, step.changes ?? {})) {
      return;
    }
    await removeFile(step.from);
    return;
  }
}

// Saves landing during a copy three times in a row: the note stays where it is, for the next run.
const SAVE_RETRIES = 3;

// The destination is this filing's copy when it holds every field the filing wrote (its completion time among them).
function carriesChanges(there: Frontmatter, changes: Frontmatter): boolean {
  return Object.entries(changes).every(([key, value]) => JSON.stringify(there[key]) === JSON.stringify(value));
}

async function identityOf(file: string): Promise<string | undefined> {
  const stat = await fs.lstat(file).catch(() => undefined);
  return stat ? `${stat.dev}:${stat.ino}:${stat.size}` : undefined;
}

async function sameFile(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  return !!x && !!y && x.ino === y.ino && x.dev === y.dev;
}

// Finishes the filings a crash interrupted; returns how many there were.
export async function replayJournal(agentDir: string): Promise<number> {
  const dir = journalDir(agentDir);
  const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
  for (const name of names) {
    const record = path.join(dir, name);
    try {
      const filing = JSON.parse(await fs.readFile(record, 'utf8')) as Filing;
      for (const step of filing.steps) await replayStep(filing.id, step);
    } catch {
      // A torn record was never acted on: the write of the record is atomic, the moves come after it.
    }
    await removeFile(record);
  }
  return names.length;
}
