// The body of a companion note: an embed of its file, the email's attachments, and the text read
// from the file in fenced blocks (Obsidian's search finds it; nothing in it renders as a link, a
// task or a field).

export interface TextSection {
  // "" for the file's own text, else the attachment it came from.
  label: string;
  text: string;
}

export interface CompanionBody {
  file: string;
  attachments?: string[];
  sections: TextSection[];
  // Why there is no text (a broken or hostile file, OCR off…).
  missing?: string;
}

export const CONTENT_HEADING = '## Content';
// An email's quoted replies and signature: under their own heading, set aside by the planner (not by the reader).
export const QUOTED_LABEL = 'Quoted replies and signature';
const FENCE_OPEN = /^(`{3,})text$/;

// Used by intake to write a companion note's body.
export function renderCompanionBody(body: CompanionBody): string {
  const lines = [`![[${body.file}]]`, ''];
  if (body.attachments?.length) lines.push('## Attachments', '', ...body.attachments.map((name) => `- ![[${name}]]`), '');
  if (body.sections.length > 0 || body.missing) lines.push(CONTENT_HEADING, '');
  if (body.missing) lines.push(`_No text was read: ${body.missing.replace(/[\r\n]+/g, ' ')}_`, '');
  for (const section of body.sections) {
    if (section.label !== '') lines.push(`### ${section.label}`, '');
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(section.text) + 1));
    lines.push(`${fence}text`, section.text.replace(/\n+$/, ''), fence, '');
  }
  return lines.join('\n');
}

// Used to hand a companion's text to the planners: every fenced section after the content heading,
// the quoted replies too, as intake hands them over (the rules planner sets them aside, and reads a
// forwarded message when the mail says nothing else: message-parts.ts).
export function readCompanionText(body: string): string {
  const lines = body.split(/\r?\n/);
  const start = lines.indexOf(CONTENT_HEADING);
  if (start === -1) return '';
  const texts: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const fence = FENCE_OPEN.exec(lines[i]!)?.[1];
    if (!fence) continue;
    const end = lines.indexOf(fence, i + 1);
    texts.push(lines.slice(i + 1, end === -1 ? undefined : end).join('\n'));
    if (end === -1) break;
    i = end;
  }
  return texts.join('\n\n');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
