// Plan text that must stay on one line: titles, steps, the objective, links.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]+/g;

// Used wherever item text lands in a heading or a task line: control, bidi-override and line-break characters
// become spaces, runs of spaces collapse, and long text is cut at `max` characters with "…".
export function toSingleLine(text: string, max: number): string {
  const flat = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('').trimEnd();
  return `${cut}…`;
}
