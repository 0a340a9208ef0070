import { createHash } from 'node:crypto';
import { isAgentKey } from '../items/item-fields.js';
import type { Item } from '../items/item.js';
import { changedYaml, composeNote, splitFrontmatter } from '../vault/frontmatter.js';
import { editTopLevelKeys, topLevelKeyOf } from '../vault/yaml-lines.js';

// A note as the user dropped it: the item note without the agent's fields. Intake kept the body byte
// for byte and recorded the original's sha256, so each way of taking the fields out is checked
// against it; when none matches (the note changed since), the user's text as it is now comes back.

// Drops the agent's top-level keys (and their continuation lines) from the YAML lines.
function withoutAgentLines(yamlText: string, item: Item): string {
  const agentKeys = yamlText.split(/(?<=\n)/).map(topLevelKeyOf).filter((key): key is string => key !== undefined && isAgentKey(key, item));
  return editTopLevelKeys(yamlText, Object.fromEntries(agentKeys.map((key) => [key, undefined])), '\n') ?? yamlText;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface OriginalNote {
  bytes: Buffer;
  // true when the bytes have the sha256 recorded at intake: exactly what was dropped.
  exact: boolean;
}

// Used by undo on an item note read whole.
export function originalNoteBytes(note: Buffer, item: Item): OriginalNote {
  const split = splitFrontmatter(note);
  if (split.kind !== 'yaml') return { bytes: note, exact: item.sha256 === sha256(note) };
  const body = note.subarray(split.bodyOffset);
  const head = note.subarray(0, split.bodyOffset).toString('utf8');
  const opening = /^[^\n]*\n/.exec(head)?.[0] ?? '---\n';
  const closing = /\n([^\n]*\n?)$/.exec(head.slice(opening.length - 1))?.[1] ?? '---\n';
  const yamlLines = head.slice(opening.length, head.length - closing.length);
  const userLines = withoutAgentLines(yamlLines, item);
  const agentKeys = Object.keys(split.data).filter((key) => isAgentKey(key, item));
  const candidates = [
    userLines.trim() === '' ? body : Buffer.concat([Buffer.from(opening + userLines + closing), body]),
    Buffer.concat([Buffer.from(opening + userLines + closing), body]),
    composeNote(changedYaml(split, Object.fromEntries(agentKeys.map((key) => [key, undefined]))), body, split),
  ];
  const exact = candidates.find((candidate) => sha256(candidate) === item.sha256);
  return exact ? { bytes: exact, exact: true } : { bytes: candidates[0]!, exact: false };
}
