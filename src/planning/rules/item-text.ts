import type { ItemKind } from '../../items/item.js';
import type { PlanItem } from '../planner.js';
import { cutCarriedParts } from './message-parts.js';
import { rememberLast } from './remember-last.js';

// The text of an item the rules read: what the user wrote or the file says, never the agent's own boilerplate.

const EMBED_LINE = /^\s*!?\[\[[^\]]*\]\]\s*$/;

// Used for steps and due dates: the item's text without embed-only lines; for a message (an email,
// a plain-text file) also without its quoted replies, forwarded part, signature and disclaimer.
export function readUserText(item: PlanItem): string {
  return item.kind === 'email' || item.kind === 'text' ? messageTextOf(item.text) : userTextOf(item.text);
}

const messageTextOf = rememberLast((text) => cutCarriedParts(userTextOf(text)));

const userTextOf = rememberLast((text) =>
  text
    .split(/\r?\n/)
    .filter((line) => !EMBED_LINE.test(line))
    .join('\n'),
);

// Used to tell an email from other items.
export function isEmail(item: PlanItem): boolean {
  return item.kind === 'email';
}

// Used to read a frontmatter field the user may have set to anything.
export function readStringField(item: PlanItem, key: string): string | undefined {
  const value = item.frontmatter[key];
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export type { ItemKind };

// Used to pick the fallback steps and the objective: the item's kind, by the rules' coarser names
// (a .docx or web page is a document like a PDF).
export function readItemKind(item: PlanItem): 'email' | 'pdf' | 'image' | 'file' | 'note' {
  if (item.kind === 'docx' || item.kind === 'html') return 'pdf';
  if (item.kind === 'text') return item.attachment ? 'file' : 'note';
  return item.kind;
}

// Used by the step and objective rules: the lines of a text outside ``` / ~~~ code fences.
export const readProseLines = rememberLast((text): readonly string[] => {
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
});

// Used for the plan's tag: the item's own kind (docx and html too), a plain-text file a note or a file
// as readItemKind says.
export function readKindTag(item: PlanItem): string {
  return item.kind === 'docx' || item.kind === 'html' ? item.kind : readItemKind(item);
}
