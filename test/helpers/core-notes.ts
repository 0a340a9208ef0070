import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Stage, StageContext, StageResult } from '../../src/pipeline/stage.js';

// Reading notes back the way a user (or Obsidian) would: fenced YAML on top, then the body bytes.

export interface ReadBack {
  data: Record<string, any>;
  yamlText: string;
  body: Buffer;
}

// Splits a note written by the agent: "---" on its first line (after the user's byte-order mark, if
// their note had one, and with their line ending), closed by a "---" line.
export function splitNoteBytes(bytes: Buffer): ReadBack {
  const text = bytes.toString('latin1');
  const opening = /^(?:\xEF\xBB\xBF)?---\r?\n/.exec(text);
  if (!opening) throw new Error(`note does not start with a frontmatter fence: ${JSON.stringify(text.slice(0, 40))}`);
  const start = opening[0].length;
  const match = /^---\r?$/m.exec(text.slice(start));
  if (!match) throw new Error('note has no closing fence');
  const yamlEnd = start + match.index;
  const bodyStart = yamlEnd + match[0].length + 1;
  const yamlText = bytes.subarray(start, yamlEnd).toString('utf8');
  return { data: (parse(yamlText) ?? {}) as Record<string, any>, yamlText, body: bytes.subarray(bodyStart) };
}

export async function readNote(file: string): Promise<ReadBack> {
  return splitNoteBytes(await fs.readFile(file));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function sha256File(file: string): Promise<string> {
  return sha256(await fs.readFile(file));
}

// Runs stages in order on one context, like an iteration, and returns each stage's result.
export async function runStages(ctx: StageContext, stages: Stage[]): Promise<StageResult[]> {
  const results: StageResult[] = [];
  for (const stage of stages) results.push(await stage.run(ctx));
  return results;
}

// Every file below `dir` (relative paths), for "exactly one place" checks.
export async function listFilesDeep(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const entry of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}
