import type { PlanItem } from '../planner.js';

// The text of an item the rules read: what the user wrote, never the agent's own boilerplate.

const EMBED_LINE = /^\s*!?\[\[[^\]]*\]\]\s*$/;

// Used for the attachment of a companion note: its text head when it reads as text (an .eml, a .txt),
// nothing for binary heads (a PDF's raw bytes, an image). An email's header block is dropped.
export function readAttachmentText(item: PlanItem): string {
  const head = item.attachment?.textHead;
  if (!head || !looksLikeText(head)) return '';
  return isEmail(item) ? dropHeaderBlock(head) : head;
}

// Used for steps and due dates: a companion's body is written by intake, so only the attachment
// counts; a note's body is the user's own. Embed-only lines are dropped either way.
export function readUserText(item: PlanItem): string {
  const text = item.attachment ? readAttachmentText(item) : item.body;
  return text
    .split(/\r?\n/)
    .filter((line) => !EMBED_LINE.test(line))
    .join('\n');
}

// Used to tell an email from other items: its type, or an .eml attachment.
export function isEmail(item: PlanItem): boolean {
  return item.type === 'email' || /\.eml$/i.test(item.attachment?.name ?? '');
}

// Used to read a frontmatter field the user or intake may have set to anything.
export function readStringField(item: PlanItem, key: string): string | undefined {
  const value = item.frontmatter[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function looksLikeText(head: string): boolean {
  if (head.startsWith('%PDF') || head.includes('\u0000')) return false;
  const sample = head.slice(0, 4096);
  const odd = sample.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return odd <= sample.length * 0.02;
}

function dropHeaderBlock(text: string): string {
  const blank = /\r?\n\r?\n/.exec(text);
  return blank ? text.slice(blank.index + blank[0].length) : '';
}

// What kind of thing an item is, for fallback steps, the objective and a tag.
export type ItemKind = 'email' | 'pdf' | 'image' | 'file' | 'note';

const IMAGE = /\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|svg|avif)$/i;

// Used to pick the fallback steps, the objective and a tag: what kind of thing the item is.
export function readItemKind(item: PlanItem): ItemKind {
  if (isEmail(item)) return 'email';
  const name = item.attachment?.name;
  if (name === undefined) return item.type === 'file_drop' ? 'file' : 'note';
  if (/\.pdf$/i.test(name)) return 'pdf';
  return IMAGE.test(name) ? 'image' : 'file';
}

// Used by the step and objective rules: the lines of a text outside ``` / ~~~ code fences.
export function readProseLines(text: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const marker = /^\s*(```|~~~)/.exec(line)?.[1];
    if (marker && (fence === undefined || fence === marker)) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence === undefined) lines.push(line);
  }
  return lines;
}
