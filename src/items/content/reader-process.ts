import fs from 'node:fs/promises';
import { readDocx } from './docx.js';
import { DocxTooLargeError } from './docx-zip.js';
import { readEmail } from './email.js';
import { readHtml } from './html.js';
import { readImage } from './image.js';
import { readPdf } from './pdf.js';
import type { Content, ContentKind } from './read-content.js';

// The child process that parses files, one request at a time: its heap is capped, and the parent
// kills it on a timeout and starts a fresh one after a number of files. Its stdout and stderr go
// nowhere (pdf.js warns about fonts); a heap overflow aborts this process only.

const READERS: Record<Exclude<ContentKind, 'text'>, (bytes: Uint8Array, maxTextBytes: number) => Promise<Content>> = {
  email: readEmail,
  pdf: readPdf,
  docx: readDocx,
  html: readHtml,
  image: readImage,
};

export interface ReadRequest {
  file: string;
  kind: Exclude<ContentKind, 'text'>;
  maxTextBytes: number;
}

if (process.send) {
  // The run that started this reader is gone: nobody waits for the answer.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: ReadRequest) => void answer(request));
}

async function answer({ file, kind, maxTextBytes }: ReadRequest): Promise<void> {
  let reply: unknown;
  try {
    reply = { ok: true, content: await READERS[kind](new Uint8Array(await fs.readFile(file)), maxTextBytes) };
  } catch (error) {
    reply = { ok: false, reason: describe(error) };
  }
  process.send!(reply);
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return 'encrypted, not read';
  if (error instanceof DocxTooLargeError || message.startsWith('not a valid .docx')) return message;
  if (/end of central directory|zip/i.test(message)) return 'not a valid .docx (not a zip archive)';
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
