// The leaves of a MIME message with their byte ranges in the raw message, found without decoding
// anything: what postal-mime cannot give (it reads line by line and drops line ends, so a part's
// exact bytes are lost). Boundaries are matched as postal-mime matches them (RFC 2046: "--" and
// the boundary at a line start, "--" after it on the last one, then only spaces or tabs).

export interface MimeLeaf {
  // The part from its first header line to the end of its body.
  start: number;
  bodyStart: number;
  end: number;
  // The raw header block (up to the blank line), for rewriting.
  header: Buffer;
  type: string;
  disposition: string;
  encoding: string;
}

const MAX_DEPTH = 50;

// Used by the email reader on every message; never throws on malformed input, it just finds less.
export function findMimeLeaves(raw: Buffer): MimeLeaf[] {
  const leaves: MimeLeaf[] = [];
  walk(raw, 0, raw.length, 'text/plain', 0, leaves, false);
  return leaves;
}

// A message/rfc822 part shown inline is parsed by postal-mime as a message of its own, so its
// parts are walked too; inside a multipart/report it is saved whole (postal-mime's rule).
function walk(raw: Buffer, start: number, end: number, defaultType: string, depth: number, leaves: MimeLeaf[], inReport: boolean): void {
  const bodyStart = headerEnd(raw, start, end);
  const header = raw.subarray(start, bodyStart);
  const fields = headerFields(header.toString('latin1'));
  const contentType = fields.get('content-type');
  const type = contentType === undefined ? defaultType : (/^\s*([^;\s]*)/.exec(contentType)![1]!.toLowerCase());
  const boundary = type.startsWith('multipart/') ? boundaryOf(contentType!) : undefined;
  if (!boundary || depth >= MAX_DEPTH) {
    const disposition = (/^\s*([^;\s]*)/.exec(fields.get('content-disposition') ?? '')![1] ?? '').toLowerCase();
    const encoding = (/[\w-]+/.exec((fields.get('content-transfer-encoding') ?? '').replace(/\([^)]*\)/g, ''))?.[0] ?? '').toLowerCase();
    const inline = type === 'message/rfc822' && disposition !== 'attachment' && !inReport && ['', '7bit', '8bit', 'binary'].includes(encoding);
    if (inline && depth < MAX_DEPTH) walk(raw, bodyStart, end, 'text/plain', depth + 1, leaves, false);
    else leaves.push({ start, bodyStart, end, header, type, disposition, encoding });
    return;
  }
  const childType = type === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
  const delimiters = findDelimiters(raw, bodyStart, end, Buffer.from(`--${boundary}`, 'latin1'));
  // A message cut short (no closing delimiter): its last part runs to the end, as postal-mime reads it.
  if (delimiters.length && !delimiters.at(-1)!.last) delimiters.push({ before: end, next: end, last: true });
  for (let i = 0; i + 1 < delimiters.length && !delimiters[i]!.last; i++) {
    walk(raw, delimiters[i]!.next, delimiters[i + 1]!.before, childType, depth + 1, leaves, inReport || type === 'multipart/report');
  }
}

// Where the body starts: after the first empty line (CRLF or LF), or at `end` when there is none.
function headerEnd(raw: Buffer, start: number, end: number): number {
  if (raw[start] === 0x0a) return start + 1;
  if (raw[start] === 0x0d && raw[start + 1] === 0x0a) return start + 2;
  for (let at = raw.indexOf(0x0a, start); at !== -1 && at < end; at = raw.indexOf(0x0a, at + 1)) {
    if (raw[at + 1] === 0x0a) return Math.min(at + 2, end);
    if (raw[at + 1] === 0x0d && raw[at + 2] === 0x0a) return Math.min(at + 3, end);
  }
  return end;
}

// Header name (lower case) → its unfolded value; the first of a repeated header wins.
export function headerFields(header: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of header.split(/\r?\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, field.slice(colon + 1).replace(/\r?\n[ \t]/g, ' ').trim());
  }
  return fields;
}

function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentType);
  const value = match?.[1]?.replace(/\\(.)/g, '$1') ?? match?.[2];
  return value || undefined;
}

interface Delimiter { before: number; next: number; last: boolean }

// Each delimiter line: `before` is where the previous part ends (the line end before the
// delimiter belongs to it, RFC 2046), `next` where the following part starts.
function findDelimiters(raw: Buffer, start: number, end: number, dashBoundary: Buffer): Delimiter[] {
  const found: Delimiter[] = [];
  for (let at = raw.indexOf(dashBoundary, start); at !== -1 && at < end; at = raw.indexOf(dashBoundary, at + 1)) {
    if (at !== start && raw[at - 1] !== 0x0a) continue;
    let tail = at + dashBoundary.length;
    const last = raw[tail] === 0x2d && raw[tail + 1] === 0x2d;
    if (last) tail += 2;
    while (tail < end && (raw[tail] === 0x20 || raw[tail] === 0x09 || raw[tail] === 0x0d)) tail++;
    if (tail < end && raw[tail] !== 0x0a) continue;
    const before = at === start ? at : raw[at - 2] === 0x0d ? at - 2 : at - 1;
    found.push({ before: Math.max(before, start), next: Math.min(tail + 1, end), last });
    if (last) break;
  }
  return found;
}
