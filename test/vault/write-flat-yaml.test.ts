import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseYamlData, stringifyFrontmatter } from '../../src/vault/frontmatter.js';
import { parseSimpleFrontmatter } from '../../src/vault/simple-frontmatter.js';
import { writeFlatYaml } from '../../src/vault/write-flat-yaml.js';

// The fast writer must never write something the YAML parser reads differently.

const TRICKY = ['', ' ', ':', ': ', '#', ' #', '"', "'", '\\', '-', '- ', '[', ']', '{', '}', '*', '&', '!', '|', '>', '%', '@', '`', ',', '?', '~', '\t', '\r', '\n', '\u0000', '\u007f', '\u0085', '\u2028', '\ufeff', '\ud800', 'é', '😀', '0', '1', '.', 'e', 'x', 'true', 'null', 'No', '.inf', '0x1f', '0o7', '2025-03-14', 'T10:00:00Z', '[[PLAN_x]]', '---', '...'];
const text = fc.oneof(fc.array(fc.constantFrom(...TRICKY), { maxLength: 5 }).map((parts) => parts.join('')), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));
const value = fc.oneof(text, fc.boolean(), fc.nat({ max: 2 ** 40 }), fc.array(text, { minLength: 1, maxLength: 3 }));
const key = fc.constantFrom('id', 'type', 'status', 'received', 'tags', 'size_bytes', 'a-b', 'plan', 'x_1');
const record = fc.dictionary(key, value, { maxKeys: 8 });

describe('writeFlatYaml', () => {
  test('what it writes parses back to the same data (full parser and fast reader)', () => {
    fc.assert(
      fc.property(record, (data) => {
        const yaml = writeFlatYaml(data);
        if (yaml === undefined) return;
        expect(parseYamlData(yaml)).toEqual(data);
        const fast = parseSimpleFrontmatter(Buffer.from(`---\n${yaml}---\n`));
        if (fast) expect(fast.data).toEqual(data);
      }),
      { numRuns: 5000 },
    );
  });

  test('writes the agent’s own fields plainly, quoting only what needs it', () => {
    const yaml = writeFlatYaml({ id: '20261122-051421-a1448f9c', status: 'planned', received: '2026-11-22T05:14:21.336Z', plan: '[[PLAN_smoke]]', size_bytes: 68, tags: ['ai-employee', 'note'], title: 'Call: the bank' });
    expect(yaml).toBe('id: 20261122-051421-a1448f9c\nstatus: planned\nreceived: 2026-11-22T05:14:21.336Z\nplan: "[[PLAN_smoke]]"\nsize_bytes: 68\ntags:\n  - ai-employee\n  - note\ntitle: "Call: the bank"\n');
  });

  test.each([[{ nested: { a: 1 } }], [{ empty: [] }], [{ ratio: 0.5 }], [{ 'a key': 'x' }], [{ n: null }]])('leaves %j to the yaml library', (data) => {
    expect(writeFlatYaml(data)).toBeUndefined();
    expect(parseYamlData(stringifyFrontmatter(data))).toEqual(data);
  });
});
