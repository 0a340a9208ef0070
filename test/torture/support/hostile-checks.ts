import fs from 'node:fs/promises';
import path from 'node:path';
import { splitFrontmatter } from '../../../src/vault/frontmatter.js';
import { readFiles } from './vault-invariants.js';

// Plain data only: strings, numbers, booleans, null, arrays and plain objects, all the way down.
export function plainDataProblem(value: unknown, at = '$'): string | undefined {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return undefined;
  if (typeof value !== 'object') return `${at} is a ${typeof value}`;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = plainDataProblem(v, `${at}[${i}]`);
      if (p) return p;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return `${at} is not a plain object`;
  for (const [k, v] of Object.entries(value)) {
    const p = plainDataProblem(v, `${at}.${k}`);
    if (p) return p;
  }
  return undefined;
}

// Where a dropped file went: still in Inbox/ as it was, or one item in Needs_Action/ that kept its bytes
// (a note: its body after the new frontmatter; any other file: every byte, beside a companion note).
export async function dropProblems(vault: string, name: string, bytes: Buffer): Promise<string | undefined> {
  const inInbox = await fs.readFile(path.join(vault, 'Inbox', name)).catch(() => undefined);
  const items = (await readFiles(vault, 'Needs_Action')).filter((f) => f.data?.ai_original_name === name);
  if (inInbox && items.length === 0) return inInbox.equals(bytes) ? undefined : `Inbox/${name} changed`;
  if (inInbox || items.length !== 1) return `${JSON.stringify(name)}: in Inbox ${!!inInbox}, ${items.length} items`;
  const item = items[0]!;
  const attachment = item.data!.ai_attachment;
  if (typeof attachment === 'string' && item.data!.ai_sha256) {
    const moved = await fs.readFile(path.join(vault, 'Needs_Action', attachment)).catch(() => undefined);
    return moved?.equals(bytes) ? undefined : `${JSON.stringify(name)}: attachment bytes differ`;
  }
  const split = splitFrontmatter(bytes);
  const body = split.kind === 'yaml' ? bytes.subarray(split.bodyOffset) : bytes;
  return item.body!.equals(body) ? undefined : `${JSON.stringify(name)}: body differs`;
}

const LOG_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} - (DEBUG|INFO|WARNING|ERROR) - [^\r\n]*$/;

// Every line of the text log (and its rotated files) is one well-formed line.
export async function badLogLines(logsDir: string): Promise<string[]> {
  const names = (await fs.readdir(logsDir)).filter((n) => /^ai_employee\.log(\.\d+)?$/.test(n));
  const bad: string[] = [];
  for (const name of names) {
    const text = await fs.readFile(path.join(logsDir, name), 'utf8');
    if (text !== '' && !text.endsWith('\n')) bad.push(`${name} ends mid-line`);
    for (const line of text.split('\n').slice(0, -1)) if (!LOG_LINE.test(line) || /[\u0000-\u001f\u007f]/.test(line)) bad.push(`${name}: ${JSON.stringify(line)}`);
  }
  return bad;
}
