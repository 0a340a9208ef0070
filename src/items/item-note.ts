import fs from 'node:fs/promises';
import path from 'node:path';
import type { PlanItem } from '../planning/planner.js';
import type { Frontmatter } from '../vault/frontmatter.js';
import { bodyOf, readNoteHead, type NoteHead } from '../vault/note-file.js';
import { noteStem } from '../vault/note-link.js';
import { readCompanionText } from './companion-body.js';
import { readItem, userFields } from './item-fields.js';
import type { Item } from './item.js';

// An item note as every stage reads it: the agent's fields, the user's own keys, and the body.

export interface ItemNote {
  name: string;
  // Every key of its frontmatter.
  data: Frontmatter;
  // The agent's fields; undefined for a note the agent never took in (put straight into Needs_Action/).
  item: Item | undefined;
  // The user's own keys, which the agent never changes.
  user: Frontmatter;
  body: string;
  head: NoteHead;
}

export type ItemNoteRead = { ok: true; note: ItemNote } | { ok: false; reason: string };

// Reads `name` in `dir` with `bodyBytes` of its body; a note whose frontmatter is broken is not an item.
export async function readItemNote(dir: string, name: string, bodyBytes = 0): Promise<ItemNoteRead> {
  const head = await readNoteHead(path.join(dir, name), bodyBytes);
  if (head.split.kind === 'invalid') return { ok: false, reason: head.split.reason };
  const data = head.split.kind === 'yaml' ? head.split.data : {};
  const item = readItem(data);
  return { ok: true, note: { name, data, item, user: userFields(data, item), body: bodyOf(head).toString('utf8'), head } };
}

// The attachment of a companion note "X.md" is "X"; the field on any other note (a user could write
// one) is ignored, so no note can drag another file along with it.
export function attachmentOf(name: string, item: Item | undefined): string | undefined {
  const attachment = item?.attachment;
  return attachment !== undefined && `${attachment}.md` === name ? attachment : undefined;
}

// An email's saved attachments, the plain names beside it (never a path).
export function savedAttachmentsOf(item: Item | undefined): string[] {
  return (item?.attachments ?? []).filter((name) => name !== '' && !/[/\\]/.test(name) && !name.startsWith('.') && !name.endsWith('.md'));
}

// What a planner is given about an item note.
export async function toPlanItem(dir: string, note: ItemNote, item: Item): Promise<PlanItem> {
  const attachment = attachmentOf(note.name, item);
  const planItem: PlanItem = {
    fileName: note.name,
    stem: noteStem(note.name),
    id: item.id,
    kind: item.kind,
    received: item.received,
    frontmatter: note.user,
    text: attachment ? readCompanionText(note.body) : note.body,
  };
  const title = item.title ?? item.email?.subject;
  if (title) planItem.title = title;
  if (item.email) planItem.email = item.email;
  if (attachment) {
    const stat = await fs.lstat(path.join(dir, attachment)).catch(() => undefined);
    planItem.attachment = { name: attachment, sizeBytes: stat?.isFile() ? stat.size : (item.sizeBytes ?? 0) };
  }
  return planItem;
}
