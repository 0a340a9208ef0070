// Placeholder until the bounded content readers land: plain text only.
import fs from 'node:fs/promises';

export type ContentKind = 'email' | 'pdf' | 'docx' | 'html' | 'text' | 'image';
export interface EmailFacts { from?: string; fromAddress?: string; to?: string; subject?: string; date?: Date; messageId?: string; bulk: boolean; automated: boolean }
export interface Attachment { filename: string; mimeType: string; content: Uint8Array }
export interface Content { text: string; title?: string; truncated: boolean; email?: EmailFacts; attachments?: Attachment[] }
export type ContentResult = { ok: true; content: Content } | { ok: false; reason: string };

export async function readContent(file: string, kind: ContentKind, options: { maxTextBytes: number; timeoutMs?: number; maxMemoryMB?: number; maxInputBytes?: number; ocr?: boolean }): Promise<ContentResult> {
  if (kind !== 'text') return { ok: false, reason: `${kind} is not read yet` };
  const text = (await fs.readFile(file)).subarray(0, options.maxTextBytes).toString('utf8');
  return { ok: true, content: { text, truncated: false } };
}
