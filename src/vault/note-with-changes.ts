import fsSync from 'node:fs';
import { composeNote, MAX_FRONTMATTER_BYTES, splitFrontmatter, stringifyFrontmatter, updateYaml, type Frontmatter } from './frontmatter.js';
import { readHead, type FileContent } from './files.js';

export class UnreadableNoteError extends Error {
  override name = 'UnreadableNoteError';
}

const HEAD_BYTES = MAX_FRONTMATTER_BYTES + 4096;

// The content of `file` with its frontmatter changed (user keys and body kept), ready for files.ts to write.
export async function noteWithChanges(file: string, changes: Frontmatter): Promise<{ content: FileContent; data: Frontmatter }> {
  const head = await readHead(file, HEAD_BYTES);
  const split = splitFrontmatter(head);
  if (split.kind === 'invalid') throw new UnreadableNoteError(`its frontmatter cannot be read (${split.reason})`);
  const data = split.kind === 'yaml' ? { ...split.data, ...changes } : { ...changes };
  const yaml = split.kind === 'yaml' ? updateYaml(split.document, changes) : stringifyFrontmatter(changes);
  const prefix = composeNote(yaml);
  const { size } = fsSync.statSync(file);
  const content: FileContent =
    size <= head.length ? Buffer.concat([prefix, head.subarray(split.bodyOffset)]) : { prefix, copyFrom: file, fromOffset: split.bodyOffset };
  return { content, data };
}
