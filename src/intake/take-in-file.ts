import fsSync from 'node:fs';
import path from 'node:path';
import { QUOTED_LABEL, renderCompanionBody, type TextSection } from '../items/companion-body.js';
import type { Content } from '../items/content/read-content.js';
import { itemFields } from '../items/item-fields.js';
import type { Item } from '../items/item.js';
import { kindOfFile } from '../items/kinds.js';
import { readFileContent, saneEmailFacts, type ContentOptions } from '../items/read-file-content.js';
import { composeNote, stringifyFrontmatter } from '../vault/frontmatter.js';
import { createFileExclusive, exists, fitName, moveNoOverwrite, numberedName, removeFile, splitExtension, withScratchFile } from '../vault/files.js';
import { noteStem } from '../vault/note-link.js';
import { safeAttachmentName } from './attachment-names.js';
import { hashFile } from './hash-file.js';
import { claimHash, reserveNames, type IntakeOptions } from './name-reservations.js';
import { writeOrDropPlan } from './undo-plan-ahead.js';

export interface FileIntake {
  name: string;
  companion: string;
  planned: boolean;
  // Logs the plan made at intake, once the item is in place.
  announcePlan?: () => void;
  attachments: string[];
  duplicateOf?: string;
  // Why no text was read from it, for the log.
  unread?: string;
}

const NO_CONTENT: ContentOptions = { maxTextBytes: 256 * 1024, ocr: false };

// Any other file moves unchanged, with a companion note "<name>.md" that describes it and holds the
// text read from it (§6, §6.1). The companion is written first, so a crash leaves the file staged,
// never orphaned; an email's attachments are saved beside it, each under a free name.
export async function takeInFile(stagedFile: string, originalName: string, id: string, received: Date, targetDir: string, reason?: string, { planAhead, reserved, hashes, content: contentOptions = NO_CONTENT }: IntakeOptions = {}): Promise<FileIntake> {
  const { size } = fsSync.statSync(stagedFile);
  const sha256 = await hashFile(stagedFile);
  const kind = reason ? 'file' : kindOfFile(originalName).kind;
  const hash = await claimHash(hashes, sha256);
  const read = hash.duplicateOf || reason ? ({ ok: 'none' } as const) : await readFileContent(stagedFile, originalName, contentOptions);
  const content = read.ok === true ? read.content : undefined;
  const unread = read.ok === false ? read.reason : undefined;
  try {
    for (let n = 1; ; n++) {
      const name = attachmentName(originalName, n);
      const companion = `${name}.md`;
      if (!reserveNames(reserved, name, companion) || (await exists(path.join(targetDir, name))) || (await exists(path.join(targetDir, companion)))) continue;
      const saved = await chooseAttachmentNames(content, targetDir, reserved);
      const item: Item = { id, kind, status: 'needs_action', received, source: 'inbox', originalName, attachment: name, sizeBytes: size, sha256, legacy: false };
      describeContent(item, content, received, saved.map((a) => a.name));
      if (reason) item.intakeNote = reason;
      else if (unread) item.intakeNote = `no text was read: ${unread}`;
      if (hash.duplicateOf) item.duplicateOf = noteStem(hash.duplicateOf);
      const sections = await textSections(content, saved, targetDir, contentOptions);
      const body = renderCompanionBody({ file: name, attachments: saved.map((a) => a.name), sections: sections.texts, ...(unread ? { missing: unread } : {}) });
      const plan = !hash.duplicateOf && planAhead
        ? await planAhead({ fileName: companion, stem: name, id, kind, received, frontmatter: {}, text: sections.texts.map((s) => s.text).join('\n\n'), ...planFacts(item), attachment: { name, sizeBytes: size } })
        : undefined;
      if (plan) Object.assign(item, { status: 'planned', plan: plan.stem });
      const placed = await writeOrDropPlan(plan, () => placeFile(stagedFile, targetDir, name, companion, composeNote(stringifyFrontmatter(itemFields(item)), body), saved));
      if (placed) {
        hash.settle(hash.duplicateOf ? undefined : companion);
        return { name, companion, planned: !!plan, ...(plan ? { announcePlan: plan.announce } : {}), attachments: placed, ...(hash.duplicateOf ? { duplicateOf: hash.duplicateOf } : {}), ...(unread ? { unread } : {}) };
      }
      await plan?.discard();
    }
  } catch (error) {
    hash.settle(undefined);
    throw error;
  }
}

// Companion first, then the attachments, then the file itself; the saved attachments' names, or
// undefined when a name was taken. A failure before the file is in place removes what was written
// (a companion beside no file would be an item without its file); the staged file stays staged.
async function placeFile(stagedFile: string, targetDir: string, name: string, companion: string, note: Buffer, saved: SavedAttachment[]): Promise<string[] | undefined> {
  if (!(await createFileExclusive(path.join(targetDir, companion), note))) return undefined;
  const written: string[] = [];
  const undo = async () => {
    for (const attachment of written) await removeFile(path.join(targetDir, attachment));
    await removeFile(path.join(targetDir, companion));
  };
  try {
    await writeAttachments(saved, targetDir, written);
    if (await moveNoOverwrite(stagedFile, path.join(targetDir, name))) return written;
  } catch (error) {
    if (!(await exists(path.join(targetDir, name)))) await undo().catch(() => {});
    throw error;
  }
  await undo();
  return undefined;
}

function planFacts(item: Item): { title?: string; email?: NonNullable<Item['email']> } {
  const title = item.title ?? item.email?.subject;
  return { ...(title ? { title } : {}), ...(item.email ? { email: item.email } : {}) };
}

function describeContent(item: Item, content: Content | undefined, received: Date, attachments: string[]): void {
  if (!content) return;
  if (content.title) item.title = content.title.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, 300);
  if (content.email) item.email = saneEmailFacts(content.email, received);
  if (attachments.length > 0) item.attachments = attachments;
}

interface SavedAttachment {
  name: string;
  bytes: Uint8Array;
}

// Free names for an email's attachments, reserved in this run (written only once the companion is).
async function chooseAttachmentNames(content: Content | undefined, dir: string, reserved: Set<string> | undefined): Promise<SavedAttachment[]> {
  const saved: SavedAttachment[] = [];
  for (const [index, attachment] of (content?.attachments ?? []).entries()) {
    const base = safeAttachmentName(attachment.filename, index + 1);
    for (let n = 1; ; n++) {
      const name = numberedName(base, n);
      if (saved.some((s) => s.name === name) || !reserveNames(reserved, name, `${name}.md`) || (await exists(path.join(dir, name))) || (await exists(path.join(dir, `${name}.md`)))) continue;
      saved.push({ name, bytes: attachment.content });
      break;
    }
  }
  return saved;
}

// Each written name goes into `written` as soon as it exists, so a failure part-way can remove them.
async function writeAttachments(saved: SavedAttachment[], dir: string, written: string[]): Promise<void> {
  for (const attachment of saved) if (await createFileExclusive(path.join(dir, attachment.name), attachment.bytes)) written.push(attachment.name);
}

// The file's own text, then each readable attachment's (its bytes in a temp file while they are read).
async function textSections(content: Content | undefined, saved: SavedAttachment[], dir: string, options: ContentOptions): Promise<{ texts: TextSection[] }> {
  const texts: TextSection[] = [];
  if (content && content.text.trim() !== '') texts.push({ label: '', text: content.text });
  for (const attachment of saved) {
    const text = await readAttachmentText(attachment, dir, options);
    if (text) texts.push({ label: attachment.name, text });
  }
  if (content?.quoted) texts.push({ label: QUOTED_LABEL, text: content.quoted });
  return { texts };
}

async function readAttachmentText(attachment: SavedAttachment, dir: string, options: ContentOptions): Promise<string | undefined> {
  if (!kindOfFile(attachment.name).reader) return undefined;
  return withScratchFile(dir, attachment.bytes, async (file) => {
    const result = await readFileContent(file, attachment.name, options);
    return result.ok === true && result.content.text.trim() !== '' ? result.content.text : undefined;
  });
}

// "name.pdf", "name (2).pdf"…, shortened so that its companion "<name>.md" still fits in 255 bytes.
function attachmentName(originalName: string, n: number): string {
  const { ext } = splitExtension(originalName);
  const suffix = `${n >= 2 ? ` (${n})` : ''}${ext}`;
  return `${fitName(originalName.slice(0, originalName.length - ext.length), `${suffix}.md`)}${suffix}`;
}
