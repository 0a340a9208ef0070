// Names and titles from the vault are hostile: these put them into agent-written markdown safely.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Characters a wiki link cannot carry (Obsidian reserves [ ] | # ^), or that could open HTML or a comment.
const UNLINKABLE = /%%|[[\]|#^<>\\`\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '[': '\\[', ']': '\\]', '`': '\\`' };

// Text for one line of markdown: no newline, no HTML, no link, no Obsidian comment, at most `max` characters.
export function safeInline(text: string, max = 120): string {
  let flat = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (flat.length > max) flat = `${flat.slice(0, max - 1).trimEnd()}…`;
  return flat.replace(/[&<>[\]`]/g, (ch) => ENTITIES[ch]!).replace(/%%/g, '%&#37;');
}

// The note's name as the user sees it: "Call the bank.md" → "Call the bank", "invoice.pdf.md" → "invoice.pdf".
export function noteStem(fileName: string): string {
  return fileName.replace(/\.md$/i, '');
}

// An Obsidian [[link]] to a note by file name; plain escaped text when the name cannot be linked safely.
export function wikiLink(fileName: string): string {
  if (UNLINKABLE.test(fileName) || fileName.trim() === '') return safeInline(fileName);
  const stem = noteStem(fileName);
  // "invoice.pdf" would resolve to the attachment: link the note by its full name, show its stem.
  if (stem !== fileName && /\.[^.\s]+$/.test(stem)) return `[[${fileName}|${stem}]]`;
  return stem === fileName ? `[[${fileName}]]` : `[[${stem}]]`;
}
