import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/vault/frontmatter.js';
import { parseSimpleFrontmatter } from '../../src/vault/simple-frontmatter.js';

// The snapshot's fast path must never read a note differently from the full frontmatter parser.

function full(text: string) {
  const split = splitFrontmatter(Buffer.from(text));
  return split.kind === 'yaml' ? { data: split.data, bodyOffset: split.bodyOffset } : undefined;
}

const TRICKY = ['', ' ', ':', ': ', '#', ' #', '"', "'", '\\', '-', '- ', '[', ']', '{', '}', '*', '&', '!', '|', '>', '%', '@', '`', ',', '?', '~', '\t', '\r', '\u2028', '\ufeff', '\u0085', 'é', '0', '1', '.', 'e', 'x', 'true', 'null', '.inf', '0x1f', '0o7', '2025-03-14', 'T10:00:00Z', '[[PLAN_x]]', '---', '...'];
const fragment = fc.constantFrom(...TRICKY);
const value = fc.array(fragment, { maxLength: 5 }).map((parts) => parts.join(''));
const key = fc.constantFrom('id', 'type', 'status', 'priority', 'due', 'plan', 'title', 'true', 'null', '1', '__proto__', 'a-b', 'x y');
const line = fc.oneof(
  fc.tuple(key, value).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, value).map(([k, v]) => `${k}: "${v}"`),
  fc.tuple(key, value).map(([k, v]) => `${k}:${v}`),
  fc.constant('tags:'),
  value.map((v) => `  - ${v}`),
  fc.tuple(key, fc.array(value, { maxLength: 3 }), fc.constantFrom(', ', ',', ' , ')).map(([k, items, comma]) => `${k}: [${items.join(comma)}]`),
  value.map((v) => `  - "${v}"`),
  fc.constantFrom('size_bytes: 0', 'size_bytes: 68', 'size_bytes: 007', 'size_bytes: -1', 'size_bytes: 1e3', 'size_bytes: 9999999999999999999'),
  value,
);

describe('parseSimpleFrontmatter', () => {
  test('reads the frontmatter the agent writes', () => {
    const text = '---\nid: 20250314-abc\ntype: note\nreceived: 2025-03-14T08:00:00.000Z\nplan: "[[PLAN_Call the bank]]"\ntitle: He said "hi" to O\'Brien\n---\n# Body\n';
    const fast = parseSimpleFrontmatter(Buffer.from(text));
    expect(fast).toEqual(full(text));
    expect(fast?.data).toEqual({ id: '20250314-abc', type: 'note', received: '2025-03-14T08:00:00.000Z', plan: '[[PLAN_Call the bank]]', title: 'He said "hi" to O\'Brien' });
  });

  test('reads the plans and companions the agent writes: block lists of strings, byte counts', () => {
    const text = '---\nid: a\nsize_bytes: 68\ntags:\n  - ai-employee\n  - "[[x]]"\nstatus: pending\n---\n';
    const fast = parseSimpleFrontmatter(Buffer.from(text));
    expect(fast).toEqual(full(text));
    expect(fast?.data).toEqual({ id: 'a', size_bytes: 68, tags: ['ai-employee', '[[x]]'], status: 'pending' });
  });

  test('reads the flow lists users type for tags', () => {
    const text = '---\ntitle: Contract 11\ntags: [work, q4]\naliases: []\nkeywords: [ spaced out ,x]\n---\n# Body\n';
    const fast = parseSimpleFrontmatter(Buffer.from(text));
    expect(fast).toEqual(full(text));
    expect(fast?.data).toEqual({ title: 'Contract 11', tags: ['work', 'q4'], aliases: [], keywords: ['spaced out', 'x'] });
  });

  test.each([
    '---\npriority: high # mine\n---\n',
    '---\ntags:\n---\n',
    '---\ntags:\n - a\n---\n',
    '---\nsize: 007\n---\n',
    '---\ndone: true\n---\n',
    '---\ntags: [a, 1]\n---\n',
    '---\ntags: [a, ]\n---\n',
    '---\nplan: [[PLAN_x]]\n---\n',
    '---\ntags: [a: b]\n---\n',
    '---\nid: a\nid: b\n---\n',
    '---\r\nid: a\r\n---\r\n',
    '---\nid: a\n...\n',
    '---js\nid: a\n---\n',
    '---\nnested:\n  x: 1\n---\n',
  ])('leaves %j to the full parser', (text) => {
    expect(parseSimpleFrontmatter(Buffer.from(text))).toBeUndefined();
  });

  test('agrees with the full parser whenever it answers', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.string({ maxLength: 20 }), (lines, body) => {
        const text = `---\n${lines.join('\n')}\n---\n${body}`;
        const fast = parseSimpleFrontmatter(Buffer.from(text));
        if (fast !== undefined) expect(fast).toEqual(full(text));
      }),
      { numRuns: 3000 },
    );
  });
});
