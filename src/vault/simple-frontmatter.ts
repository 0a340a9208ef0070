// A fast path for the frontmatter the agent itself writes ("key: value" lines, block lists of strings) and the
// flow lists users type (`tags: [work, q4]`), used when reading
// thousands of note heads for the dashboard. Anything beyond that plain subset returns undefined and is
// read by the full parser (splitFrontmatter), so both always agree on what they accept.

import type { Frontmatter } from './frontmatter.js';

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
// Plain scalars the YAML core schema reads as something other than a string (null, booleans, numbers).
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9][0-9_]*|\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F]+|0o[0-7]+)$/;
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
// Tabs, control characters and byte-order marks are left to the full parser.
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function readValue(raw: string): string | undefined {
  const value = raw.trimEnd();
  if (value.startsWith('"')) {
    const inner = value.slice(1, -1);
    return value.length >= 2 && value.endsWith('"') && !/["\\]/.test(inner) ? inner : undefined;
  }
  return isPlainString(value) ? value : undefined;
}

// A string YAML's core schema reads back unchanged when written without quotes (one line, no
// indicator at its start, no ": " or " #", not null/bool/number-like, no surrounding blanks).
export function isPlainString(value: string): boolean {
  return (
    PLAIN_START.test(value) &&
    value === value.trim() &&
    !UNSAFE_LINE.test(value) &&
    !value.includes(': ') &&
    !value.includes(' #') &&
    !value.endsWith(':') &&
    !NOT_A_STRING.test(value)
  );
}

// Non-negative integers as the agent writes them (size_bytes), well inside the safe integer range.
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;
const LIST_ITEM = /^ {2}- (.*)$/;

// "key:" followed by "  - value" lines (how the agent writes tags); a key with no items is null in
// YAML, so it is left to the full parser.
function readBlockList(lines: string[], from: number): { items: string[]; next: number } | undefined {
  const items: string[] = [];
  let i = from;
  for (; i < lines.length; i++) {
    const item = LIST_ITEM.exec(lines[i]!);
    if (!item) break;
    if (UNSAFE_LINE.test(lines[i]!)) return undefined;
    const value = readValue(item[1]!);
    if (value === undefined) return undefined;
    items.push(value);
  }
  return items.length > 0 ? { items, next: i } : undefined;
}

// `[a, b]` of plain words, as users write tags; anything a flow context reads specially is left to the full parser.
const FLOW_LIST = /^\[([^[\]{}"'#:]*)\]$/;

function readFlowList(value: string): string[] | undefined {
  const inner = FLOW_LIST.exec(value.trimEnd())?.[1];
  if (inner === undefined) return undefined;
  if (inner.trim() === '') return [];
  const items = inner.split(',').map((item) => item.trim());
  return items.every(isPlainString) ? items : undefined;
}

// The frontmatter of a head that is only flat "key: string" lines, and where the body starts; else undefined.
export function parseSimpleFrontmatter(head: Uint8Array): { data: Frontmatter; bodyOffset: number } | undefined {
  const buf = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const open = buf.subarray(0, 4).toString('latin1') === '---\n' ? 4 : undefined;
  if (open === undefined) return undefined;
  const close = buf.indexOf('\n---\n', open - 1);
  if (close === -1) return undefined;
  let text: string;
  try {
    text = strictUtf8.decode(buf.subarray(open, close));
  } catch {
    return undefined;
  }
  const data: Frontmatter = Object.create(null) as Frontmatter;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const match = KEY_LINE.exec(line);
    if (!match || UNSAFE_LINE.test(line)) return undefined;
    const key = match[1]!;
    if (key in data || key === '__proto__' || NOT_A_STRING.test(key)) return undefined;
    if (match[2] === undefined) {
      const list = readBlockList(lines, i + 1);
      if (!list) return undefined;
      data[key] = list.items;
      i = list.next - 1;
      continue;
    }
    const value = DECIMAL.test(match[2]) ? Number(match[2]) : match[2].startsWith('[') ? readFlowList(match[2]) : readValue(match[2]);
    if (value === undefined) return undefined;
    data[key] = value;
  }
  return { data: { ...data }, bodyOffset: close + 5 };
}
