import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileVersion } from './file-version.js';
import type { Frontmatter } from './frontmatter.js';
import { bodyOf, readNoteHeadSync } from './note-file.js';

// Reads the frontmatter of many notes from the head of each file, in batches that keep the event loop turning.

export interface NoteHead {
  data: Frontmatter;
  // The body's first "# Title" line, if it is near the top.
  heading: string | null;
}

export type NoteHeadResult = { ok: true; head: NoteHead } | { ok: false; reason: string };

export interface ReadHeadsOptions {
  // Heads read between two turns of the event loop.
  batchSize: number;
}

const HEADING_BYTES = 1024;

// Planning, completion and the dashboard each look at every open item in a run, and a long-running
// daemon rebuilds the dashboard after every change: re-reading every note each time made CPU grow
// with the vault. A note whose version (file-version.ts) is unchanged is not read again: one lstat
// instead of an open, a read and a parse. Bounded: once full, new notes are read but not kept (so a
// scan of more notes than fit still finds the first ones); `forgetUnusedNoteHeads` drops the notes
// not looked at since its last call (filed, renamed, deleted), which the daemon calls every iteration.
const MAX_CACHED_HEADS = 4096;
const cache = new Map<string, { stamp: string; result: NoteHeadResult; used: boolean }>();

export function forgetUnusedNoteHeads(): void {
  for (const [file, entry] of cache) {
    if (entry.used) entry.used = false;
    else cache.delete(file);
  }
}

// Reads one note's frontmatter and first heading (the result is shared: never change it); never throws.
export function readNoteSummary(file: string): NoteHeadResult {
  const stamp = fileVersion(file);
  if (!stamp) return readNoteSummaryNow(file);
  const cached = cache.get(file);
  if (cached?.stamp === stamp) {
    cached.used = true;
    return cached.result;
  }
  const result = readNoteSummaryNow(file);
  cache.delete(file);
  if (result.ok && cache.size < MAX_CACHED_HEADS) cache.set(file, { stamp, result, used: true });
  return result;
}

function readNoteSummaryNow(file: string): NoteHeadResult {
  try {
    const note = readNoteHeadSync(file, HEADING_BYTES);
    if (note.split.kind === 'invalid') return { ok: false, reason: note.split.reason };
    const match = /^#[ \t]+(.+)$/m.exec(bodyOf(note).subarray(0, HEADING_BYTES).toString('utf8'));
    return { ok: true, head: { data: note.split.kind === 'yaml' ? note.split.data : {}, heading: match ? match[1]!.trim() : null } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: code === 'ENOENT' ? 'vanished' : `unreadable (${code})` };
  }
}

// Reads the heads of `names` in `dir`, yielding to the event loop after every batch; never throws.
export async function readNoteHeads(dir: string, names: string[], options: ReadHeadsOptions): Promise<Map<string, NoteHeadResult>> {
  const results = new Map<string, NoteHeadResult>();
  for (let start = 0; start < names.length; start += options.batchSize) {
    for (const name of names.slice(start, start + options.batchSize)) results.set(name, readNoteSummary(path.join(dir, name)));
    await nextTurn();
  }
  return results;
}
