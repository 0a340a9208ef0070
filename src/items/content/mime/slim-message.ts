import { randomUUID } from 'node:crypto';
import { decodeBody } from './decode-body.js';
import { findMimeLeaves, headerFields, type MimeLeaf } from './mime-parts.js';
import { decodeUtf7 } from './utf-7.js';

// The message postal-mime is given: the same structure and headers, but every attachment's body
// replaced by a marker (its exact bytes are decoded here from the raw message instead, and
// postal-mime never inflates them), and each text part cut to what the planners can use. Text in
// UTF-7, or in a charset nobody knows but that is valid UTF-8, is handed over as UTF-8.

export interface SlimMessage {
  raw: Buffer;
  // Marks every replaced body; text that shows it means postal-mime saw the parts differently.
  token: string;
  // A part cut short, so the text is known to be truncated.
  clipped: boolean;
  // The exact bytes of the attachment whose content postal-mime gives as this marker, if it is one.
  exactBytes(content: Uint8Array): Buffer | undefined;
}

interface Patch { start: number; end: number; bytes: Buffer }

// Used by the email reader before postal-mime; `maxTextPartBytes` bounds each text part as it
// stands in the message (encoded, with its markup).
export function slimMessage(raw: Buffer, maxTextPartBytes: number): SlimMessage {
  const token = `ai-employee-part-${randomUUID()}`;
  const leaves = findMimeLeaves(raw);
  const patches: Patch[] = [];
  let clipped = false;
  leaves.forEach((leaf, n) => {
    const patch = patchFor(raw, leaf, `${token}-${n}`, maxTextPartBytes);
    if (patch) patches.push(patch);
    if (patch?.clipped) clipped = true;
  });
  const rootHeaderEnd = leaves[0]?.start === 0 ? leaves[0].bodyStart : headerLength(raw);
  if (patches[0]?.start !== 0 && /=\?utf-7\?/i.test(raw.toString('latin1', 0, rootHeaderEnd))) {
    patches.unshift({ start: 0, end: rootHeaderEnd, bytes: Buffer.from(utf7Words(raw.toString('latin1', 0, rootHeaderEnd)), 'latin1') });
  }
  const pieces: Buffer[] = [];
  let at = 0;
  for (const patch of patches) {
    pieces.push(raw.subarray(at, patch.start), patch.bytes);
    at = patch.end;
  }
  pieces.push(raw.subarray(at));
  const marker = new RegExp(`^${token}-(\\d+)\\s*$`);
  return {
    raw: Buffer.concat(pieces),
    token,
    clipped,
    exactBytes(content) {
      if (content.byteLength > token.length + 16) return undefined;
      const n = marker.exec(Buffer.from(content).toString('latin1'))?.[1];
      const leaf = n === undefined ? undefined : leaves[Number(n)];
      return leaf && decodeBody(raw.subarray(leaf.bodyStart, leaf.end), leaf.encoding);
    },
  };
}

function patchFor(raw: Buffer, leaf: MimeLeaf, marker: string, maxTextPartBytes: number): (Patch & { clipped?: boolean }) | undefined {
  // A nested message saved whole (an inline one was walked into): left as it is.
  if (leaf.type === 'message/rfc822') return undefined;
  const isText = leaf.disposition !== 'attachment' && (leaf.type === 'text/plain' || leaf.type === 'text/html');
  if (!isText) return { start: leaf.start, end: leaf.end, bytes: Buffer.concat([rewriteHeader(leaf.header, { encoding: '7bit' }), Buffer.from(marker)]) };
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(headerFields(leaf.header.toString('latin1')).get('content-type') ?? '')?.[1]?.toLowerCase();
  let end = leaf.end;
  if (end - leaf.bodyStart > maxTextPartBytes) {
    const cut = raw.lastIndexOf(0x0a, leaf.bodyStart + maxTextPartBytes);
    end = cut > leaf.bodyStart ? cut : leaf.bodyStart + maxTextPartBytes;
  }
  const clipped = end < leaf.end;
  const asUtf8 = charset ? utf8Of(raw.subarray(leaf.bodyStart, end), leaf.encoding, charset) : undefined;
  if (asUtf8) return { start: leaf.start, end: leaf.end, bytes: Buffer.concat([rewriteHeader(leaf.header, { encoding: '8bit', charset: 'utf-8' }), asUtf8]), clipped };
  if (clipped || /=\?utf-7\?/i.test(leaf.header.toString('latin1'))) return { start: leaf.start, end: leaf.end, bytes: Buffer.concat([rewriteHeader(leaf.header, {}), raw.subarray(leaf.bodyStart, end)]), clipped };
  return undefined;
}

// UTF-7 text, or text in an unknown charset that is valid UTF-8, as UTF-8 bytes; else undefined.
function utf8Of(body: Buffer, encoding: string, charset: string): Buffer | undefined {
  if (charset === 'utf-7' || charset === 'unicode-1-1-utf-7') return Buffer.from(decodeUtf7(decodeBody(body, encoding).toString('latin1')), 'utf8');
  try {
    new TextDecoder(charset);
    return undefined;
  } catch {
    const bytes = decodeBody(body, encoding);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return bytes;
    } catch {
      return undefined;
    }
  }
}

// The header block again, with a new transfer encoding and charset when given, UTF-7 encoded
// words as UTF-8 ones, and the blank line that ends it.
function rewriteHeader(header: Buffer, change: { encoding?: string; charset?: string }): Buffer {
  const fields = header.toString('latin1').replace(/(?:\r?\n)+$/, '').split(/\r?\n(?![ \t])/).filter((field) => field !== '');
  const kept = fields
    .filter((field) => !(change.encoding && /^content-transfer-encoding\s*:/i.test(field)))
    .map((field) => (change.charset && /^content-type\s*:/i.test(field) ? field.replace(/(;\s*charset\s*=\s*)("[^"]*"|[^;\s]+)/i, `$1${change.charset}`) : field))
    .map(utf7Words);
  if (change.encoding) kept.push(`Content-Transfer-Encoding: ${change.encoding}`);
  return Buffer.from(`${kept.join('\r\n')}\r\n\r\n`, 'latin1');
}

function utf7Words(text: string): string {
  return text.replace(/=\?utf-7\?([bq])\?([^?]*)\?=/gi, (_word, kind: string, data: string) => {
    const bytes = kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return `=?utf-8?B?${Buffer.from(decodeUtf7(bytes.toString('latin1')), 'utf8').toString('base64')}?=`;
  });
}

// Where the first blank line ends the top-level header block.
export function headerLength(raw: Buffer): number {
  const lf = raw.indexOf('\n\n');
  const crlf = raw.indexOf('\r\n\r\n');
  const ends = [lf === -1 ? -1 : lf + 2, crlf === -1 ? -1 : crlf + 4].filter((n) => n >= 0);
  return ends.length ? Math.min(...ends) : raw.length;
}
