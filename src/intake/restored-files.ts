import fs from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../vault/files.js';
import type { VaultLayout } from '../vault/layout.js';

// Files `ai-employee undo` put back in Inbox/: intake leaves each alone while it is the very file
// undo left there (same name, device, inode, size and modification time), so it is not taken in
// again at once. Once the user edits, replaces, renames or removes it, its record is dropped.

export interface RestoredFile {
  name: string;
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
}

type Fingerprint = Omit<RestoredFile, 'name'>;

// .ai-employee/restored.json, beside state.json (its own file: undo and the runner never write the same one).
export function restoredFilesPath(layout: VaultLayout): string {
  return path.join(layout.agentDir, 'restored.json');
}

async function fingerprintOf(file: string): Promise<Fingerprint | undefined> {
  const stat = await fs.lstat(file, { bigint: true }).catch(() => undefined);
  if (!stat?.isFile()) return undefined;
  return { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs) };
}

// The records; none when the file is missing or unreadable (then intake simply takes everything).
export async function readRestoredFiles(layout: VaultLayout): Promise<RestoredFile[]> {
  let text: string;
  try {
    text = await fs.readFile(restoredFilesPath(layout), 'utf8');
  } catch {
    return [];
  }
  try {
    const data: unknown = JSON.parse(text);
    return Array.isArray(data) ? data.filter((entry): entry is RestoredFile => typeof entry?.name === 'string' && typeof entry?.ino === 'string') : [];
  } catch {
    return [];
  }
}

async function writeRestoredFiles(layout: VaultLayout, records: RestoredFile[]): Promise<void> {
  await fs.mkdir(layout.agentDir, { recursive: true });
  await writeFileAtomic(restoredFilesPath(layout), `${JSON.stringify(records, null, 2)}\n`);
}

// Used by undo before the file appears in Inbox/ under `name` (a rename keeps what is recorded).
export async function recordRestoredFile(layout: VaultLayout, name: string, file: string): Promise<void> {
  const fingerprint = await fingerprintOf(file);
  if (!fingerprint) throw new Error(`${file} is not a regular file`);
  const records = (await readRestoredFiles(layout)).filter((record) => record.name !== name);
  await writeRestoredFiles(layout, [...records, { name, ...fingerprint }]);
}

// Used by undo when the file could not be put back after all.
export async function forgetRestoredFile(layout: VaultLayout, name: string): Promise<void> {
  const records = await readRestoredFiles(layout);
  if (records.some((record) => record.name === name)) await writeRestoredFiles(layout, records.filter((record) => record.name !== name));
}

const same = (a: Fingerprint, b: Fingerprint) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs;

// Used by intake on the names it found in Inbox/: those to take, and those undo restored and nobody touched since.
export async function leaveRestoredFiles(layout: VaultLayout, names: string[], options: { dryRun: boolean }): Promise<{ take: string[]; leftAlone: string[] }> {
  const records = await readRestoredFiles(layout);
  if (records.length === 0) return { take: names, leftAlone: [] };
  const kept: RestoredFile[] = [];
  const leftAlone = new Set<string>();
  for (const record of records) {
    const now = names.includes(record.name) ? await fingerprintOf(path.join(layout.inbox, record.name)) : undefined;
    if (now && same(now, record)) {
      kept.push(record);
      leftAlone.add(record.name);
    }
  }
  if (kept.length !== records.length && !options.dryRun) await writeRestoredFiles(layout, kept);
  return { take: names.filter((name) => !leftAlone.has(name)), leftAlone: [...leftAlone] };
}
