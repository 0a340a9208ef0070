import { describe, expect, test } from 'vitest';
import { imperativeVerb } from '../../src/planning/rules/imperative.js';
import { cutCarriedParts } from '../../src/planning/rules/message-parts.js';
import { readQuestions, readRequests } from '../../src/planning/rules/requests.js';
import { readSentences } from '../../src/planning/rules/sentences.js';
import { readActionSentences } from '../../src/planning/rules/steps.js';

// The request rules of issue "any verb, not a fixed list", on sentences as people write them.

describe('indirect requests make steps', () => {
  test.each([
    ['Martin, can we get:\n\n1 L Male\n1 M Male\n\nThat would be awesome!', ['Get: 1 L Male 1 M Male']],
    ['Hello,\n\nI hope you can check it\n\nThanks!', ['Check it']],
    ['I was wondering if you could send me the slides from Tuesday.', ['Send me the slides from Tuesday']],
    ['I need you to sign the lease before the weekend.', ['Sign the lease before the weekend']],
    ['I wanted to discuss the issue with regards to the payment processing system.', ['I wanted to discuss the issue with regards to the payment processing system']],
    ['-- first point needs to be checked\n-- second point needs to be checked', ['First point needs to be checked', 'Second point needs to be checked']],
    ['On your remote host you can run:\n\n     telnet 127.0.0.1 52698\n\nThis should connect.', ['Run: telnet 127.0.0.1 52698']],
    ['Let me know what you see.', ['Let me know what you see']],
    ['Could we move the review to Thursday?', ['Move the review to Thursday']],
    ['Please review the contract and let me know if you have any comments by Friday.', ['Review the contract and let me know if you have any comments by Friday']],
    ['Please please send me the keys by Friday.', ['Send me the keys by Friday']],
    ['Please review and update the following by end of day Friday\n- Cloud infrastructure costs\n- Tool licences', ['Review and update the following by end of day Friday: Cloud infrastructure costs']],
    ["If you haven't reviewed your selections, please log into the HR portal before the deadline.", ["If you haven't reviewed your selections, please log into the HR portal before the deadline"]],
  ])('%j', (text, expected) => {
    expect(readActionSentences(text)).toEqual(expected);
  });

  test.each([
    'I wanted to let you know that the office is closed on Friday.',
    'I just wanted to say thanks for yesterday.',
    'You can upgrade to a paying account or cancel any time.',
    'Can you believe it?',
    'It should be fine.',
    'Please find attached invoice 2026-118 for the fourth quarter.',
    'Attached please find the minutes.',
    'Test test. Hi. Waving.',
    'Hello, hello?',
    'If you would like to make any changes to your subscription, please visit your account settings.',
    'Please plan accordingly.',
  ])('not a request: %j', (text) => {
    expect(readRequests(text)).toEqual([]);
  });
});

describe('labels and action items in notes', () => {
  test.each([
    ['URGENT: submit the expense report today, finance closes the month at 5pm', ['Submit the expense report today, finance closes the month at 5pm']],
    ['TODO: call mom tomorrow', ['Call mom tomorrow']],
    ['Reminder: pay rent by Friday', ['Pay rent by Friday']],
    ['todo: dentist', ['Dentist']],
    ['Someday: learn to play the cello', ['Someday: learn to play the cello']],
    ['Note: send the draft to Ana first.', ['Send the draft to Ana first']],
    ['## Action items\n- Me: send the revised budget to finance by Friday\n- Tom: book the photographer', ['Send the revised budget to finance by Friday']],
    ['## Action items\n- Tom: book the photographer\n- Priya: draft the newsletter copy', ['Follow up with Tom: book the photographer', 'Follow up with Priya: draft the newsletter copy']],
    ["Mom's birthday on the 12th - order flowers by Thursday", ["Mom's birthday on the 12th - order flowers by Thursday"]],
  ])('%j', (text, expected) => {
    expect(readActionSentences(text)).toEqual(expected);
  });

  test.each([
    'Action       : The Firebox deleted export_pdf.js.',
    'Attendees: Priya, Tom, me',
    'Status: done',
    'Idea: a podcast about old maps',
  ])('not a task: %j', (text) => {
    expect(readActionSentences(text)).toEqual([]);
  });
});

describe('an imperative with any verb: a first word followed by an object', () => {
  test.each([
    ['Ping Sarah about the deploy', undefined],
    ['Renegotiate the lease with the landlord', 'renegotiate'],
    ['Shred them before Friday', 'shred'],
    ['Order 3 boxes of paper', 'order'],
    ['Try it for two weeks', 'try'],
  ])('%j -> %s', (sentence, verb) => {
    expect(imperativeVerb(sentence)).toBe(verb);
  });

  test.each([
    'Tomorrow the office is closed',
    'After the call we agreed on a date',
    'Thanks for the update',
    'Hope all is well',
    'Meeting the team was fun',
    'Attached the report you wanted',
    'Makes the whole thing easier',
    'Recordkick 2007-10-22 23:45:23',
    'Love the new design',
    'Note that the office is closed',
    'Is this a good price',
  ])('not an imperative: %j', (sentence) => {
    expect(imperativeVerb(sentence)).toBeUndefined();
  });
});

describe('sentences', () => {
  test.each([
    ["Call back Dr. Ruiz's office about the MRI results - they said it's important.", 1],
    ['Acme Inc. wants the quote. Send it today.', 2],
    ['Ask J. Smith e.g. by phone. Then file it.', 2],
    ['Done. Next one!', 2],
  ])('%j has %i sentences', (text, count) => {
    expect(readSentences(text)).toHaveLength(count);
  });
});

describe('what a message carries along is cut', () => {
  test.each([
    ['quoted reply', 'Sounds good, see you then.\n\nOn Tue, 9 Jan 2024, Ana wrote:\n> Please send the report by Friday.', 'Sounds good, see you then.\n'],
    ['Outlook forward', 'FYI below\n\n ------------------------------\n\n*From:* Google <noreply@google.com>\n*Sent:* Thursday, February 09, 2012\n\nPlease update now.', 'FYI below\n'],
    ['signature', 'Attached are the comments.\n-- \nJo Bloggs\nCall me on 555 1234', 'Attached are the comments.'],
    ['sign-off and footer', 'Can you review the draft?\n\nThanks,\nJo\nAcme Ltd, 1 Main St', 'Can you review the draft?\n'],
    ['legal disclaimer', 'See attached.\n\nNOTICE: If you are not the intended recipient, please notify the sender and delete it.', 'See attached.\n'],
    ['log lines', 'The resize failed:\nMay 29 12:00:12 ubuntu ntfsresize: Please make a test run first\nAny idea?', 'The resize failed:\nAny idea?'],
  ])('%s', (_case, text, expected) => {
    expect(cutCarriedParts(text)).toBe(expected);
  });

  test('a P.S. after the sign-off is still the sender’s', () => {
    expect(cutCarriedParts('Hi\n\nThanks,\nJo\n\nP.S. Please bring the keys')).toContain('Please bring the keys');
  });

  test('a message forwarded without a word keeps the forwarded text', () => {
    expect(cutCarriedParts('---------- Forwarded message ----------\nFrom: Bob <b@x.test>\n\nForward please')).toContain('Forward please');
  });
});

test('a forwarded message’s header lines are not sentences', () => {
  expect(readActionSentences('---------- Forwarded message ----------\nFrom: Bob <b@x.test>\nSubject: Please forward this email to me\n\nForward please')).toEqual(['Forward please']);
});

describe('questions put to the reader', () => {
  test.each([
    ['I still have the same problem.... Can you help?', ['Can you help?']],
    ['Could you check?', ['Could you check?']],
    ['Is the venue still free on the 9th?', ['Is the venue still free on the 9th?']],
    ['Why not?', []],
    ['Really?', []],
  ])('%j', (text, expected) => {
    expect(readQuestions(text)).toEqual(expected);
  });
});
