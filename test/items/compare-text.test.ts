import { describe, expect, test } from 'vitest';
import { compareNames, compareText, groupDigits } from '../../src/items/compare-text.js';

describe('sorting and numbers without ICU', () => {
  test('names sort as people read them: case does not split a list, ties by code point', () => {
    expect(['banana.md', 'Cherry.md', 'apple.md', 'Apple.md'].sort(compareNames)).toEqual(['Apple.md', 'apple.md', 'banana.md', 'Cherry.md']);
  });

  test('ISO dates and times sort by time', () => {
    expect(['2026-12-03T09:00:00', '2026-01-31', '2026-12-03T08:59:59'].sort(compareText)).toEqual(['2026-01-31', '2026-12-03T08:59:59', '2026-12-03T09:00:00']);
  });

  test.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [83097268, '83,097,268'],
  ])('%i MB reads %s', (n, text) => {
    expect(groupDigits(n)).toBe(text);
  });
});
