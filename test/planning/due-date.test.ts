import { describe, expect, test } from 'vitest';
import { chooseDueDate, findDueDate, readOwnDue } from '../../src/planning/rules/due-date.js';

// Local times, so the expectations hold in every time zone. 2026-01-28 is a Wednesday.
const WEDNESDAY = new Date(2026, 0, 28, 10, 0);
const FRIDAY = new Date(2026, 0, 30, 23, 30);
const SATURDAY = new Date(2026, 0, 31, 9, 0);
const SUNDAY = new Date(2026, 1, 1, 9, 0);

test('an appointment’s weekday said with "next week" is next week’s, said on a Monday too', () => {
  const monday = new Date(2026, 0, 26, 9, 0);
  expect(findDueDate('Lunch next week? Wednesday 1 PM works for me', monday)).toBe('2026-02-04');
  expect(findDueDate('Please send it by Wednesday so we can rehearse next week.', monday)).toBe('2026-01-28');
});

describe('findDueDate relative to a Wednesday', () => {
  test.each([
    ['Do it today', '2026-01-28'],
    ['Call me tonight', '2026-01-28'],
    ['Send it by EOD', '2026-01-28'],
    ['before the end of the day', '2026-01-28'],
    ['Pay tomorrow', '2026-01-29'],
    ['Reply by Friday', '2026-01-30'],
    ['Meet on friday', '2026-01-30'],
    ['this Fri works', '2026-01-30'],
    ['due Thursday', '2026-01-29'],
    ['Payment is due by Friday.', '2026-01-30'],
    ['due on Monday', '2026-02-02'],
    ['by Monday', '2026-02-02'],
    ['by Wednesday (said on a Wednesday)', '2026-02-04'],
    ['until tues', '2026-02-03'],
    ['next Friday', '2026-02-06'],
    ['next Monday', '2026-02-02'],
    ['sometime next week', '2026-02-02'],
    ['by the end of the week', '2026-01-30'],
    ['EOW please', '2026-01-30'],
    ['end of month', '2026-01-31'],
    ['by EOM', '2026-01-31'],
    ['in 3 days', '2026-01-31'],
    ['in 5 days (across the month end)', '2026-02-02'],
    ['within two weeks', '2026-02-11'],
    ['in a week', '2026-02-04'],
    ['in a couple of days', '2026-01-30'],
    ['The deadline is 2026-12-01.', '2026-12-01'],
    ['Either 2026-03-01 or 2026-02-15', '2026-02-15'],
    ['by Friday, or better tomorrow', '2026-01-29'],
    ['Hiking trip this weekend? Let me know!', '2026-01-31'],
    ['Can you help with the move next weekend?', '2026-02-07'],
    ['The library books were due back last Friday', '2026-01-23'],
    ['The report was due last Monday', '2026-01-26'],
    ['Lunch next week? Wednesday 1 PM works for me', '2026-02-04'],
    ['Please pay invoice 12 by Friday. We can meet next week to discuss the rest.', '2026-01-30'],
    ['Please reply to the landlord today, Monica needs the answer.', '2026-01-28'],
    ['How was the weekend?', undefined],
    ['I met her last Friday', undefined],
    ['Car insurance renews 12/20. Compare quotes before then.', '2026-12-20'],
    ['Add 12/20.5 ml', undefined],
    ['Please send your comments by end of day Friday', '2026-01-30'],
    ['Flag anything incorrect by EOD Thursday', '2026-01-29'],
    ['Fill in the questionnaire by the end of next week', '2026-02-06'],
    ['Post the cards before Christmas', '2026-12-25'],
    ['Read it at https://news.example.com/2026/02/17/issue-42', undefined],
    ['The outage on Jan 20 is over; the post-mortem is attached', undefined],
  ])('%s → %s', (text, expected) => {
    expect(findDueDate(text, WEDNESDAY)).toBe(expected);
  });

  test.each([
    ['no date here'],
    ['invoice dated 2025-01-03 (in the past)'],
    ['2026-02-30 is not a day'],
    ["Friday's meeting notes"],
    ['focus on sun protection, sat on the bench'],
    ['by someone'],
    ['in constructor days'],
    ['in 5000 days'],
    ['order 12026-01-290'],
  ])('%s → no date', (text) => {
    expect(findDueDate(text, WEDNESDAY)).toBeUndefined();
  });
});

describe('findDueDate at weekday, month and year edges', () => {
  test.each([
    [FRIDAY, 'by Friday', '2026-02-06'],
    [FRIDAY, 'end of week', '2026-01-30'],
    [FRIDAY, 'tomorrow', '2026-01-31'],
    [FRIDAY, 'next week', '2026-02-02'],
    [SATURDAY, 'end of week', '2026-02-06'],
    [SATURDAY, 'tomorrow', '2026-02-01'],
    [SATURDAY, 'end of month', '2026-01-31'],
    [SATURDAY, 'next week', '2026-02-02'],
    [SUNDAY, 'next week', '2026-02-02'],
    [SUNDAY, 'by Sunday', '2026-02-08'],
    [new Date(2026, 11, 30, 8), 'in 3 days', '2027-01-02'],
    [new Date(2026, 11, 30, 8), 'end of month', '2026-12-31'],
    [new Date(2028, 1, 27, 8), 'end of month', '2028-02-29'],
    [new Date(2026, 0, 28, 0, 0), 'today', '2026-01-28'],
    [new Date(2026, 0, 28, 23, 59), 'today', '2026-01-28'],
  ])('received %s: %s → %s', (received, text, expected) => {
    expect(findDueDate(text, received)).toBe(expected);
  });
});

describe('the item’s own due field', () => {
  test.each([
    ['2026-03-01', '2026-03-01'],
    [' 2026-03-01 ', '2026-03-01'],
    ['2026-03-01T10:00:00Z', '2026-03-01'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    ['2026-13-01', undefined],
    ['2026-02-29', undefined],
    ['tomorrow', undefined],
    [20260301, undefined],
    [null, undefined],
    [new Date(Number.NaN), undefined],
  ])('%s → %s', (value, expected) => {
    expect(readOwnDue(value)).toBe(expected);
  });

  test('wins over dates in the text, even later ones', () => {
    expect(chooseDueDate('2026-06-01', 'do it tomorrow', WEDNESDAY)).toBe('2026-06-01');
  });

  test('an invalid own date falls back to the text', () => {
    expect(chooseDueDate('soon', 'do it tomorrow', WEDNESDAY)).toBe('2026-01-29');
  });
});

// Issue 13's phrases, said on Wednesday 2026-12-02.
const DECEMBER_2 = new Date(2026, 11, 2, 9, 0);

describe('dates written out, and our own rules where chrono-node is weak', () => {
  test.each([
    ['Please reply by December 15, 2026.', '2026-12-15'],
    ['Send it by Dec 15', '2026-12-15'],
    ['Deadline 15/12', '2026-12-15'],
    ['Submit by March 3rd', '2027-03-03'],
    ['The form is due 20 December 2026', '2026-12-20'],
    ['Need the figures by COB February 22nd', '2027-02-22'],
    ['Renew it in a month', '2027-01-02'],
    ['Pay by the 1st of next month', '2027-01-01'],
    ['Let us meet Thursday 10 Dec at 3pm', '2026-12-10'],
    ['on Thursday 10 Dec', '2026-12-10'],
    ['the day after tomorrow works', '2026-12-04'],
    ['by COB', '2026-12-02'],
    ['by close of business', '2026-12-02'],
    ['Pay by the 15th', '2026-12-15'],
    ['Pay by the 1st', '2027-01-01'],
    ['- [ ] File taxes 📅 2026-11-20 (overdue)', '2026-11-20'],
    ['- [ ] Water 🔁 every week on Monday 📅 2026-12-07', '2026-12-07'],
  ])('%s → %s', (text, expected) => {
    expect(findDueDate(text, DECEMBER_2)).toBe(expected);
  });

  test.each([
    ['Monday meeting notes'],
    ['It took 5 days to arrive'],
    ['Add 1/2 cup flour'],
    ['Rated 3.5 stars'],
    ['Invoice of December 1, 2026 (already past)'],
    ['at 5pm'],
    ['# 2026-12-05'],
    ['- [ ] Standup 🔁 every weekday'],
    ['- [x] Paid ✅ 2026-12-20'],
  ])('%s → no date', (text) => {
    expect(findDueDate(text, DECEMBER_2)).toBeUndefined();
  });
});

describe('lines whose dates are no deadline', () => {
  test.each([
    ['- [x] Took out the trash 📅 2026-11-30 ✅ 2026-11-30'],
    ['## Do today'],
    ['# 2026-12-02'],
    ['---------- Forwarded message ----------\nDate: Thu, 3 Dec 2026 17:28:42 -0400\nSubject: testing'],
  ])('%s → no date', (text) => {
    expect(findDueDate(text, DECEMBER_2)).toBeUndefined();
  });

  test('an open task among ticked ones keeps its date', () => {
    expect(findDueDate('- [x] Old 📅 2026-11-30\n- [ ] New 📅 2026-12-07', DECEMBER_2)).toBe('2026-12-07');
  });
});

// Issue: dates that are not deadlines (trial set of 49 items labelled blind).
describe('what is not the due date, and past dates that are', () => {
  const DEC_2 = new Date(2026, 11, 2, 9, 0); // a Wednesday
  test.each([
    ['Follow up with Acme about the overdue invoice #4471 (was due Nov 20)', '2026-11-20'],
    ['The invoice was due on March 3 and is still open', '2026-03-03'],
    ['Book flights to Lisbon for the conference (Jan 14-16). Prices go up next week.', '2026-12-07'],
    ['Book flights for the conference (Jan 14-16) by Friday', '2026-12-04'],
    ["How's Tuesday at 11? Thanks", '2026-12-08'],
    ['call before noon Monday', '2026-12-07'],
    ['Pay it by 5pm Friday', '2026-12-04'],
    ['Invitation: Test event @ Thu Dec 10, 2026 11am - 12pm', '2026-12-10'],
  ])('%j -> %s', (text, expected) => {
    expect(findDueDate(text, DEC_2)).toBe(expected);
  });

  test.each([
    'Your computer now has the latest version (version 2.5).',
    'Would you accept this if it was scheduled for tomorrow?',
    'If the report were due today we would be late.',
    '*Sent:* Thursday, February 09, 2027 1:36 PM',
    'The conference runs Jan 14-16.',
  ])('no due date: %j', (text) => {
    expect(findDueDate(text, DEC_2)).toBeUndefined();
  });

  test('a condition that is not hypothetical keeps its date', () => {
    expect(findDueDate('If possible, send it by tomorrow', DEC_2)).toBe('2026-12-03');
  });
});
