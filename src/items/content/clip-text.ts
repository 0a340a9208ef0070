// Used by every reader: text cut to at most `maxBytes` of UTF-8, on a character boundary.
export function clipText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  const clean = text.replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
  if (Buffer.byteLength(clean, 'utf8') <= maxBytes) return { text: clean, truncated: false };
  let cut = Buffer.from(clean, 'utf8').subarray(0, maxBytes).toString('utf8');
  if (cut.endsWith('\uFFFD')) cut = cut.slice(0, -1);
  return { text: cut, truncated: true };
}
