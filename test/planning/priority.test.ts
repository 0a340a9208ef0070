import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { readHandbookKeywords } from '../../src/planning/rules/handbook-keywords.js';
import { choosePriority } from '../../src/planning/rules/priority.js';
import { normalizePriority } from '../../src/items/priority.js';

const NONE = { high: [], low: [] };

describe('priority from the words of the item', () => {
  test.each([
    ['Pay the invoice', 'normal'],
    ['URGENT: call back', 'high'],
    ['please handle asap', 'high'],
    ['Handle this urgently', 'high'],
    ['Two payments are due', 'normal'],
    ['Three invoices attached', 'normal'],
    ['This bill is past  due', 'high'],
    ['Final Notice from the utility', 'high'],
    ['Emergency at the office', 'high'],
    ["Call back Dr. Ruiz's office - they said it's important", 'high'],
    ["Please let John know I'm running late", 'high'],
    ['Check the important dates in the calendar', 'normal'],
    ['FYI the invoice is overdue', 'high'],
    ['The order was invoiced last week', 'normal'],
    ['asapx is not a word', 'normal'],
    ['Lunch on Thursday', 'normal'],
    ['', 'normal'],
    ['FYI: new office hours', 'low'],
    ['No rush, whenever you have a moment', 'low'],
    ['This is not urgent', 'low'],
    ['non-urgent: tidy the shelves', 'low'],
    ['There is no deadline for this', 'low'],
    ['Someday I should learn Spanish', 'low'],
    ['Do it when you have time', 'low'],
  ])('%j → %s', (text, expected) => {
    expect(choosePriority(undefined, text, NONE)).toBe(expected);
  });
});

describe('the user’s own priority field wins', () => {
  test.each([
    ['low', 'URGENT: pay the overdue invoice', 'low'],
    ['High', 'someday, no rush', 'high'],
    [' urgent ', 'fyi', 'high'],
    ['medium', 'asap', 'normal'],
    ['P3', 'asap', 'low'],
    [1, 'fyi', 'high'],
    [2, 'asap', 'normal'],
    ['banana', 'asap', 'high'],
    [null, 'fyi', 'low'],
    [['high'], 'fyi', 'low'],
  ])('priority: %j with %j → %s', (own, text, expected) => {
    expect(choosePriority(own, text, NONE)).toBe(expected);
  });

  test.each([
    ['constructor', undefined],
    ['toString', undefined],
    ['', undefined],
    ['LOWEST', 'low'],
  ])('normalizePriority(%j) → %s', (value, expected) => {
    expect(normalizePriority(value)).toBe(expected);
  });
});

describe('the handbook’s and the configuration’s keywords', () => {
  test.each([
    ['A letter from the Tax  Office', { high: ['tax office'], low: [] }, 'high'],
    ['Weekly newsletter', { high: [], low: ['newsletter'] }, 'low'],
    ['Two newsletters', { high: [], low: ['newsletter'] }, 'low'],
    ['Call the landlord', { high: ['Landlord'], low: [] }, 'high'],
    ['Ask about C++ course', { high: ['c++'], low: [] }, 'high'],
    ['Landlords association newsletter', { high: ['landlord'], low: ['newsletter'] }, 'high'],
    ['The landlording business', { high: ['landlord'], low: [] }, 'normal'],
  ])('%j with %j → %s', (text, keywords, expected) => {
    expect(choosePriority(undefined, text, keywords)).toBe(expected);
  });
});

describe('readHandbookKeywords', () => {
  test('reads the template handbook’s section', async () => {
    const handbook = await readFile(new URL('../../vault-template/Company_Handbook.md', import.meta.url), 'utf8');
    const keywords = readHandbookKeywords(handbook);
    expect(keywords.high).toEqual([]);
    expect(keywords.low).toEqual(['newsletter', 'promotion', 'webinar']);
  });

  test.each([
    ['', { high: [], low: [] }],
    ['- high: outside the section', { high: [], low: [] }],
    ['## Priority keywords\n- high: a, b\n- low: c\n## Other\n- high: d', { high: ['a', 'b'], low: ['c'] }],
    ['### priority KEYWORDS\r\n* **High**: "tax"; `vat` ,, \r\n+ LOW:  spam ', { high: ['tax', 'vat'], low: ['spam'] }],
    ['# Priority keywords\nSome prose: high: x\n- high: y\n- normal: z\n- high:\n- high: y', { high: ['y', 'y'], low: [] }],
    [`## Priority keywords\n- high: ok, ${'x'.repeat(61)}`, { high: ['ok'], low: [] }],
  ])('%j → %j', (text, expected) => {
    expect(readHandbookKeywords(text)).toEqual(expected);
  });

  test('keeps at most 200 keywords per list', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`).join(', ');
    expect(readHandbookKeywords(`## Priority keywords\n- low: ${words}`).low).toHaveLength(200);
  });
});

describe('priority from where it matters (issue 13)', () => {
  const asks = { asks: true, soon: false, sentByMachine: false, dated: false };
  test('mail sent by a machine that asks nothing is low, even with urgent words', () => {
    expect(choosePriority(undefined, 'URGENT deals: invoice-free shopping', NONE, { ...asks, asks: false, sentByMachine: true })).toBe('low');
  });
  test('money owed is high with a date, not for the word "invoice" alone', () => {
    expect(choosePriority(undefined, 'Invoice 4711 attached', NONE, { ...asks, dated: true, moneyOwed: true })).toBe('high');
    expect(choosePriority(undefined, 'Invoice 4711 attached', NONE, { ...asks, dated: false, moneyOwed: true })).toBe('normal');
  });
  test('a near deadline on a request is high; without a request it is not', () => {
    expect(choosePriority(undefined, 'Send me the slides', NONE, { ...asks, soon: true })).toBe('high');
    expect(choosePriority(undefined, 'The slides are attached', NONE, { asks: false, soon: true, sentByMachine: false, dated: true })).toBe('normal');
  });
});

describe('a machine’s mail', () => {
  const machine = { asks: false, soon: false, sentByMachine: true, dated: false };
  test.each([
    ['a notice that asks nothing', 'Your weekly summary', {}, 'low'],
    ['an alert that asks nothing', 'CPU utilization exceeds threshold', { alert: true }, 'normal'],
    ['an alert said to be for information', 'FYI: CPU utilization exceeds threshold', { alert: true }, 'low'],
    ['a critical alert asks nothing: not high', 'CRITICAL: disk full', { alert: true }, 'normal'],
  ])('%s → %s', (_what, text, extra, expected) => {
    expect(choosePriority(undefined, text, NONE, { ...machine, ...extra })).toBe(expected);
  });
});
