import fsSync from 'node:fs';
import path from 'node:path';
import { composeNote, MAX_FRONTMATTER_BYTES, splitFrontmatter, stringifyFrontmatter, updateYaml, type Frontmatter } from '../vault/frontmatter.js';
import { createFileExclusive, exists, numberedName, readHead, type FileContent } from '../vault/files.js';
import { toWikilink } from '../vault/wikilink.js';
import { intakeFields } from './item-fields.js';
import { reserveNames, type IntakeOptions } from './name-reservations.js';

export const NOTE_HEAD_BYTES = MAX_FRONTMATTER_BYTES + 4096;

export type NoteIntake = { kind: 'note'; name: string; planned: boolean } | { kind: 'not-a-note'; reason: string };

// A markdown note: its frontmatter gains the intake fields, its body is copied byte for byte.
// With `planAhead`, a note read whole is planned first and written once, already linked to its plan.
export async function takeInNote(stagedFile: string, originalName: string, id: string, received: Date, targetDir: string, { planAhead, reserved }: IntakeOptions = {}): Promise<NoteIntake> {
  const head = await readHead(stagedFile, NOTE_HEAD_BYTES);
  const split = splitFrontmatter(head);
  if (split.kind === 'invalid') return { kind: 'not-a-note', reason: split.reason };
  const data = split.kind === 'yaml' ? split.data : {};
  const userType = typeof data.type === 'string' && data.type.trim() ? data.type : 'note';
  const fields = intakeFields(id, userType, received, originalName);
  const { size } = fsSync.statSync(stagedFile);
  const readWhole = size <= head.length;
  const body = head.subarray(split.bodyOffset);
  const planFor = readWhole ? planAhead : undefined;
  for (let n = 1; ; n++) {
    const name = numberedName(path.basename(originalName), n);
    if (!reserveNames(reserved, name) || (await exists(path.join(targetDir, name)))) continue;
    const plan = planFor && (await planFor({ fileName: name, stem: name.replace(/\.md$/i, ''), id, type: userType, received, frontmatter: { ...data, ...fields }, body: body.toString('utf8') }));
    const changes: Frontmatter = plan ? { ...fields, status: 'planned', plan: toWikilink(plan.stem) } : fields;
    const prefix = composeNote(split.kind === 'yaml' ? updateYaml(split.document, changes) : stringifyFrontmatter(changes));
    const content: FileContent = readWhole ? Buffer.concat([prefix, body]) : { prefix, copyFrom: stagedFile, fromOffset: split.bodyOffset };
    if (await createFileExclusive(path.join(targetDir, name), content)) return { kind: 'note', name, planned: !!plan };
    // The name was taken between the check and the write: a plan made for it belongs to no item.
    await plan?.discard();
  }
}
