import { composeNote, MAX_FRONTMATTER_BYTES, changedYaml, splitFrontmatter, type Frontmatter, type SplitNote } from './frontmatter.js';
import type { FileContent } from './files.js';
import { readHeadAndSize } from './read-head.js';

// Every read of a note's head goes through here, with one limit: the whole frontmatter (at most
// 64 KiB) and then `bodyBytes` of the body.

export const DEFAULT_BODY_BYTES = 4096;

export class UnreadableNoteError extends Error {
  override name = 'UnreadableNoteError';
}

export interface NoteHead {
  head: Buffer;
  // The whole file's size: the head holds all of it when size <= head.length.
  size: number;
  split: SplitNote;
}

// Reads and splits a note's head (never through a symlink); throws what the file system says.
export function readNoteHeadSync(file: string, bodyBytes = DEFAULT_BODY_BYTES): NoteHead {
  const { head, size } = readHeadAndSize(file, MAX_FRONTMATTER_BYTES + bodyBytes);
  return { head, size, split: splitFrontmatter(head) };
}

// The same, for async callers.
export async function readNoteHead(file: string, bodyBytes = DEFAULT_BODY_BYTES): Promise<NoteHead> {
  return readNoteHeadSync(file, bodyBytes);
}

// The body bytes in a head (a note without frontmatter is all body).
export function bodyOf(note: NoteHead): Buffer {
  return note.split.kind === 'invalid' ? note.head : note.head.subarray(note.split.bodyOffset);
}

// The frontmatter of a note; undefined if it is missing, broken or unreadable.
export async function readNoteData(file: string): Promise<Frontmatter | undefined> {
  try {
    const { split } = readNoteHeadSync(file, 0);
    return split.kind === 'yaml' ? split.data : undefined;
  } catch {
    return undefined;
  }
}

// The content of the note read as `note` with its frontmatter changed (user keys and body kept).
// `editBody` applies only to a body read whole (a body past the head is copied as it is).
export function contentWithChanges(file: string, note: NoteHead, changes: Frontmatter, editBody?: (body: string) => string): FileContent {
  if (note.split.kind === 'invalid') throw new UnreadableNoteError(`its frontmatter cannot be read (${note.split.reason})`);
  const prefix = composeNote(changedYaml(note.split, changes), '', note.split.kind === 'yaml' ? note.split : undefined);
  const bodyOffset = note.split.bodyOffset;
  if (note.size > note.head.length) return { prefix, copyFrom: file, fromOffset: bodyOffset };
  const body = note.head.subarray(bodyOffset);
  return Buffer.concat([prefix, editBody ? Buffer.from(editBody(body.toString('utf8')), 'utf8') : body]);
}

// The content of `file` with its frontmatter changed, ready for files.ts to write.
export async function noteWithChanges(file: string, changes: Frontmatter, editBody?: (body: string) => string): Promise<{ content: FileContent; data: Frontmatter }> {
  const note = await readNoteHead(file);
  const content = contentWithChanges(file, note, changes, editBody);
  const data = note.split.kind === 'yaml' ? { ...note.split.data, ...changes } : { ...changes };
  return { content, data };
}
