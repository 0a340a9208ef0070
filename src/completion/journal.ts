import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createFileExclusive, ensureDir, exists, moveNoOverwrite, removeFile, writeFileAtomic } from '../vault/files.js';
import type { Frontmatter } from '../vault/frontmatter.js';
import { noteWithChanges } from '../vault/note-with-changes.js';
import { readNoteFrontmatter } from '../vault/read-note-head.js';

// A filing is a list of moves recorded before the first one is made, then replayed until all
// are done: a crash at any point is finished by the next run, and no file ends up in two places.

export interface FilingStep {
  from: string;
  to: string;
  // A note is rewritten with `changes` into `to`; a file is moved as it is.
  kind: 'note' | 'file';
  changes?: Frontmatter;
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
  await writeFileAtomic(record, JSON.stringify(filing));
  for (const step of filing.steps) await replayStep(step);
  await removeFile(record);
}

// Every step is idempotent: a destination already holding this filing's note (same `completed`
// stamp) or this very file (same inode) means the copy was made and only the source is left to remove.
async function replayStep(step: FilingStep): Promise<void> {
  if (!(await exists(step.from))) return;
  if (step.kind === 'file') {
    if (await moveNoOverwrite(step.from, step.to)) return;
    if (await sameFile(step.from, step.to)) await removeFile(step.from);
    return;
  }
  const there = await readNoteFrontmatter(step.to);
  if (!there) {
    const { content } = await noteWithChanges(step.from, step.changes ?? {});
    if (!(await createFileExclusive(step.to, content))) return;
  } else if (there.status !== 'done' || there.completed !== step.changes?.completed) {
    return;
  }
  await removeFile(step.from);
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
      for (const step of filing.steps) await replayStep(step);
    } catch {
      // A torn record was never acted on: the write of the record is atomic, the moves come after it.
    }
    await removeFile(record);
  }
  return names.length;
}
