import fsSync from 'node:fs';
import path from 'node:path';
import { describeFileAs } from '../planning/read-plan-item.js';
import { composeNote, stringifyFrontmatter, type Frontmatter } from '../vault/frontmatter.js';
import { toWikilink } from '../vault/wikilink.js';
import { createFileExclusive, exists, fitName, moveNoOverwrite, readHead, removeFile, splitExtension } from '../vault/files.js';
import { readEmailHeaders } from './email-headers.js';
import { hashFile } from './hash-file.js';
import { fileTypeOf, intakeFields } from './item-fields.js';
import { reserveNames, type IntakeOptions } from './name-reservations.js';

// Any other file moves unchanged, with a companion note "<name>.md" that describes it (§6).
// The companion is written first, so a crash leaves the file staged, never orphaned.
export async function takeInFile(stagedFile: string, originalName: string, id: string, received: Date, targetDir: string, reason?: string, { planAhead, reserved }: IntakeOptions = {}): Promise<{ name: string; companion: string; planned: boolean }> {
  const { size } = fsSync.statSync(stagedFile);
  const sha256 = await hashFile(stagedFile);
  const type = fileTypeOf(originalName);
  const email = type === 'email' ? readEmailHeaders(await readHead(stagedFile, 64 * 1024)) : {};
  for (let n = 1; ; n++) {
    const name = attachmentName(originalName, n);
    const companion = `${name}.md`;
    if (!reserveNames(reserved, name, companion) || (await exists(path.join(targetDir, name))) || (await exists(path.join(targetDir, companion)))) continue;
    const fields: Frontmatter = { ...intakeFields(id, type, received, originalName), attachment: name, size_bytes: size, sha256, ...email };
    if (reason) Object.assign(fields, { intake_note: reason });
    const body = companionBody(name, type, email);
    const plan = planAhead && (await planAhead({ fileName: companion, stem: name, id, type, received, frontmatter: fields, body, attachment: await describeFileAs(stagedFile, name, size) }));
    if (plan) Object.assign(fields, { status: 'planned', plan: toWikilink(plan.stem) });
    if (await createFileExclusive(path.join(targetDir, companion), composeNote(stringifyFrontmatter(fields), body))) {
      if (await moveNoOverwrite(stagedFile, path.join(targetDir, name))) return { name, companion, planned: !!plan };
      await removeFile(path.join(targetDir, companion));
    }
    await plan?.discard();
  }
}

// "name.pdf", "name (2).pdf"…, shortened so that its companion "<name>.md" still fits in 255 bytes.
function attachmentName(originalName: string, n: number): string {
  const { ext } = splitExtension(originalName);
  const suffix = `${n >= 2 ? ` (${n})` : ''}${ext}`;
  return `${fitName(originalName.slice(0, originalName.length - ext.length), `${suffix}.md`)}${suffix}`;
}

function companionBody(name: string, type: string, email: { from?: string; subject?: string }): string {
  const lines = [`![[${name}]]`, ''];
  if (type === 'email') lines.push(`Email from ${email.from ?? 'an unknown sender'}: ${email.subject ?? '(no subject)'}`, '');
  return lines.join('\n');
}
