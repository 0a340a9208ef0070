import type { PlanItem } from '../planner.js';
import { readUserText } from './item-text.js';

// A note kept to be read, not done: a web clipping or essay, a help page, a recipe. Its imperatives
// are advice or instructions to a reader in general ("Always demand a deadline", "Preheat the oven"),
// and its dates are a story's, so it is planned as reference: low, no due date from its words.

// Obsidian's Web Clipper and kepano's vault file clippings under these categories.
const REFERENCE_CATEGORY = /\b(?:clippings?|posts?|articles?|essays?|references?|recipes?|quotes?|highlights?)\b/i;
// Where a page came from, and who wrote or published it: a clipper's or a publisher's fields.
const SOURCE_KEYS = ['url', 'source', 'permalink', 'link'];
const BYLINE_KEYS = ['author', 'published', 'clipped', 'site', 'publish', 'description'];
const INGREDIENTS = /^#{1,6}\s*ingredients\b/im;
const METHOD = /^#{1,6}\s*(?:instructions|method|directions|preparation|steps)\b/im;

// Used by the rules planner for notes: is this note something to keep rather than to do?
export function isReferenceNote(item: PlanItem): boolean {
  if (item.kind !== 'note') return false;
  const fm = item.frontmatter;
  if (REFERENCE_CATEGORY.test(textsOf(fm.categories ?? fm.category).join(' '))) return true;
  const hasSource = SOURCE_KEYS.some((key) => textsOf(fm[key]).some((value) => value.trim() !== ''));
  if (hasSource && BYLINE_KEYS.some((key) => fm[key] !== undefined && fm[key] !== null)) return true;
  const text = readUserText(item);
  return INGREDIENTS.test(text) && METHOD.test(text);
}

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
