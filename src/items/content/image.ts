import { createRequire } from 'node:module';
import path from 'node:path';
import { clipText } from './clip-text.js';
import type { Content } from './read-content.js';

// OCR with tesseract.js, an optional dependency: English data from @tesseract.js-data/eng, nothing
// fetched from the network and nothing cached on disk.
export async function readImage(bytes: Uint8Array, maxTextBytes: number): Promise<Content> {
  const require = createRequire(import.meta.url);
  let langPath: string;
  let tesseract: { createWorker: (lang: string, oem: number, options: Record<string, unknown>) => Promise<{ recognize: (image: Buffer) => Promise<{ data: { text: string } }>; terminate: () => Promise<unknown> }> };
  try {
    langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
    tesseract = (await import('tesseract.js' as string)) as typeof tesseract;
  } catch {
    throw new Error('OCR needs the optional packages tesseract.js and @tesseract.js-data/eng');
  }
  const worker = await tesseract.createWorker('eng', 1, { langPath, cacheMethod: 'none', gzip: true });
  try {
    const { data } = await worker.recognize(Buffer.from(bytes));
    return clipText(data.text, maxTextBytes);
  } finally {
    await worker.terminate();
  }
}
