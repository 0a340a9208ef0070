import type { Frontmatter } from './frontmatter.js';

// The attachment of a companion note "X.md" is "X"; an `attachment` key on any other note
// (a user could write one) is ignored, so no note can drag another file along with it.
export function attachmentOf(itemName: string, data: Frontmatter): string | undefined {
  const attachment = data.attachment;
  if (typeof attachment !== 'string' || `${attachment}.md` !== itemName) return undefined;
  return attachment;
}
