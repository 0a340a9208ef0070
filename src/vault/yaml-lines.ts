// Edits a YAML mapping's top-level keys as lines of text, so that every other line (the user's
// keys, values, comments, quoting, spacing and line endings) stays exactly as it was written.
// The caller checks that the result reads back as intended (frontmatter.ts falls back otherwise).

export type LineChanges = Record<string, string | undefined>;

// A top-level key at the start of a line: plain, "double" or 'single' quoted.
const TOP_LEVEL_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:,[\]{}|>!&*%@`][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?=[ \t\r\n]|$)/;

// Used for each line of a mapping: the top-level key it starts, if it starts one.
export function topLevelKeyOf(line: string): string | undefined {
  const match = TOP_LEVEL_KEY.exec(line);
  return match ? (match[1] ?? match[2]?.replace(/''/g, "'") ?? match[3]) : undefined;
}

// A line that continues the value above it: indented, or a block sequence entry at column 0.
function continuesValue(line: string): boolean {
  return /^[ \t]/.test(line) || /^-(?:[ \t]|\r?\n|$)/.test(line);
}

// `changes` maps a key to its new lines (each ending with `eol`), or to undefined to remove it. A key
// already present is replaced where it stands (its continuation lines with it); a new one is appended.
// Returns undefined when a key to change appears more than once.
export function editTopLevelKeys(text: string, changes: LineChanges, eol: string): string | undefined {
  const lines = text === '' ? [] : text.split(/(?<=\n)/);
  const found = new Map<string, { start: number; end: number }>();
  for (let i = 0; i < lines.length; i++) {
    const key = topLevelKeyOf(lines[i]!);
    if (key === undefined || !(key in changes)) continue;
    if (found.has(key)) return undefined;
    let end = i + 1;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.trim() === '') continue;
      if (!continuesValue(lines[j]!)) break;
      end = j + 1;
    }
    found.set(key, { start: i, end });
  }
  const spans = [...found.entries()].sort((a, b) => b[1].start - a[1].start);
  for (const [key, { start, end }] of spans) lines.splice(start, end - start, changes[key] ?? '');
  let out = lines.join('');
  const added = Object.entries(changes).filter(([key, value]) => !found.has(key) && value !== undefined);
  if (added.length > 0 && out !== '' && !out.endsWith('\n')) out += eol;
  for (const [, value] of added) out += value;
  return out;
}
