import fsSync from 'node:fs';
import path from 'node:path';
import { composeNote, MAX_FRONTMATTER_BYTES, splitFrontmatter, stringifyFrontmatter, updateYaml } from '../vault/frontmatter.js';
import { createAtFreeName, readHead, type FileContent } from '../vault/files.js';
import { intakeFields } from './item-fields.js';

export const NOTE_HEAD_BYTES = MAX_FRONTMATTER_BYTES + 4096;

export type NoteIntake = { kind: 'note'; name: string } | { kind: 'not-a-note'; reason: string };

// A markdown note: its frontmatter gains the intake fields, its body is copied byte for byte.
export async function takeInNote(stagedFile: string, originalName: string, id: string, received: Date, targetDir: string): Promise<NoteIntake> {
  const head = await readHead(stagedFile, NOTE_HEAD_BYTES);
  const split = splitFrontmatter(head);
  if (split.kind === 'invalid') return { kind: 'not-a-note', reason: split.reason };
  const userType = split.kind === 'yaml' && typeof split.data.type === 'string' && split.data.type.trim() ? split.data.type : 'note';
  const fields = intakeFields(id, userType, received, originalName);
  const yaml = split.kind === 'yaml' ? updateYaml(split.yamlText, fields) : stringifyFrontmatter(fields);
  const prefix = composeNote(yaml);
  const { size } = fsSync.statSync(stagedFile);
  const content: FileContent =
    size <= head.length
      ? Buffer.concat([prefix, head.subarray(split.bodyOffset)])
      : { prefix, copyFrom: stagedFile, fromOffset: split.bodyOffset };
  const name = await createAtFreeName(targetDir, path.basename(originalName), content);
  return { kind: 'note', name };
}
