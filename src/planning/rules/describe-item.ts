import { readItemKind, readProseLines, readStringField, readUserText } from './item-text.js';
import type { PlanItem } from '../planner.js';
import { toSingleLine } from '../single-line.js';

// The title and one-sentence objective of a rules plan.

// Used to keep plan titles to one short heading.
export const MAX_TITLE_LENGTH = 100;
const MAX_OBJECTIVE_LENGTH = 240;
const LINE_MARKUP = /^\s*(?:#{1,6}\s+|>\s*|(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?)/;
const HEADING = /^\s*#{1,6}\s+(.*\S)/;

// Used for the plan's "# title": frontmatter `title`, then an email's subject or a document's own
// title, then a note's name, then the body's first heading, then its first line with text, then the
// file name. One line, at most 100 characters.
export function chooseTitle(item: PlanItem): string {
  const lines = readProseLines(readUserText(item));
  // A note's name is its title (Obsidian's convention), unless it is still "Untitled".
  const named = item.kind === 'note' && !/^untitled(?: \d+)?$/i.test(item.stem.trim()) ? item.stem : undefined;
  // Tried in order, each read only if those before it gave nothing.
  const candidates = [
    () => readStringField(item, 'title'),
    () => item.title,
    () => named,
    () => lines.map((line) => HEADING.exec(line)?.[1]).find((heading) => heading !== undefined),
    () => lines.map((line) => line.replace(LINE_MARKUP, '')).find((line) => /[\p{L}\p{N}]/u.test(line)),
    () => item.stem,
  ];
  for (const candidate of candidates) {
    const title = toSingleLine(candidate() ?? '', MAX_TITLE_LENGTH);
    if (title !== '') return title;
  }
  return 'Untitled item';
}

// Used for the plan's "## Objective": one sentence saying what handling the item means.
export function writeObjective(item: PlanItem, title: string): string {
  const kind = readItemKind(item);
  const name = toSingleLine(item.attachment?.name ?? item.stem, MAX_TITLE_LENGTH);
  if (kind === 'email') return describeEmail(item, title);
  if (kind === 'pdf') return `Review the document ${name} and act on what it asks for.`;
  if (kind === 'image') return `Look at the image ${name} and file it where it belongs.`;
  if (kind === 'file') return `Review the file ${name} and decide what to do with it.`;
  const first = readFirstSentence(item);
  return first ?? `Handle the note "${title}".`;
}

function describeEmail(item: PlanItem, title: string): string {
  const from = item.email?.from;
  const subject = item.email?.subject ?? title;
  const sender = from ? ` from ${toSingleLine(from, 80)}` : '';
  return toSingleLine(`Handle the email${sender} about "${toSingleLine(subject, MAX_TITLE_LENGTH)}".`, MAX_OBJECTIVE_LENGTH);
}

function readFirstSentence(item: PlanItem): string | undefined {
  for (const line of readProseLines(readUserText(item))) {
    if (HEADING.test(line) || /^\s*(?:[-*+]|\d+[.)])\s+\[.\]/.test(line)) continue;
    const text = toSingleLine(line.replace(LINE_MARKUP, ''), 1000);
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const sentence = /^.*?[.!?](?=\s|$)/u.exec(text)?.[0] ?? `${text.replace(/[:;,\s]+$/, '')}.`;
    return toSingleLine(sentence, MAX_OBJECTIVE_LENGTH);
  }
  return undefined;
}
