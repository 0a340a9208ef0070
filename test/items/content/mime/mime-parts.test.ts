import { expect, test } from 'vitest';
import { findMimeLeaves } from '../../../../src/items/content/mime/mime-parts.js';

// The leaves of a message and their exact bodies, for the shapes real mail takes.

const bodies = (message: string) => {
  const raw = Buffer.from(message, 'latin1');
  return findMimeLeaves(raw).map((leaf) => [leaf.type, raw.toString('latin1', leaf.bodyStart, leaf.end)]);
};

test.each([
  ['a single part', 'Subject: x\r\n\r\nbody\r\n', [['text/plain', 'body\r\n']]],
  ['CRLF parts; the line end before a delimiter belongs to it', 'Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\n\r\none\r\n\r\n--B\r\nContent-Type: image/png\r\n\r\ntwo\r\n--B--\r\n', [['text/plain', 'one\r\n'], ['image/png', 'two']]],
  ['LF-only lines, a quoted boundary, spaces after a delimiter, no closing one', 'Content-Type: multipart/mixed;\n boundary="a b"\n\n--a b  \nContent-Type: text/html\n\n<p>x</p>\n--a b\n\nlast\n', [['text/html', '<p>x</p>'], ['text/plain', 'last\n']]],
  ['a nested multipart and a look-alike line that is no delimiter', 'Content-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: multipart/alternative; boundary=C\r\n\r\n--C\r\n\r\nplain --B inside\r\n--Bx\r\n--C--\r\n--B--\r\n', [['text/plain', 'plain --B inside\r\n--Bx']]],
  ['a digest, whose parts are messages by default', 'Content-Type: multipart/digest; boundary=D\r\n\r\n--D\r\n\r\nSubject: inner\r\n\r\nhi\r\n--D--\r\n', [['text/plain', 'hi']]],
])('%s', (_what, message, expected) => {
  expect(bodies(message)).toEqual(expected);
});
