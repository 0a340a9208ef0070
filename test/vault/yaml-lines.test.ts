import { describe, expect, test } from 'vitest';
import { editTopLevelKeys, topLevelKeyOf } from '../../src/vault/yaml-lines.js';

// Editing the agent's keys as lines: everything else in the user's YAML is left as written.

describe('editTopLevelKeys', () => {
  test.each([
    ['replaces a key where it stands', 'a: 1\nai_status: planned\nb: 2\n', { ai_status: 'ai_status: done\n' }, 'a: 1\nai_status: done\nb: 2\n'],
    ['appends a new key after the last line', 'zip: 02134   # kept\n', { ai_plan: 'ai_plan: x\n' }, 'zip: 02134   # kept\nai_plan: x\n'],
    ['adds the newline a last line lacked', 'a: 1', { b: 'b: 2\n' }, 'a: 1\nb: 2\n'],
    ['removes a key with its list lines', 'tags:\n  - a\n- b\nai_id: 7\nnext: 1\n', { tags: undefined }, 'ai_id: 7\nnext: 1\n'],
    ['keeps a blank line that ends the value', 'ai_id: 7\n\n# comment\nx: 1\n', { ai_id: undefined }, '\n# comment\nx: 1\n'],
    ['replaces a folded block whole', 'm: >\n  one\n\n  two\nk: v\n', { m: 'm: z\n' }, 'm: z\nk: v\n'],
    ['matches quoted keys', '"ai_status": planned\n', { ai_status: 'ai_status: done\n' }, 'ai_status: done\n'],
    ['never touches a key inside a block', 'parent:\n  ai_status: mine\n', { ai_status: 'ai_status: done\n' }, 'parent:\n  ai_status: mine\nai_status: done\n'],
    ['writes CRLF when told', 'a: 1\r\n', { b: 'b: 2\r\n' }, 'a: 1\r\nb: 2\r\n'],
    ['starts from nothing', '', { a: 'a: 1\n' }, 'a: 1\n'],
  ])('%s', (_label, text, changes, expected) => {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    expect(editTopLevelKeys(text, changes, eol)).toBe(expected);
  });

  test('a key written twice is refused (the caller falls back to the YAML document)', () => {
    expect(editTopLevelKeys('a: 1\na: 2\n', { a: 'a: 3\n' }, '\n')).toBeUndefined();
  });
});

describe('topLevelKeyOf', () => {
  test.each([
    ['key: value', 'key'],
    ["'it''s': 1", "it's"],
    ['"q": 1', 'q'],
    ['  nested: 1', undefined],
    ['- item', undefined],
    ['# comment: no', undefined],
    ['url: https://x.org/a:b', 'url'],
    ['empty:', 'empty'],
  ])('%s', (line, key) => {
    expect(topLevelKeyOf(line)).toBe(key);
  });
});
