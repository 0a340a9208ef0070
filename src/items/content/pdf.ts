import { clipText } from './clip-text.js';
import type { Content } from './read-content.js';

// PDF text with unpdf (pdf.js inside); its own title from the document's metadata when it has one.
export async function readPdf(bytes: Uint8Array, maxTextBytes: number): Promise<Content> {
  const { getDocumentProxy, extractText, getMeta } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    const meta = await getMeta(pdf).catch(() => undefined);
    const title = typeof meta?.info?.Title === 'string' ? meta.info.Title.trim() : '';
    return { ...clipText(text, maxTextBytes), ...(title ? { title } : {}) };
  } finally {
    await pdf.destroy();
  }
}
