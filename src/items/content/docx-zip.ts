import { inflateRawSync } from 'node:zlib';

// A .docx is a zip; a few hundred KB of it can unzip to gigabytes of XML (a zip bomb), which
// mammoth would inflate and parse whole. Before mammoth sees it, every XML part is unzipped here
// with its output capped, so the sizes a hostile archive claims are never trusted.

// Word's own XML for a 1,000-page text runs to about 20 MB; images (word/media/) are not counted,
// mammoth's raw text never reads them.
export const MAX_DOCX_XML_BYTES = 32 * 1024 * 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class DocxTooLargeError extends Error {}

interface ZipEntry { name: string; method: number; compressedSize: number; localOffset: number }

// Used by the .docx reader before mammoth: throws DocxTooLargeError past the cap, Error when the
// bytes are not a zip it can read.
export function checkDocxSize(zip: Buffer, maxXmlBytes = MAX_DOCX_XML_BYTES): void {
  let total = 0;
  for (const entry of centralDirectory(zip)) {
    if (!/\.(?:xml|rels)$/i.test(entry.name)) continue;
    total += unzippedSize(zip, entry, maxXmlBytes - total);
  }
}

function unzippedSize(zip: Buffer, entry: ZipEntry, budget: number): number {
  if (zip.readUInt32LE(entry.localOffset) !== LOCAL) throw new Error('not a valid .docx (a zip entry is missing)');
  const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  const tooLarge = () => new DocxTooLargeError(`its text unzips to more than ${Math.round(MAX_DOCX_XML_BYTES / 1024 / 1024)} MB, not read`);
  if (entry.method === 0) {
    if (data.length > budget) throw tooLarge();
    return data.length;
  }
  if (entry.method !== 8) throw new Error(`not a valid .docx (zip compression method ${entry.method})`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new Error('not a valid .docx (a zip entry is damaged)', { cause: error });
  }
}

function centralDirectory(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length || zip.readUInt32LE(eocd) !== EOCD) throw new Error('not a valid .docx (not a zip archive)');
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && zip.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const record = Number(zip.readBigUInt64LE(eocd - 12));
    count = Number(zip.readBigUInt64LE(record + 32));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  const entries: ZipEntry[] = [];
  for (let at = offset, i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new Error('not a valid .docx (damaged zip directory)');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const entry: ZipEntry = {
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    };
    readZip64Extra(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry, zip.readUInt32LE(at + 24));
    entries.push(entry);
    at += 46 + nameLength + extraLength + zip.readUInt16LE(at + 32);
  }
  return entries;
}

// ZIP64 keeps the sizes and offset that do not fit 32 bits in an extra field, in this order.
function readZip64Extra(extra: Buffer, entry: ZipEntry, size: number): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 0x0001) continue;
    let field = at + 4;
    const next = () => {
      const value = field + 8 <= extra.length ? Number(extra.readBigUInt64LE(field)) : 0;
      field += 8;
      return value;
    };
    if (size === 0xffffffff) next();
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
    if (entry.localOffset === 0xffffffff) entry.localOffset = next();
  }
}
