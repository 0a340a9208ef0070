import type { PlanItem } from '../../src/planning/planner.js';

// A bare note item (empty body, received on Wednesday 2026-01-28 10:00 local), for the rules tests.
export function makeItem(over: Partial<PlanItem> = {}): PlanItem {
  return {
    fileName: 'item.md',
    stem: 'item',
    id: 'id-1',
    kind: 'note',
    received: new Date(2026, 0, 28, 10),
    frontmatter: {},
    text: '',
    ...over,
  };
}
