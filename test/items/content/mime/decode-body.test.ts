import { describe, expect, test } from 'vitest';
import { decodeBody, decodeQuotedPrintable, decodeUuencode } from '../../../../src/items/content/mime/decode-body.js';

// A part's body decoded to the exact bytes it encodes; line ends stay as the message has them.

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('decodeBody', () => {
  test.each([
    ['base64 across CRLF lines', 'SGkg\r\ndGhlcmUu\r\nDQo=', 'base64', 'Hi there.\r\n'],
    ['base64 with junk and no padding', 'SGkg dGhlcmUuDQo', 'base64', 'Hi there.\r\n'],
    ['quoted-printable bytes and a soft line break', 'caf=C3=A9 =\r\nau lait\r\n', 'quoted-printable', 'caf\xC3\xA9 au lait\r\n'],
    ['quoted-printable soft break after trailing spaces, LF only', 'a= \t\nb', 'quoted-printable', 'ab'],
    ['quoted-printable keeps a "=" that encodes nothing', 'x=ZZ=3', 'quoted-printable', 'x=ZZ=3'],
    ['7bit keeps CRLF and adds nothing', 'Hi there.\r\n', '7bit', 'Hi there.\r\n'],
    ['binary keeps CRLF inside the bytes', '\x89PNG\r\n\x1a\n\x00\r\n', 'binary', '\x89PNG\r\n\x1a\n\x00\r\n'],
    ['an unknown encoding is taken as it stands', 'abc', 'x-made-up', 'abc'],
  ])('%s', (_what, body, encoding, expected) => {
    expect(decodeBody(bytes(body), encoding).toString('latin1')).toBe(expected);
  });

  test('uuencode: what `uuencode` wrote for "Cat\\r\\n" and 47 bytes of 0x00-0x2e', () => {
    // Lines as uuencode(1) writes them; the first character is the line's byte count + 32.
    const all = Buffer.from(Array.from({ length: 47 }, (_, i) => i));
    const encoded = `begin 644 x.bin\r\n${uuLine(Buffer.from('Cat\r\n'))}\r\n${uuLine(all)}\r\n\`\r\nend\r\n`;
    expect(decodeUuencode(bytes(encoded))).toEqual(Buffer.concat([Buffer.from('Cat\r\n'), all]));
    expect(decodeBody(bytes(encoded), 'x-uuencode')).toEqual(Buffer.concat([Buffer.from('Cat\r\n'), all]));
  });

  test('uuencode without a begin line is kept as it stands', () => {
    expect(decodeBody(bytes('not uuencoded'), 'x-uuencode').toString()).toBe('not uuencoded');
  });

  test('quoted-printable never grows', () => {
    expect(decodeQuotedPrintable(bytes('=41=42=43')).toString()).toBe('ABC');
  });
});

// An independent encoder, written from the format's description: 3 bytes → 4 characters of 6 bits + 32, "`" for 0.
function uuLine(data: Buffer): string {
  let line = String.fromCharCode(32 + data.length);
  for (let i = 0; i < data.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [data[i], data[i + 1], data[i + 2]];
    for (const sextet of [a >> 2, ((a & 3) << 4) | (b >> 4), ((b & 15) << 2) | (c >> 6), c & 63]) line += sextet === 0 ? '`' : String.fromCharCode(32 + sextet);
  }
  return line;
}
