import { fitName, splitExtension } from '../vault/files.js';

// Names for the files the agent creates from a drop (an email's attachments): one plain file name,
// no path, nothing Obsidian reads specially in a link (# | ^ [ ]), never a note, never hidden.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|#^[\]]+/g;

// Used for every attachment an email carries; `index` names one that has no usable name.
export function safeAttachmentName(filename: string, index: number): string {
  let name = filename.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '');
  if (name === '' || name === '.' || name === '..') name = `attachment ${index}.bin`;
  if (/\.(?:md|markdown)$/i.test(name)) name = `${name}.txt`;
  const { ext } = splitExtension(name);
  return `${fitName(name.slice(0, name.length - ext.length), `${ext} (99).md`)}${ext}`;
}
