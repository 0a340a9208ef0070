import fs from 'node:fs/promises';
import path from 'node:path';
import type { PlanItem } from './planner.js';
import { readHead } from '../vault/files.js';
import { splitFrontmatter, type Frontmatter } from '../vault/frontmatter.js';
import { attachmentOf } from '../vault/companion.js';
import { noteStem } from '../vault/read-note-head.js';

const TEXT_ATTACHMENT = /\.(txt|text|csv|tsv|json|xml|html?|eml|log|ya?ml|ics|vcf)$/i;
const ATTACHMENT_HEAD_BYTES = 8 * 1024;

// Reads one item note as a planner sees it; undefined when it has no readable frontmatter.
export async function readPlanItem(dir: string, fileName: string, maxReadBytes: number, now: Date): Promise<{ item: PlanItem; data: Frontmatter } | undefined> {
  const head = await readHead(path.join(dir, fileName), maxReadBytes);
  const split = splitFrontmatter(head);
  if (split.kind === 'invalid') return undefined;
  const data = split.kind === 'yaml' ? split.data : {};
  const received = parseDate(data.received) ?? now;
  const item: PlanItem = {
    fileName,
    stem: noteStem(fileName),
    id: typeof data.id === 'string' ? data.id : '',
    type: typeof data.type === 'string' ? data.type : 'note',
    received,
    frontmatter: data,
    body: head.subarray(split.bodyOffset).toString('utf8'),
  };
  const attachment = attachmentOf(fileName, data);
  if (attachment) item.attachment = await describeAttachment(dir, attachment);
  return { item, data };
}

async function describeAttachment(dir: string, name: string): Promise<PlanItem['attachment']> {
  const file = path.join(dir, name);
  const stat = await fs.lstat(file).catch(() => undefined);
  return describeFileAs(file, name, stat?.isFile() ? stat.size : undefined);
}

// What a planner is told about an attachment: its name, size and, for text-like files, its first part.
export async function describeFileAs(file: string, name: string, size: number | undefined): Promise<NonNullable<PlanItem['attachment']>> {
  const described: NonNullable<PlanItem['attachment']> = { name, sizeBytes: size ?? 0 };
  if (size !== undefined && TEXT_ATTACHMENT.test(name)) described.textHead = (await readHead(file, ATTACHMENT_HEAD_BYTES)).toString('utf8');
  return described;
}

function parseDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
