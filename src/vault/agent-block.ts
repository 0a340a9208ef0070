import fs from 'node:fs/promises';

// A note the user owns except between two markers: those bytes are the agent's (Dashboard.md, briefings).

export const AGENT_BLOCK_START = '<!-- ai-employee:start -->';
export const AGENT_BLOCK_END = '<!-- ai-employee:end -->';
const MAX_NOTE_BYTES = 16 * 1024 * 1024;

export type BlockChange = 'created' | 'replaced' | 'appended';

export interface SplicedNote {
  content: Buffer;
  change: BlockChange;
  warning?: string;
}

// The agent's block with its markers, as it is written into a note.
export function fenceBlock(block: string): string {
  return `${AGENT_BLOCK_START}\n${block.replace(/\n+$/, '')}\n${AGENT_BLOCK_END}`;
}

function count(buf: Buffer, marker: string): number {
  let n = 0;
  for (let at = buf.indexOf(marker); at !== -1; at = buf.indexOf(marker, at + marker.length)) n++;
  return n;
}

// The note with its agent block replaced, every byte outside it kept; `label` names the note in warnings.
// The block replaced is the first end marker that has a start before it, with the nearest such start,
// so a stray marker the user left (or pasted) never makes the agent swallow the text around it.
export function spliceAgentBlock(existing: Buffer, block: string, label: string): SplicedNote {
  const fenced = fenceBlock(block);
  const firstStart = existing.indexOf(AGENT_BLOCK_START);
  const end = firstStart === -1 ? -1 : existing.indexOf(AGENT_BLOCK_END, firstStart + AGENT_BLOCK_START.length);
  const starts = count(existing, AGENT_BLOCK_START);
  const ends = count(existing, AGENT_BLOCK_END);
  if (end === -1) {
    const separator = existing.length === 0 ? '' : existing.at(-1) === 0x0a ? '\n' : '\n\n';
    const warning =
      starts + ends > 0 ? `${label} has a start or end marker without its pair: a new block was added at the end; delete the stray marker` : undefined;
    return { content: Buffer.concat([existing, Buffer.from(`${separator}${fenced}\n`)]), change: 'appended', warning };
  }
  const start = existing.lastIndexOf(AGENT_BLOCK_START, end - AGENT_BLOCK_START.length);
  const content = Buffer.concat([existing.subarray(0, start), Buffer.from(fenced), existing.subarray(end + AGENT_BLOCK_END.length)]);
  const warning =
    starts > 1 || ends > 1 ? `${label} has more than one ai-employee marker: only the first block is kept current; delete the others` : undefined;
  return { content, change: 'replaced', warning };
}

// A note that holds an agent block, null when there is none; throws when it is a symlink, a folder or too big.
export async function readBlockNote(file: string): Promise<Buffer | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw new Error(`${file} cannot be read (${code === 'ELOOP' ? 'it is a symlink' : code}); it was left alone`, { cause: error });
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`${file} is not a regular file; it was left alone`);
    if (stat.size > MAX_NOTE_BYTES) throw new Error(`${file} is larger than 16 MiB; it was left alone`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
