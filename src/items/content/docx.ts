import { clipText } from './clip-text.js';
import { checkDocxSize } from './docx-zip.js';
import type { Content } from './read-content.js';

// A Word document's text with mammoth, once its XML is known to unzip to a sane size.
export async function readDocx(bytes: Uint8Array, maxTextBytes: number): Promise<Content> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkDocxSize(buffer);
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.extractRawText({ buffer });
  return clipText(value, maxTextBytes);
}
