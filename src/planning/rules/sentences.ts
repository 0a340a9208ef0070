import { readProseLines } from './item-text.js';
import { rememberLast } from './remember-last.js';

// The prose of an item as sentences: a hard-wrapped paragraph (as in most plain-text mail) joined
// back into one line; list items, headings, quotes, tables and tasks are their own lines or left out.

// Tasks inside a callout ("> - [ ] x") are tasks too.
export const CHECKBOX = /^(?:\s*>)*\s*(?:[-*+]|\d+[.)])\s+\[([^\]])\]\s+(.*\S)\s*$/;

// A full stop after these is not a sentence's end: "Call Dr. Ruiz", "Acme Inc. wants", "J. Smith",
// "e.g. this", "Dec. 14". ("etc." often ends a sentence, so it is not here.)
const ABBREVIATIONS = ['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'sr', 'jr', 'vs', 'approx', 'inc', 'ltd', 'co', 'corp', 'ref', 'dept', 'ext', 'fig', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'e.g', 'i.e', 'a.m', 'p.m'];
// "Dr" or "dr", never "DR." (a shouted word) nor a longer word ending so ("hoodr."); one capital letter is an initial.
const ABBREVIATION = `(?:(?<![\\p{L}.])(?:${ABBREVIATIONS.map((a) => `[${a[0]!.toUpperCase()}${a[0]}]${a.slice(1).replace(/\./g, '\\.')}`).join('|')})|(?<![\\p{L}.])\\p{Lu})\\.`;
const SENTENCE_END = new RegExp(`(?<=[.!?])(?<!${ABBREVIATION})\\s+|(?<=\\p{Ll}{2}[.!?])(?=\\p{Lu}\\p{Ll})`, 'u');

// Used for steps, questions and deadlines: each sentence of the item's prose, in order.
export const readSentences = rememberLast((text): readonly string[] => {
  const sentences: string[] = [];
  for (const line of readParagraphs(text)) {
    sentences.push(...line.split(SENTENCE_END).map((s) => s.trim()).filter((s) => s !== ''));
  }
  return sentences;
});

function readParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let open = false;
  for (const raw of readProseLines(text)) {
    if (/^\s*(?:#|>|\||!?\[\[)/.test(raw) || CHECKBOX.test(raw) || raw.trim() === '') {
      open = false;
      continue;
    }
    const item = /^\s*(?:[-*+•]|--|\d+[.)])\s+/.test(raw);
    const line = raw
      .replace(/<[^>]{0,200}>/g, ' ')
      .replace(/\*\*|__|`/g, '')
      .replace(/^\s*(?:[-*+•]|--|\d+[.)])\s+/, '')
      .trim();
    const previous = paragraphs.length - 1;
    if (open && !item && !/[.!?:]$/.test(paragraphs[previous]!) && /^[\p{Ll}\p{N}`'"(]/u.test(line)) paragraphs[previous] += ` ${line}`;
    else paragraphs.push(line);
    open = true;
  }
  return paragraphs;
}
