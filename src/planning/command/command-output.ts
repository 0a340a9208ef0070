import { neutraliseLinks } from './command-output-links.js';

// What the command planner accepts from the program's stdout, and how it is made harmless before
// it is written as a plan body. The output is only ever plan text: never run, never a path.

export type CommandOutputCheck = { ok: true; body: string } | { ok: false; reason: string };

export interface CommandOutputLimits {
  maxOutputBytes: number;
  // runCommand cut the output at maxOutputBytes: the program wrote more.
  truncated: boolean;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// C0 (but tab and newline), DEL, C1, and the bidi overrides that can disguise text.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const STEP = /^\s{0,3}[-*+] \[ \] \S/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

// Used on every run of the command planner: accepts or refuses stdout, and sanitises what it accepts.
export function validateCommandOutput(stdout: Buffer | string, limits: CommandOutputLimits): CommandOutputCheck {
  const size = typeof stdout === 'string' ? Buffer.byteLength(stdout) : stdout.byteLength;
  if (limits.truncated || size > limits.maxOutputBytes) return { ok: false, reason: `output over ${formatKB(limits.maxOutputBytes)}` };
  const text = decodeStrict(stdout);
  if (text === undefined) return { ok: false, reason: 'output is not UTF-8' };
  if (text.trim() === '') return { ok: false, reason: 'empty output' };
  const { body, steps } = sanitisePlanBody(text);
  if (body.trim() === '') return { ok: false, reason: 'empty output' };
  if (steps === 0) return { ok: false, reason: 'no "- [ ]" step' };
  return { ok: true, body };
}

// runCommand decodes stdout leniently, so invalid bytes arrive as U+FFFD: that counts as not UTF-8.
function decodeStrict(stdout: Buffer | string): string | undefined {
  if (typeof stdout === 'string') return stdout.includes('\uFFFD') ? undefined : stdout;
  try {
    return strictUtf8.decode(stdout);
  } catch {
    return undefined;
  }
}

function formatKB(bytes: number): string {
  const kb = bytes / 1024;
  return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
}

// Used on accepted output: strips what the model should not have written and neutralises anything
// that could change the plan file's structure or reach outside the vault. Returns the step count.
export function sanitisePlanBody(raw: string): { body: string; steps: number } {
  let text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(CONTROL, '');
  text = unwrapFence(text);
  text = stripFrontmatter(text);
  text = unwrapFence(text);
  text = stripTitle(text);
  const { lines, steps } = neutraliseStructure(text.trimEnd().split('\n'));
  const body = lines.map(neutraliseLinks).join('\n').trim();
  return { body: body === '' ? '' : `${body}\n`, steps };
}

// A reply wrapped whole in ```markdown … ``` is unwrapped.
function unwrapFence(text: string): string {
  const match = /^\s*(`{3,}|~{3,})[ \t]*(?:markdown|md)?[ \t]*\n([\s\S]*?)\n[ \t]*\1[ \t]*\s*$/i.exec(text);
  return match ? match[2]! : text;
}

// A frontmatter block of the model's own is dropped whole: it must not set the plan's fields.
function stripFrontmatter(text: string): string {
  const lines = text.replace(/^\s*\n/, '').split('\n');
  if (lines[0]?.trim() !== '---') return text;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close === -1 ? text : lines.slice(close + 1).join('\n');
}

// The plan's title is ours: a leading "# Title" line from the model is dropped.
function stripTitle(text: string): string {
  return text.replace(/^\s*#[ \t]+[^\n]*(\n|$)/, '');
}

// Line by line, outside and inside code fences: no frontmatter fence, no second H1, no
// "## Source" of its own, no fence language (dataviewjs runs code in Obsidian), no fence left open.
function neutraliseStructure(input: string[]): { lines: string[]; steps: number } {
  const lines: string[] = [];
  let steps = 0;
  let open: string | undefined;
  for (const line of input) {
    const fence = FENCE.exec(line);
    if (fence && open === undefined) {
      open = fence[2]!;
      lines.push(`${fence[1]}${open}`);
      continue;
    }
    if (fence && isCloser(fence[2]!, fence[3]!, open!)) {
      open = undefined;
      lines.push(line);
      continue;
    }
    if (open !== undefined) {
      lines.push(line);
      continue;
    }
    if (STEP.test(line)) steps += 1;
    lines.push(neutraliseLine(line));
  }
  if (open !== undefined) lines.push(open);
  return { lines, steps };
}

function isCloser(marker: string, rest: string, open: string): boolean {
  return marker[0] === open[0] && marker.length >= open.length && rest.trim() === '';
}

function neutraliseLine(line: string): string {
  if (/^\s*-{3,}\s*$/.test(line)) return '***';
  if (/^ {0,3}#[ \t]/.test(line)) return line.replace(/^( {0,3})#/, '$1##');
  if (/^ {0,3}##[ \t]+Source[ \t]*$/i.test(line)) return '## Source notes';
  return line;
}
