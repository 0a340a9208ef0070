import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readDocx } from './docx.js';
import { readEmail } from './email.js';
import { readHtml } from './html.js';
import { readImage } from './image.js';
import { readPdf } from './pdf.js';
import type { Content, ContentKind } from './read-content.js';

// The worker thread that parses files, one request at a time: its memory is capped, and the parent
// terminates it on a timeout and starts a fresh one after a number of files.

// What the readers print (pdf.js warns about fonts) is dropped here: the parent shows none of it,
// and a worker that had written to its stdio kept the parent process alive after unref() until
// it was stopped (Node 20), so a --once with one PDF took ~3 s instead of ~1 s.
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) console[method] = () => {};
const dropOutput = (...args: unknown[]): boolean => {
  const done = args.find((arg) => typeof arg === 'function') as (() => void) | undefined;
  done?.();
  return true;
};
process.stdout.write = process.stderr.write = dropOutput as typeof process.stdout.write;
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

parentPort!.on('message', async ({ file, kind, maxTextBytes }: ReadRequest) => {
  try {
    const content = await READERS[kind](new Uint8Array(await fs.readFile(file)), maxTextBytes);
    parentPort!.postMessage({ ok: true, content }, (content.attachments ?? []).map((a) => a.content.buffer as ArrayBuffer));
  } catch (error) {
    parentPort!.postMessage({ ok: false, reason: describe(error) });
  }
});

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return 'encrypted, not read';
  if (/end of central directory|zip/i.test(message)) return 'not a valid .docx (not a zip archive)';
  return message.replace(/\s+/g, ' ').slice(0, 200);
}
