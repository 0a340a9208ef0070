import type { ItemKind } from './item.js';

// The table of file kinds: which kind a dropped file is, and which content reader reads it.
// Adding a kind is one row here and, if it has text, one reader in src/items/content/.

export type ContentReader = 'email' | 'pdf' | 'docx' | 'html' | 'text' | 'image';

export interface FileKind {
  kind: ItemKind;
  pattern: RegExp;
  reader?: ContentReader;
}

export const FILE_KINDS: readonly FileKind[] = [
  { kind: 'note', pattern: /\.(?:md|markdown)$/i },
  { kind: 'email', pattern: /\.eml$/i, reader: 'email' },
  { kind: 'pdf', pattern: /\.pdf$/i, reader: 'pdf' },
  { kind: 'docx', pattern: /\.docx$/i, reader: 'docx' },
  { kind: 'html', pattern: /\.html?$/i, reader: 'html' },
  { kind: 'text', pattern: /\.(?:txt|text|csv|tsv|log|json|xml|ics|vcf|ya?ml)$/i, reader: 'text' },
  { kind: 'image', pattern: /\.(?:png|jpe?g|gif|webp|bmp|tiff?|heic|heif|avif)$/i, reader: 'image' },
];

const OTHER: FileKind = { kind: 'file', pattern: /(?:)/ };

// Used by intake for every drop: the first row whose pattern matches its name, else a plain file.
export function kindOfFile(fileName: string): FileKind {
  return FILE_KINDS.find((row) => row.pattern.test(fileName)) ?? OTHER;
}
