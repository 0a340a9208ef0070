import { clipText } from './clip-text.js';
import type { Content } from './read-content.js';

// HTML as the text a reader sees: no links' URLs, no images, no wrapping.
export async function htmlToText(html: string): Promise<string> {
  const { convert } = await import('html-to-text');
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
    ],
  });
}

export async function readHtml(bytes: Uint8Array, maxTextBytes: number): Promise<Content> {
  const html = new TextDecoder('utf-8').decode(bytes);
  const title = /<title[^>]*>([^<]{1,300})<\/title>/i.exec(html)?.[1]?.trim();
  return { ...clipText(await htmlToText(html), maxTextBytes), ...(title ? { title } : {}) };
}
