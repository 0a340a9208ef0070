import { readHead } from '../../vault/read-head.js';
import { splitFrontmatter } from '../../vault/frontmatter.js';

// Progress on Business_Goals.md: its headings and how many of their checkboxes are ticked. Read, never written.

export interface GoalSection {
  heading: string;
  done: number;
  total: number;
}

export type GoalsProgress =
  | { state: 'ok'; sections: GoalSection[] }
  | { state: 'missing' }
  | { state: 'unreadable'; reason: string };

const MAX_GOALS_BYTES = 1024 * 1024;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const CHECKBOX = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[(.)\]/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

// Counts checkboxes per nearest heading; [x] is done, [-] (cancelled) is left out, anything else is open.
export function parseGoalsProgress(text: string): GoalSection[] {
  const sections: GoalSection[] = [];
  let current: GoalSection = { heading: 'Goals', done: 0, total: 0 };
  let fence: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker[0]!.repeat(marker.length);
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      if (current.total > 0) sections.push(current);
      current = { heading: heading[2]!.trim(), done: 0, total: 0 };
      continue;
    }
    const box = CHECKBOX.exec(line)?.[1];
    if (box === undefined || box === '-') continue;
    current.total++;
    if (box === 'x' || box === 'X') current.done++;
  }
  if (current.total > 0) sections.push(current);
  return sections;
}

// Reads Business_Goals.md (at most 1 MiB, never through a symlink); a missing file is a normal answer.
export async function readGoalsProgress(file: string): Promise<GoalsProgress> {
  let head: Buffer;
  try {
    head = await readHead(file, MAX_GOALS_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', reason: code === 'ELOOP' ? 'it is a symlink' : (code ?? (error as Error).message) };
  }
  const split = splitFrontmatter(head);
  const bodyOffset = split.kind === 'yaml' ? split.bodyOffset : 0;
  return { state: 'ok', sections: parseGoalsProgress(head.subarray(bodyOffset).toString('utf8')) };
}
