import { readProseLines } from './item-text.js';
import { rememberLast } from './remember-last.js';

// The prose of an item as sentences: a hard-wrapped paragraph (as in most plain-text mail) joined
// back into one line; list items, headings, quotes, tables and tasks are their own lines or left out.

// Tasks inside a callout ("> - [ ] x") are tasks too.
export const CHECKBOX = /^(?:\s*>)*\s*(?:[-*+]|\d+[.)])\s+\[([^\]])\]\s+(.*\S)\s*$/;

// A full stop after these is not a sentence's end: "Call Dr. Ruiz", "Acme Inc. wants", "J. Smith",
// "e.g. this", "Dec. 14". ("etc." often ends a sentence, so it is not here.)
const ABBREVIATIONS = ['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'sr', 'jr', 'vs', 'approx', 'inc', 'ltd', 'co', 'corp', 'ref', 'dept', 'ext', 'fig', 'cf', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'e.g', 'i.e', 'a.m', 'p.m'];
const ABBREVIATION_SET = new Set(ABBREVIATIONS.flatMap((a) => [a, a.charAt(0).toUpperCase() + a.slice(1)]));

// "Dr." or "dr.", never "DR." (a shouted word); one capital letter is an initial ("J.").
function endsWithAbbreviation(piece: string): boolean {
  if (!piece.endsWith('.')) return false;
  const word = piece.slice(piece.lastIndexOf(' ') + 1, -1).replace(/^[("'“‘[]+/, '');
  return ABBREVIATION_SET.has(word) || /^\p{Lu}$/u.test(word);
}
const SENTENCE_END = /(?<=[.!?])\s+|(?<=\p{Ll}{2}[.!?])(?=\p{Lu}\p{Ll})/u;

// Used for steps, questions and deadlines: each sentence of the item's prose, in order.
export const readSentences = rememberLast((text): readonly string[] => {
  const sentences: string[] = [];
  for (const line of readParagraphs(text)) {
    let open = '';
    for (const piece of line.split(SENTENCE_END)) {
      // Split first, then joined back where a piece ends with an abbreviation: one cheap test per piece.
      open = open === '' ? piece : `${open} ${piece}`;
      if (endsWithAbbreviation(open)) continue;
      if (open.trim() !== '') sentences.push(open.trim());
      open = '';
    }
    if (open.trim() !== '') sentences.push(open.trim());
  }
  return sentences;
});

// A forwarded message's header lines ("Subject: Fwd: Please forward this", "*Sent:* Monday") are not prose.
const HEADER_LINE = /^\s*[*_]{0,2}(?:from|to|cc|bcc|date|sent|subject)[*_]{0,2}:\s/i;

function readParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let open = false;
  for (const raw of readProseLines(text)) {
    if (/^\s*(?:#|>|\||!?\[\[)/.test(raw) || HEADER_LINE.test(raw) || CHECKBOX.test(raw) || raw.trim() === '') {
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
