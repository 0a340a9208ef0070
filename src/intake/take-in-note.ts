import { createHash } from 'node:crypto';
import path from 'node:path';
import { itemFields } from '../items/item-fields.js';
import type { Item } from '../items/item.js';
import { changedYaml, composeNote } from '../vault/frontmatter.js';
import { createFileExclusive, exists, numberedName, type FileContent } from '../vault/files.js';
import { bodyOf, readNoteHead } from '../vault/note-file.js';
import { noteStem } from '../vault/note-link.js';
import { hashFile } from './hash-file.js';
import { claimHash, reserveNames, type IntakeOptions } from './name-reservations.js';
import { writeOrDropPlan } from './undo-plan-ahead.js';

export type NoteIntake = { kind: 'note'; name: string; planned: boolean; announcePlan?: () => void; duplicateOf?: string } | { kind: 'not-a-note'; reason: string };

// A markdown note: its frontmatter keeps every key the user wrote and gains the agent's ai_ fields;
// its body is copied byte for byte. With `planAhead`, a note read whole is planned first and
// written once, already linked to its plan; a note with the bytes of an open item is not planned.
export async function takeInNote(stagedFile: string, originalName: string, id: string, received: Date, targetDir: string, { planAhead, reserved, hashes, content }: IntakeOptions = {}): Promise<NoteIntake> {
  const note = await readNoteHead(stagedFile, content?.maxTextBytes ?? 256 * 1024);
  if (note.split.kind === 'invalid') return { kind: 'not-a-note', reason: note.split.reason };
  const readWhole = note.size <= note.head.length;
  const sha256 = readWhole ? createHash('sha256').update(note.head).digest('hex') : await hashFile(stagedFile);
  const body = bodyOf(note);
  const user = note.split.kind === 'yaml' ? note.split.data : {};
  const hash = await claimHash(hashes, sha256);
  try {
    for (let n = 1; ; n++) {
      const name = numberedName(path.basename(originalName), n);
      // Without reservations (a lone take-in), a taken name is found before planning for it.
      if (!reserveNames(reserved, name) || (!reserved && (await exists(path.join(targetDir, name))))) continue;
      const item: Item = { id, kind: 'note', status: 'needs_action', received, source: 'inbox', originalName, sha256, legacy: false };
      if (hash.duplicateOf) item.duplicateOf = noteStem(hash.duplicateOf);
      const planFor = readWhole && !hash.duplicateOf ? planAhead : undefined;
      const plan = planFor && (await planFor({ fileName: name, stem: noteStem(name), id, kind: 'note', received, frontmatter: user, text: body.toString('utf8') }));
      if (plan) Object.assign(item, { status: 'planned', plan: plan.stem });
      const prefix = composeNote(changedYaml(note.split, itemFields(item)), '', note.split.kind === 'yaml' ? note.split : undefined);
      const content: FileContent = readWhole ? Buffer.concat([prefix, body]) : { prefix, copyFrom: stagedFile, fromOffset: note.split.bodyOffset };
      if (await writeOrDropPlan(plan, () => createFileExclusive(path.join(targetDir, name), content))) {
        hash.settle(hash.duplicateOf ? undefined : name);
        return { kind: 'note', name, planned: !!plan, ...(plan ? { announcePlan: plan.announce } : {}), ...(hash.duplicateOf ? { duplicateOf: hash.duplicateOf } : {}) };
      }
      // The name was taken between the check and the write: a plan made for it belongs to no item.
      await plan?.discard();
    }
  } catch (error) {
    hash.settle(undefined);
    throw error;
  }
}
