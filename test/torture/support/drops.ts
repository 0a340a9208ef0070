import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Random } from './seeded-random.js';

// Files a user drops into Inbox/, with what each must look like after intake:
// a note keeps its body byte for byte; every other file (and a note whose frontmatter is broken) keeps all its bytes.

export type DropKind = 'note' | 'fm-note' | 'bad-fm-note' | 'binary' | 'eml';

export interface Drop {
  name: string;
  kind: DropKind;
  bytes: Buffer;
  // A unique string inside the body of a note, to find it again wherever it went.
  marker: string;
  // For notes: the bytes that must follow the frontmatter after intake.
  body?: Buffer;
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const STEMS = ['report', 'Invoice ACME', 'call bob', 'notes', 'Überweisung', 'scan', '会议', 'todo list', 'x'];

// `n` drops whose names sometimes repeat `reuse` (names already taken in Needs_Action/) or each other's " (2)" variants.
export function makeDrops(random: Random, n: number, wave: string, reuse: string[] = []): Drop[] {
  const drops: Drop[] = [];
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    const kind = random.pick<DropKind>(['note', 'note', 'note', 'fm-note', 'fm-note', 'bad-fm-note', 'binary', 'binary', 'eml']);
    const marker = `marker-${wave}-${i}-${random.int(0, 1e9)}`;
    let name = reuse.length > 0 && random.next() < 0.3 ? random.pick(reuse) : nameFor(random, kind, wave, i);
    if (used.has(name) || kindOfName(name) !== kindOfName(nameFor(random, kind, wave, i))) name = nameFor(random, kind, wave, i);
    if (used.has(name)) continue;
    used.add(name);
    drops.push({ name, kind, marker, ...contentFor(random, kind, marker) });
  }
  return drops;
}

function kindOfName(name: string): string {
  return /\.(md|MD)$/.test(name) ? 'md' : /\.eml$/.test(name) ? 'eml' : 'bin';
}

function nameFor(random: Random, kind: DropKind, wave: string, i: number): string {
  const stem = `${random.pick(STEMS)}${random.next() < 0.5 ? '' : ` ${wave}${i}`}`;
  const numbered = random.next() < 0.1 ? `${stem} (2)` : stem;
  if (kind === 'eml') return `${numbered}.eml`;
  if (kind === 'binary') return `${numbered}${random.pick(['.pdf', '.jpg', '.bin', ''])}`;
  return `${numbered}${random.pick(['.md', '.md', '.MD'])}`;
}

function contentFor(random: Random, kind: DropKind, marker: string): { bytes: Buffer; body?: Buffer } {
  const body = Buffer.from(`${marker}\nPlease call the bank by Friday.\n- [ ] pay invoice\n${'lorem ipsum '.repeat(random.int(0, 40))}\n`);
  switch (kind) {
    case 'note':
      return { bytes: body, body };
    case 'fm-note': {
      const fm = Buffer.from(`---\ntitle: "${marker}"\npriority: ${random.pick(['high', 'low', 'normal'])}\ntags: [a, b]\n# a comment\n---\n`);
      return { bytes: Buffer.concat([fm, body]), body };
    }
    case 'bad-fm-note':
      return { bytes: Buffer.concat([Buffer.from(`---\nkey: [unclosed\n---\n`), body]) };
    case 'eml':
      return { bytes: Buffer.from(`From: Bob <bob@example.com>\r\nSubject: ${marker}\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nHello\r\n`) };
    case 'binary': {
      const bytes = Buffer.alloc(random.int(1, 64 * 1024));
      for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(0, 255);
      bytes.write(marker, 0);
      return { bytes };
    }
  }
}

// Drops every file into Inbox/ with an mtime in the past, so intake need not wait for it to settle.
export async function dropAll(vault: string, drops: Drop[]): Promise<void> {
  const past = new Date(Date.now() - 60_000);
  for (const drop of drops) {
    const file = path.join(vault, 'Inbox', drop.name);
    await fs.writeFile(file, drop.bytes);
    await fs.utimes(file, past, past);
  }
}

// Whether a drop moves as a note (body kept) or as a file with a companion (all bytes kept).
export function isNoteDrop(drop: Drop): boolean {
  return drop.kind === 'note' || drop.kind === 'fm-note';
}
