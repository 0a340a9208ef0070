// Plan text that must stay on one line: titles, steps, the objective, links.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]+/g;
// Text that is already one clean line (most of it) is found with one scan and no copies.
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]|[^\S ]|\s\s|^\s|\s$/;

// Used wherever item text lands in a heading or a task line: control, bidi-override and line-break characters
// become spaces, runs of spaces collapse, and long text is cut at `max` characters with "…".
export function toSingleLine(text: string, max: number): string {
  const flat = NEEDS_CLEANING.test(text) ? text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim() : text;
  // UTF-16 length ≥ characters, so most text needs no split into characters (a hot path at intake).
  if (flat.length <= max) return flat;
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('').trimEnd();
  return `${cut}…`;
}
