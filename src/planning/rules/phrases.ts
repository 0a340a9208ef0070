// Whole-word, case-insensitive phrase matching shared by the priority and step rules.

const WORD_CHAR = '[\\p{L}\\p{N}_]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Used to turn keyword lists into one regex: "past due" also matches "past  due" and "Past Due",
// an optional plural "s"/"es" is allowed ("invoices"), but never a longer word ("invoiced").
export function compilePhrases(phrases: readonly string[]): RegExp | undefined {
  const key = phrases.join('\u0000');
  if (!compiled.has(key)) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, buildPattern(phrases));
  }
  return compiled.get(key);
}

// A pure memo: the same few keyword lists are compiled for every item of a run.
const compiled = new Map<string, RegExp | undefined>();
const MAX_COMPILED = 64;

function buildPattern(phrases: readonly string[]): RegExp | undefined {
  const cleaned = [...new Set(phrases.map((p) => p.trim().toLowerCase()).filter((p) => p !== ''))];
  if (cleaned.length === 0) return undefined;
  cleaned.sort((a, b) => b.length - a.length);
  const alternation = cleaned.map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|');
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternation})(?:e?s)?(?!${WORD_CHAR})`, 'giu');
}

// Used to decide whether any phrase of a compiled list occurs in the text.
export function hasPhrase(pattern: RegExp | undefined, text: string): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

// Used to blank out matched phrases (e.g. "not urgent") before looking for others ("urgent").
export function maskPhrases(pattern: RegExp | undefined, text: string): string {
  if (!pattern) return text;
  return text.replace(pattern, (match) => ' '.repeat(match.length));
}
