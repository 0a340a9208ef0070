import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readHeadSync } from './files.js';
import { MAX_FRONTMATTER_BYTES, splitFrontmatter, type Frontmatter } from './frontmatter.js';
import { parseSimpleFrontmatter } from './simple-frontmatter.js';

// Reads the frontmatter of many notes from the head of each file, in batches that keep the event loop turning.

export interface NoteHead {
  data: Frontmatter;
  // The body's first "# Title" line, if it is near the top.
  heading: string | null;
}

export type NoteHeadResult = { ok: true; head: NoteHead } | { ok: false; reason: string };

export interface ReadHeadsOptions {
  maxHeadBytes: number;
  // Heads read between two turns of the event loop.
  batchSize: number;
}

function headingOf(head: Buffer, bodyOffset: number): string | null {
  const match = /^#[ \t]+(.+)$/m.exec(head.subarray(bodyOffset, bodyOffset + 1024).toString('utf8'));
  return match ? match[1]!.trim() : null;
}

// Reads one note's head: agent-written frontmatter by the fast path, anything else by the full parser;
// a frontmatter longer than the head gets one wider read.
export function readNoteHead(file: string, maxHeadBytes: number): NoteHeadResult {
  try {
    let head = readHeadSync(file, maxHeadBytes);
    const simple = parseSimpleFrontmatter(head);
    if (simple) return { ok: true, head: { data: simple.data, heading: headingOf(head, simple.bodyOffset) } };
    let split = splitFrontmatter(head);
    if (split.kind === 'invalid' && head.length === maxHeadBytes && maxHeadBytes < MAX_FRONTMATTER_BYTES + 1024) {
      head = readHeadSync(file, MAX_FRONTMATTER_BYTES + 1024);
      split = splitFrontmatter(head);
    }
    if (split.kind === 'invalid') return { ok: false, reason: split.reason };
    const data = split.kind === 'yaml' ? split.data : {};
    return { ok: true, head: { data, heading: headingOf(head, split.bodyOffset) } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: code === 'ENOENT' ? 'vanished' : `unreadable (${code})` };
  }
}

// Reads the heads of `names` in `dir`, yielding to the event loop after every batch; never throws.
export async function readNoteHeads(dir: string, names: string[], options: ReadHeadsOptions): Promise<Map<string, NoteHeadResult>> {
  const results = new Map<string, NoteHeadResult>();
  for (let start = 0; start < names.length; start += options.batchSize) {
    for (const name of names.slice(start, start + options.batchSize)) {
      results.set(name, readNoteHead(path.join(dir, name), options.maxHeadBytes));
    }
    await nextTurn();
  }
  return results;
}
