// An item's priority, and the one reading of a `priority:` a user wrote (planner, dashboard and briefing agree).

export type Priority = 'high' | 'normal' | 'low';

// The user's own `priority:` field, normalized. Accepted spellings (any case, surrounding spaces):
// high ← high, highest, urgent, critical, important, asap, p1, 1; normal ← normal, medium, med,
// moderate, default, p2, 2; low ← low, lowest, minor, someday, p3, 3. Anything else is ignored
// and the words of the item decide.
const SPELLINGS: Record<string, Priority> = {
  high: 'high', highest: 'high', urgent: 'high', critical: 'high', important: 'high', asap: 'high', p1: 'high', '1': 'high',
  normal: 'normal', medium: 'normal', med: 'normal', moderate: 'normal', default: 'normal', p2: 'normal', '2': 'normal',
  low: 'low', lowest: 'low', minor: 'low', someday: 'low', p3: 'low', '3': 'low',
};

// Used to read the item's frontmatter `priority` (a string or a number); undefined when unrecognized.
export function normalizePriority(value: unknown): Priority | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const key = String(value).trim().toLowerCase();
  return Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : undefined;
}

