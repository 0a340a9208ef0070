import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';

import { itemFields } from '../../src/items/item-fields.js';
import type { Item } from '../../src/items/item.js';
import { changedYaml, composeNote, splitFrontmatter } from '../../src/vault/frontmatter.js';
import { originalNoteBytes } from '../../src/undo/original-note-bytes.js';

// Intake adds the agent's lines after the user's; undo takes them out again and checks the sha256 intake recorded.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function takeIn(original: string): { note: Buffer; item: Item } {
  const item: Item = { id: '20261203-090000-0000abcd', kind: 'note', status: 'planned', received: new Date(2026, 11, 3, 9), source: 'inbox', originalName: 'a.md', plan: 'PLAN_a', attachments: ['x.png', 'y.png'], sha256: sha256(original), legacy: false };
  const bytes = Buffer.from(original);
  const split = splitFrontmatter(bytes);
  const body = bytes.subarray(split.kind === 'yaml' ? split.bodyOffset : 0);
  return { note: composeNote(changedYaml(split, itemFields(item)), body), item };
}

describe('originalNoteBytes', () => {
  test.each([
    { label: 'no frontmatter', original: 'Call Bob.\n' },
    { label: 'empty file body after frontmatter', original: '---\ntitle: x\n---\n' },
    { label: 'spaces, comments and flow lists as typed', original: '---\ntitle:   "A  b"\ntags: [a,b]\n# mine\n---\nbody\n' },
    { label: 'a block list and a block scalar last', original: '---\ntags:\n- a\n- b\nsummary: |\n  two\n  lines\n---\nbody' },
    { label: 'user keys the agent also uses unprefixed', original: '---\ntype: meeting\nstatus: open\nid: 7\nsource: mail\n---\nx\n' },
  ])('$label: exactly the dropped bytes', ({ original }) => {
    const { note, item } = takeIn(original);
    expect(note.toString()).toContain('ai_attachments:');
    const restored = originalNoteBytes(note, item);
    expect(restored.bytes.toString()).toBe(original);
    expect(restored.exact).toBe(true);
  });

  test('a note changed since it was taken in comes back as it is now, without the agent fields, and says so', () => {
    const { note, item } = takeIn('---\ntitle: x\n---\nbody\n');
    const restored = originalNoteBytes(Buffer.from(`${note.toString()}more\n`), item);
    expect(restored.bytes.toString()).toBe('---\ntitle: x\n---\nbody\nmore\n');
    expect(restored.exact).toBe(false);
  });
});
