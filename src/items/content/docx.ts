import { clipText } from './clip-text.js';
import type { Content } from './read-content.js';

// A Word document's text with mammoth.
export async function readDocx(bytes: Uint8Array, maxTextBytes: number): Promise<Content> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return clipText(value, maxTextBytes);
}
