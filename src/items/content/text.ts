import { clipText } from './clip-text.js';
import type { ContentResult } from './read-content.js';

// Plain text files: UTF-8 (or UTF-16 with its byte-order mark); a file with NUL bytes is not text.
export function readText(bytes: Buffer, maxTextBytes: number): ContentResult {
  const head = bytes.subarray(0, maxTextBytes + 4);
  if (head[0] === 0xff && head[1] === 0xfe) return { ok: true, content: clipText(new TextDecoder('utf-16le').decode(head.subarray(2)), maxTextBytes) };
  if (head[0] === 0xfe && head[1] === 0xff) return { ok: true, content: clipText(new TextDecoder('utf-16be').decode(head.subarray(2)), maxTextBytes) };
  if (head.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary data, not text' };
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  return { ok: true, content: { ...clipText(text, maxTextBytes), truncated: bytes.length > maxTextBytes || clipText(text, maxTextBytes).truncated } };
}
