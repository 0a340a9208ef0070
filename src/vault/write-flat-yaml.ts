import type { Frontmatter } from './frontmatter.js';
import { isPlainString } from './simple-frontmatter.js';

// A fast writer for the flat frontmatter the agent writes itself (strings, byte counts, booleans,
// lists of strings), in the shape the snapshot's fast reader reads back. Anything else returns
// undefined and is written by the yaml library.

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
// Characters YAML does not allow raw in a double-quoted scalar, which JSON.stringify leaves raw.
// No UTF-8 file can hold one; the yaml library decides what to write instead.
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const NOT_PRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

export function writeFlatYaml(data: Frontmatter): string | undefined {
  let out = '';
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (!SIMPLE_KEY.test(key)) return undefined;
    if (!Array.isArray(value)) {
      const scalar = writeScalar(value);
      if (scalar === undefined) return undefined;
      out += `${key}: ${scalar}\n`;
      continue;
    }
    if (value.length === 0) return undefined;
    out += `${key}:\n`;
    for (const item of value) {
      const scalar = typeof item === 'string' ? writeScalar(item) : undefined;
      if (scalar === undefined) return undefined;
      out += `  - ${scalar}\n`;
    }
  }
  return out;
}

function writeScalar(value: unknown): string | undefined {
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
  if (typeof value !== 'string' || LONE_SURROGATE.test(value)) return undefined;
  if (isPlainString(value)) return value;
  // A JSON string is a valid YAML double-quoted scalar once the few non-printables are escaped.
  return JSON.stringify(value).replace(NOT_PRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
