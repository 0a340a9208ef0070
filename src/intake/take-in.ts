import fsSync from 'node:fs';
import type { VaultLayout } from '../vault/layout.js';
import { isNoteName } from '../vault/list-items.js';
import type { IntakeOptions } from './name-reservations.js';
import type { Claim } from './staging.js';
import { takeInFile } from './take-in-file.js';
import { takeInNote } from './take-in-note.js';

export class NotRegularFileError extends Error {
  override name = 'NotRegularFileError';
}

export interface TakenItem {
  // The item note in Needs_Action/ (the companion, for a file).
  item: string;
  attachment?: string;
  // An email's attachments saved beside it.
  attachments: string[];
  planned: boolean;
  // Logs the plan made at intake; called after the item's own "took in" line.
  announcePlan?: () => void;
  duplicateOf?: string;
  unread?: string;
}

// Turns one claimed file into an item in Needs_Action/ (the caller then releases the claim).
export async function takeInStaged(layout: VaultLayout, { staged: stagedFile, name: originalName, id }: Claim, received: Date, options: IntakeOptions = {}): Promise<TakenItem> {
  // Listed as a regular file, but it may have been swapped for a symlink or a FIFO since: never follow or open those.
  if (!fsSync.lstatSync(stagedFile).isFile()) throw new NotRegularFileError(`${originalName} is no longer a regular file (replaced after it was listed); it was not opened`);
  let reason: string | undefined;
  if (isNoteName(originalName)) {
    const note = await takeInNote(stagedFile, originalName, id, received, layout.needsAction, options);
    if (note.kind === 'note') return { item: note.name, planned: note.planned, announcePlan: note.announcePlan, attachments: [], ...(note.duplicateOf ? { duplicateOf: note.duplicateOf } : {}) };
    reason = note.reason;
  }
  const file = await takeInFile(stagedFile, originalName, id, received, layout.needsAction, reason, options);
  const { companion: item, name: attachment, ...rest } = file;
  return { item, attachment, ...rest };
}
