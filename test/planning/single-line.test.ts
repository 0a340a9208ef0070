import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSingleLine } from '../../src/planning/single-line.js';

// The rule toSingleLine has always followed, written the slow way: every control, bidi and
// line-break character becomes a space, runs of white space collapse, and the text is cut at `max`
// characters (code points) with "…".
function reference(text: string, max: number): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

describe('toSingleLine', () => {
  it('flattens and cuts exactly as the slow rule does, for any text', () => {
    const pieces = fc.constantFrom('a', 'Zoë', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u202e', '\u2028', '\u0085', '😀', 'é', '.', '');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (parts, max) => {
        const text = parts.join('');
        expect(toSingleLine(text, max)).toBe(reference(text, max));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps text that is already one clean line as it is', () => {
    expect(toSingleLine('Pay invoice 4711 by Friday', 100)).toBe('Pay invoice 4711 by Friday');
    expect(toSingleLine(' Pay\tinvoice\n4711 ', 100)).toBe('Pay invoice 4711');
    expect(toSingleLine('😀😀😀😀', 3)).toBe('😀😀…');
  });
});
