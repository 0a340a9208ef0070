import { expect, test } from 'vitest';
import { decodeUtf7 } from '../../../../src/items/content/mime/utf-7.js';

// RFC 2152's own examples, and the plus sign.
test.each([
  ['A+ImIDkQ.', 'A≢Α.'],
  ['Hi Mom -+Jjo--!', 'Hi Mom -☺-!'],
  ['+ZeVnLIqe-', '日本語'],
  ['Fr+APY-sche', 'Frösche'],
  ['1 +- 1 = 2', '1 + 1 = 2'],
  ['no plus at all', 'no plus at all'],
])('%s', (encoded, decoded) => {
  expect(decodeUtf7(encoded)).toBe(decoded);
});
