import { createRequire } from 'node:module';
import type GrayMatter from 'gray-matter';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import { parseSimpleFrontmatter } from './simple-frontmatter.js';
import { writeFlatYaml } from './write-flat-yaml.js';
import { editTopLevelKeys } from './yaml-lines.js';

// The YAML libraries load on first use (synchronously, as the codec is): most notes have no
// frontmatter or the agent's flat one, which the fast path reads and writes without them.
const load = createRequire(import.meta.url);
let yamlLib: typeof Yaml | undefined;
let matterLib: typeof GrayMatter | undefined;
const yaml = () => (yamlLib ??= load('yaml') as typeof Yaml);
const matter = () => (matterLib ??= load('gray-matter') as typeof GrayMatter);
const parseDocument = (text: string, options: Yaml.DocumentOptions & Yaml.ParseOptions & Yaml.SchemaOptions) => yaml().parseDocument(text, options);
const stringify = (value: unknown, options?: Yaml.ToStringOptions) => yaml().stringify(value, options);

// The one note codec: splits a note's head into frontmatter and body, parses the frontmatter (only
// ever into plain data), updates it keeping the user's lines, and composes a note again.

export type Frontmatter = Record<string, unknown>;

export type Eol = '\n' | '\r\n';

// How a note's fences are written: its line ending, and whether it starts with a byte-order mark.
export interface NoteStyle {
  eol: Eol;
  bom: boolean;
}

export type SplitNote =
  | { kind: 'none'; bodyOffset: 0 }
  // `yamlText` is the text between the fences exactly as written; `eol` and `bom` are the note's own
  // line ending and byte-order mark, kept when it is written again. `document` is absent when the
  // fast path read it (flat frontmatter as the agent writes it) or the note has CRLF line endings.
  | { kind: 'yaml'; data: Frontmatter; yamlText: string; bodyOffset: number; eol: Eol; bom: boolean; document?: Document }
  | { kind: 'invalid'; reason: string };

// Matched against the head decoded as latin1, so a UTF-8 BOM shows up as its three bytes.
const OPEN = /^(?:\xEF\xBB\xBF)?---([^\r\n]*)\r?\n/;
const YAML_OPTIONS = { schema: 'core', maxAliasCount: 100, prettyErrors: false, uniqueKeys: true } as const;
export const MAX_FRONTMATTER_BYTES = 64 * 1024;

function refuse(language: string) {
  return () => {
    throw new Error(`frontmatter language "${language}" is never evaluated`);
  };
}

// gray-matter evaluates ---js with eval by default: every engine but our YAML parser refuses.
const SAFE_ENGINES = {
  yaml: { parse: parseYamlData, stringify: (data: object) => stringify(data) },
  javascript: refuse('javascript'),
  js: refuse('js'),
  coffee: refuse('coffee'),
  coffeescript: refuse('coffeescript'),
  cson: refuse('cson'),
  json: refuse('json'),
  toml: refuse('toml'),
};

export function parseYamlData(text: string): Frontmatter {
  return parseYamlDocument(text).data;
}

// The parsed document too, so a note's frontmatter can be changed without parsing it again.
function parseYamlDocument(text: string): { document: Document; data: Frontmatter } {
  const document = parseDocument(text, YAML_OPTIONS);
  if (document.errors.length > 0) throw new Error(document.errors[0]!.message.split('\n')[0]);
  const data: unknown = document.toJS({ maxAliasCount: 100 }) ?? {};
  if (!isPlainObject(data)) throw new Error('frontmatter is not a mapping of keys to values');
  return { document, data };
}

export function isPlainObject(value: unknown): value is Frontmatter {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// Splits the head of a note into its YAML frontmatter (parsed) and the byte offset where the body starts.
export function splitFrontmatter(head: Uint8Array): SplitNote {
  const simple = parseSimpleFrontmatter(head);
  if (simple) return { kind: 'yaml', data: simple.data, yamlText: Buffer.from(head.buffer, head.byteOffset + 4, Math.max(0, simple.bodyOffset - 8)).toString('utf8'), bodyOffset: simple.bodyOffset, eol: '\n', bom: false };
  const probe = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, MAX_FRONTMATTER_BYTES + 1024));
  const opening = OPEN.exec(probe.toString('latin1'));
  if (!opening) return { kind: 'none', bodyOffset: 0 };
  const language = opening[1]!.trim().toLowerCase();
  if (language !== '' && language !== 'yaml') return { kind: 'invalid', reason: `frontmatter in "${language}" is not read` };
  const close = findClosingFence(probe, opening[0].length);
  if (!close) return { kind: 'invalid', reason: 'frontmatter has no closing --- line within 64 KiB' };
  let fenced: string;
  try {
    fenced = strictUtf8.decode(probe.subarray(0, close.end));
  } catch {
    return { kind: 'invalid', reason: 'frontmatter is not valid UTF-8' };
  }
  try {
    let document: Document | undefined;
    const engines = { ...SAFE_ENGINES, yaml: { ...SAFE_ENGINES.yaml, parse: (text: string) => ({ document } = parseYamlDocument(text)).data } };
    // gray-matter cuts the matter at "\n---", which would leave a CRLF note's last value ending in "\r".
    const file = matter()(fenced.replace(/\r\n/g, '\n'), { engines, language: 'yaml' });
    if (!isPlainObject(file.data)) return { kind: 'invalid', reason: 'frontmatter is not a mapping' };
    const yamlText = strictUtf8.decode(probe.subarray(opening[0].length, close.start));
    const eol: Eol = opening[0].endsWith('\r\n') ? '\r\n' : '\n';
    const bom = opening[0].startsWith('\xEF\xBB\xBF');
    // The parsed document's positions are those of the text without CRs: it serves LF notes only.
    const parsed = yamlText.includes('\r') ? undefined : (document ?? parseDocument(yamlText, YAML_OPTIONS));
    return { kind: 'yaml', data: { ...file.data }, yamlText, bodyOffset: close.end, eol, bom, ...(parsed ? { document: parsed } : {}) };
  } catch (error) {
    return { kind: 'invalid', reason: `frontmatter does not parse: ${(error as Error).message}` };
  }
}

// The closing fence: a line that is exactly --- (or ...); returns where it starts and the offset just past its newline.
function findClosingFence(buf: Buffer, from: number): { start: number; end: number } | undefined {
  let lineStart = from;
  while (lineStart < buf.length && lineStart <= MAX_FRONTMATTER_BYTES) {
    let lineEnd = buf.indexOf(0x0a, lineStart);
    const last = lineEnd === -1;
    if (last) lineEnd = buf.length;
    const line = buf.toString('latin1', lineStart, lineEnd).replace(/\r$/, '');
    if (line === '---' || line === '...') return { start: lineStart, end: last ? buf.length : lineEnd + 1 };
    if (last) return undefined;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

// Returns new frontmatter text with `changes` applied, keeping the user's keys, order and comments.
// Given the note's parsed document (from splitFrontmatter), it changes that instead of parsing again.
export function updateYaml(source: string | Document, changes: Frontmatter): string {
  const doc = typeof source === 'string' ? parseDocument(source, YAML_OPTIONS) : source;
  if (!yaml().isMap(doc.contents)) return stringifyFrontmatter(changes);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, value);
  }
  // No padding inside [a, b]: the way people (and Obsidian) write flow lists, so a user's line stays as written.
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function stringifyFrontmatter(data: Frontmatter): string {
  return writeFlatYaml(data) ?? stringify(data, { lineWidth: 0 });
}

// A complete note: fenced YAML, then the body exactly as given; `style` is the note's own (CRLF, BOM).
export function composeNote(yamlText: string, body: string | Uint8Array = '', style: NoteStyle = { eol: '\n', bom: false }): Buffer {
  const { eol, bom } = style;
  const yaml = yamlText.endsWith('\n') || yamlText === '' ? yamlText : `${yamlText}${eol}`;
  return Buffer.concat([Buffer.from(`${bom ? '\uFEFF' : ''}---${eol}${yaml}---${eol}`), typeof body === 'string' ? Buffer.from(body) : body]);
}

// The frontmatter of a note with `changes` applied (undefined deletes a key), as YAML text. The
// changed keys' lines are edited and every other line is left as the user wrote it; only when that
// would not read back as intended (a flow mapping, a key written twice…) is the document re-serialised.
export function changedYaml(split: SplitNote, changes: Frontmatter): string {
  if (split.kind !== 'yaml') return stringifyFrontmatter(changes);
  const lines = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value === undefined ? undefined : withEol(stringifyFrontmatter({ [key]: value }), split.eol)]));
  const edited = editTopLevelKeys(split.yamlText, lines, split.eol);
  if (edited !== undefined && readsBackAs(edited, { ...split.data, ...changes })) return edited;
  return withEol(updateYaml(split.document ?? split.yamlText, changes), split.eol);
}

function withEol(text: string, eol: Eol): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

// Whether YAML text parses to exactly `expected` (keys in order; undefined values are absent).
function readsBackAs(yamlText: string, expected: Frontmatter): boolean {
  const want = JSON.stringify(expected);
  // Most frontmatter is plain enough for the fast reader, which agrees with the full parser whenever it answers.
  const simple = parseSimpleFrontmatter(Buffer.from(`---\n${yamlText}${yamlText === '' || yamlText.endsWith('\n') ? '' : '\n'}---\n`));
  if (simple) return JSON.stringify(simple.data) === want;
  try {
    return JSON.stringify(parseYamlData(yamlText)) === want;
  } catch {
    return false;
  }
}

// Parses a whole note already read as text; frontmatter {} when it has none or it is broken.
export function readNoteText(text: string): { data: Frontmatter; yamlText: string; body: string; valid: boolean } {
  const buf = Buffer.from(text);
  const split = splitFrontmatter(buf);
  if (split.kind === 'yaml') return { data: split.data, yamlText: split.yamlText, body: buf.subarray(split.bodyOffset).toString(), valid: true };
  return { data: {}, yamlText: '', body: text, valid: split.kind === 'none' };
}
