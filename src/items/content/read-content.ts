import fs from 'node:fs/promises';
import { readInProcess } from './read-in-process.js';
import { readText } from './text.js';

// §6.1: the text of a dropped file, read by the reader of its kind. Everything but plain text is
// parsed in a child process with a memory limit and a timeout, so a hostile file cannot hurt the run.

export type ContentKind = 'email' | 'pdf' | 'docx' | 'html' | 'text' | 'image';
export interface EmailFacts { from?: string; fromAddress?: string; to?: string; subject?: string; date?: Date; messageId?: string; bulk: boolean; automated: boolean }
export interface Attachment { filename: string; mimeType: string; content: Uint8Array }
export interface Content {
  text: string;
  title?: string;
  truncated: boolean;
  email?: EmailFacts;
  attachments?: Attachment[];
  // An email's quoted replies and signature: kept for search, never weighed by the planners.
  quoted?: string;
}
export type ContentResult = { ok: true; content: Content } | { ok: false; reason: string };

export interface ReadOptions {
  maxTextBytes: number;
  timeoutMs?: number;
  maxMemoryMB?: number;
  maxInputBytes?: number;
  ocr?: boolean;
}

const DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024;

// Used by intake for every file with a reader; never throws.
export async function readContent(file: string, kind: ContentKind, options: ReadOptions): Promise<ContentResult> {
  try {
    const stat = await fs.lstat(file);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    const limit = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (stat.size > limit) return { ok: false, reason: `larger than ${Math.round(limit / 1024 / 1024)} MB, not read` };
    if (kind === 'text') return readText(await fs.readFile(file), options.maxTextBytes);
    return await readInProcess(file, kind, options);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
