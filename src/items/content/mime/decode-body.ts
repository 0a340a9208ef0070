// A MIME part's body decoded by its Content-Transfer-Encoding, to the exact bytes it encodes:
// base64, quoted-printable, uuencode (x-uuencode, x-uue); anything else (7bit, 8bit, binary, none,
// unknown) is the bytes as they stand.

// Used for every attachment saved from an email.
export function decodeBody(body: Buffer, encoding: string): Buffer {
  switch (encoding) {
    case 'base64':
      return Buffer.from(body.toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    case 'x-uuencode':
    case 'x-uue':
    case 'uuencode':
    case 'uue':
      return decodeUuencode(body) ?? body;
    default:
      return body;
  }
}

const hex = (byte: number | undefined): number => {
  if (byte === undefined) return -1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const lower = byte | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
};

// "=XX" is a byte, "=" at a line end (spaces or tabs may follow it) joins the lines; a "=" that is
// neither stays as it is; line ends are kept as they are in the message.
export function decodeQuotedPrintable(body: Buffer): Buffer {
  const out = Buffer.alloc(body.length);
  let length = 0;
  for (let at = 0; at < body.length; at++) {
    const byte = body[at]!;
    if (byte !== 0x3d) {
      out[length++] = byte;
      continue;
    }
    const high = hex(body[at + 1]);
    const low = hex(body[at + 2]);
    if (high >= 0 && low >= 0) {
      out[length++] = high * 16 + low;
      at += 2;
      continue;
    }
    let soft = at + 1;
    while (body[soft] === 0x20 || body[soft] === 0x09) soft++;
    if (body[soft] === 0x0d && body[soft + 1] === 0x0a) at = soft + 1;
    else if (body[soft] === 0x0a) at = soft;
    else if (soft >= body.length) at = soft;
    else out[length++] = byte;
  }
  return out.subarray(0, length);
}

// "begin <mode> <name>", lines whose first character says how many bytes they hold, "end".
// Undefined when there is no begin line (the caller keeps the body as it is).
export function decodeUuencode(body: Buffer): Buffer | undefined {
  const lines = body.toString('latin1').split(/\r?\n/);
  const begin = lines.findIndex((line) => /^begin(?:-base64)? [0-7]{3,4} /.test(line));
  if (begin === -1 || lines[begin]!.startsWith('begin-base64')) return undefined;
  const chunks: Buffer[] = [];
  for (const line of lines.slice(begin + 1)) {
    if (line === 'end' || line.startsWith('end ')) break;
    const count = (line.charCodeAt(0) - 32) & 63;
    if (count === 0) continue;
    const chunk = Buffer.alloc(Math.ceil(count / 3) * 3);
    const sextet = (i: number) => ((line.charCodeAt(i) || 32) - 32) & 63;
    for (let group = 0, at = 1; group < chunk.length; group += 3, at += 4) {
      const [a, b, c, d] = [sextet(at), sextet(at + 1), sextet(at + 2), sextet(at + 3)];
      chunk[group] = (a << 2) | (b >> 4);
      chunk[group + 1] = ((b & 15) << 4) | (c >> 2);
      chunk[group + 2] = ((c & 3) << 6) | d;
    }
    chunks.push(chunk.subarray(0, count));
  }
  return Buffer.concat(chunks);
}
