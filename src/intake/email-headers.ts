// Reads From, Subject and Date from the header block of an .eml file (RFC 5322, RFC 2047 words).

export interface EmailHeaders {
  from?: string;
  subject?: string;
  date?: string;
}

export function readEmailHeaders(head: Buffer): EmailHeaders {
  const text = head.toString('utf8');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers: EmailHeaders = {};
  for (const line of block.split(/\r?\n/)) {
    const match = /^(from|subject|date):\s*(.*)$/i.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase() as keyof EmailHeaders;
    if (headers[key] === undefined) headers[key] = cleanHeader(decodeEncodedWords(match[2]!));
  }
  return headers;
}

function cleanHeader(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 500);
}

// =?charset?B|Q?text?= → text (utf-8 and latin1 decoded; other charsets left as they are).
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (whole, charset: string, encoding: string, text: string) => {
      const label = charset.toLowerCase().split('*')[0]!;
      if (!['utf-8', 'utf8', 'iso-8859-1', 'latin1', 'us-ascii'].includes(label)) return whole;
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return bytes.toString(label.startsWith('utf') ? 'utf8' : 'latin1');
    });
}
