import { describe, expect, test } from 'vitest';
import { looksLikeScam } from '../../src/planning/rules/scam-signs.js';

describe('scam signs: two different ones make a scam', () => {
  test.each([
    ['refinance spam', 'You have qualified for the lowest rate in years. Low rates are fixed on your mortgage. Please visit the link below to verify your information.', true],
    ['advance-fee fraud', 'I am the next of kin of a prince; the fund transfer of 25 million US dollars is risk-free.', true],
    ['a sign-up mail (one sign)', 'Thanks for signing up. Please verify your account.', false],
    ['a real mortgage letter', 'Your fixed rate on the mortgage ends in March; call us to discuss your options.', false],
    ['an honest approval', 'You have been selected for the interview on Friday.', false],
    ['stock promotion', 'Exciting Easter Investor Alert. Ticker:IGTS. IGTS is expected to Explode All Next Week, profit big!', true],
    ['a portfolio note (one sign)', 'The fund holds OTC markets shares; the review is on Monday.', false],
    ['an honest request with urgency', 'Please get in touch asap about the stock count in the warehouse.', false],
  ])('%s', (_case, text, scam) => {
    expect(looksLikeScam(text)).toBe(scam);
  });
});
