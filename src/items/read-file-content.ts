import { readContent, type Content } from './content/read-content.js';
import type { EmailFacts } from './item.js';
import { kindOfFile } from './kinds.js';

// What intake reads from a dropped file, through the reader its kind names in the table of kinds.

export interface ContentOptions {
  maxTextBytes: number;
  ocr: boolean;
}

export type FileText = { ok: true; content: Content } | { ok: false; reason: string } | { ok: 'none' };

// Used by intake for every file that is not a note; never throws.
export async function readFileContent(file: string, fileName: string, options: ContentOptions): Promise<FileText> {
  const reader = kindOfFile(fileName).reader;
  if (!reader) return { ok: 'none' };
  if (reader === 'image' && !options.ocr) return { ok: 'none' };
  try {
    return await readContent(file, reader, { maxTextBytes: options.maxTextBytes, ocr: options.ocr });
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

// An email's own date, when it is sane: not before 1990, not more than two days after it arrived.
export function saneEmailFacts(email: EmailFacts, received: Date): EmailFacts {
  const facts: EmailFacts = {};
  for (const [key, value] of Object.entries(email) as [keyof EmailFacts, unknown][]) {
    if (typeof value === 'string') (facts as Record<string, unknown>)[key] = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim().slice(0, 500);
    else if (value === true) (facts as Record<string, unknown>)[key] = true;
  }
  const date = email.date;
  if (date instanceof Date && date.getTime() >= Date.UTC(1990, 0, 1) && date.getTime() <= received.getTime() + 2 * 86_400_000) facts.date = date;
  return facts;
}
