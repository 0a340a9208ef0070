// The handbook's priority keywords. Convention (documented in vault-template/Company_Handbook.md):
//
//   ## Priority keywords
//   - high: tax office, landlord, court
//   - low: newsletter, promotion
//
// A heading (any level) whose text is "Priority keywords" starts the section; it ends at the next
// heading. Inside it, list lines "- high: …" and "- low: …" hold comma-separated words or phrases.
// Anything else in the section (prose, other lines) is ignored, so the user can explain it there.

export interface PriorityKeywords {
  high: string[];
  low: string[];
}

const SECTION_HEADING = /^#{1,6}\s+priority\s+keywords\s*#*\s*$/i;
const ANY_HEADING = /^#{1,6}\s/;
const KEYWORD_LINE = /^\s*[-*+]\s+\**(high|low)\**\s*:\s*(.*)$/i;
const MAX_KEYWORDS = 200;
const MAX_KEYWORD_LENGTH = 60;

// Used by the rules planner on every item: a pure function of the handbook's text ('' when missing).
export function readHandbookKeywords(handbook: string): PriorityKeywords {
  const keywords: PriorityKeywords = { high: [], low: [] };
  let inSection = false;
  for (const line of handbook.split(/\r?\n/)) {
    if (ANY_HEADING.test(line)) {
      inSection = SECTION_HEADING.test(line);
      continue;
    }
    const match = inSection ? KEYWORD_LINE.exec(line) : null;
    if (!match) continue;
    const list = match[1]!.toLowerCase() === 'high' ? keywords.high : keywords.low;
    list.push(...splitKeywords(match[2]!));
  }
  return { high: keywords.high.slice(0, MAX_KEYWORDS), low: keywords.low.slice(0, MAX_KEYWORDS) };
}

function splitKeywords(list: string): string[] {
  return list
    .split(/[,;]/)
    .map((word) => word.trim().replace(/^["'`]+|["'`]+$/g, '').trim())
    .filter((word) => word !== '' && word.length <= MAX_KEYWORD_LENGTH);
}
