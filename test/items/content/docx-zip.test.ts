import { describe, expect, test } from 'vitest';
import { checkDocxSize, DocxTooLargeError } from '../../../src/items/content/docx-zip.js';
import { makeDocx, makeZip } from '../../fixtures/content/make-docx.js';

// A .docx's XML is unzipped with a cap before mammoth sees it; the sizes the archive states are
// never trusted (a zip bomb states small ones).

const CAP = 1024 * 1024;
const paragraphs = (bytes: number) => Array.from({ length: Math.ceil(bytes / 40) }, (_, i) => `Paragraph ${i} of a long report.`);

describe('checkDocxSize', () => {
  test.each([
    ['a small stored .docx', makeDocx(['Dear tenant,'])],
    ['a small deflated .docx', makeDocx(['Dear tenant,'], { deflate: true })],
    ['images are not counted', makeZip({ 'word/document.xml': '<w:document/>', 'word/media/photo.png': 'x'.repeat(2 * CAP) }, { deflate: true })],
  ])('%s passes', (_what, zip) => {
    expect(() => checkDocxSize(zip, CAP)).not.toThrow();
  });

  test.each([
    ['deflated XML past the cap', makeDocx(paragraphs(2 * CAP), { deflate: true })],
    ['deflated XML past the cap whose headers claim 1 KB', makeDocx(paragraphs(2 * CAP), { deflate: true, claimedSize: 1024 })],
    ['stored XML past the cap', makeDocx(paragraphs(2 * CAP))],
    ['several XML parts that add up past the cap', makeZip({ 'word/document.xml': 'a'.repeat(CAP * 0.6), 'word/footnotes.xml': 'b'.repeat(CAP * 0.6) }, { deflate: true })],
  ])('%s is refused', (_what, zip) => {
    expect(() => checkDocxSize(zip, CAP)).toThrow(DocxTooLargeError);
  });

  test.each([
    ['no zip at all', Buffer.from('not a zip at all')],
    ['a zip cut short', makeDocx(['Dear tenant,'], { deflate: true }).subarray(0, 200)],
  ])('%s: not a valid .docx', (_what, bytes) => {
    expect(() => checkDocxSize(bytes, CAP)).toThrow(/not a valid \.docx/);
  });
});
