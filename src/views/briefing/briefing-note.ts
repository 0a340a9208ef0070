import { fenceBlock, spliceAgentBlock, type SplicedNote } from '../../vault/agent-block.js';
import { changedYaml, composeNote, splitFrontmatter, stringifyFrontmatter, type Frontmatter } from '../../vault/frontmatter.js';

// Briefings/<date>.md belongs to the user except for the agent's block between the markers and the
// agent's count properties: writing the briefing again keeps every line the user added around it.

// Set only when the note has none yet, so a user's own date or tags stay as they wrote them.
const USER_KEEPS = new Set(['date', 'tags']);

function propertyChanges(current: Frontmatter, properties: Frontmatter): Frontmatter {
  return Object.fromEntries(Object.entries(properties).filter(([key]) => !(USER_KEEPS.has(key) && key in current)));
}

// The new note: a fresh one, or the existing one with its agent block and counts replaced. A briefing
// without markers (an older version's, or the user's) is kept whole and gains the block at its end.
export function spliceBriefing(existing: Buffer | null, properties: Frontmatter, block: string, label: string): SplicedNote {
  if (existing === null) return { content: composeNote(stringifyFrontmatter(properties), `${fenceBlock(block)}\n`), change: 'created' };
  const split = splitFrontmatter(existing);
  if (split.kind === 'invalid') return spliceAgentBlock(existing, block, label);
  if (split.kind === 'none') {
    const spliced = spliceAgentBlock(existing, block, label);
    return { ...spliced, content: composeNote(stringifyFrontmatter(properties), spliced.content) };
  }
  const spliced = spliceAgentBlock(existing.subarray(split.bodyOffset), block, label);
  return { ...spliced, content: composeNote(changedYaml(split, propertyChanges(split.data, properties)), spliced.content, split) };
}
