import path from 'node:path';
import { readHead } from './files.js';
import { MAX_FRONTMATTER_BYTES, splitFrontmatter, type Frontmatter } from './frontmatter.js';

// Reads the frontmatter of many notes at once, a bounded number at a time, from the head of each file.

export interface NoteHead {
  data: Frontmatter;
  // Whether the note has frontmatter at all (a note the user wrote by hand may not).
  hasFrontmatter: boolean;
  // The first bytes of the body, as text (enough for a "# Title" line).
  bodyStart: string;
}

export type NoteHeadResult = { ok: true; head: NoteHead } | { ok: false; reason: string };

export interface ReadHeadsOptions {
  maxHeadBytes: number;
  concurrency: number;
}

// Reads one note's head; a longer frontmatter than the head holds gets one wider read.
export async function readNoteHead(file: string, maxHeadBytes: number): Promise<NoteHeadResult> {
  try {
    let head = await readHead(file, maxHeadBytes);
    let split = splitFrontmatter(head);
    if (split.kind === 'invalid' && head.length === maxHeadBytes && maxHeadBytes < MAX_FRONTMATTER_BYTES + 1024) {
      head = await readHead(file, MAX_FRONTMATTER_BYTES + 1024);
      split = splitFrontmatter(head);
    }
    if (split.kind === 'invalid') return { ok: false, reason: split.reason };
    const data = split.kind === 'yaml' ? split.data : {};
    const bodyStart = head.subarray(split.bodyOffset, split.bodyOffset + 1024).toString('utf8');
    return { ok: true, head: { data, hasFrontmatter: split.kind === 'yaml', bodyStart } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, reason: code === 'ENOENT' ? 'vanished' : `unreadable (${code})` };
  }
}

// Reads the heads of `names` in `dir`, at most `concurrency` open at a time; never throws.
export async function readNoteHeads(dir: string, names: string[], options: ReadHeadsOptions): Promise<Map<string, NoteHeadResult>> {
  const results = new Map<string, NoteHeadResult>();
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const name = names[next++]!;
      results.set(name, await readNoteHead(path.join(dir, name), options.maxHeadBytes));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, names.length) }, worker));
  return results;
}
