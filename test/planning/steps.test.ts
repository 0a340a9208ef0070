import { findDueDate } from '../../src/planning/rules/due-date.js';
import { describe, expect, test } from 'vitest';
import type { PlanItem } from '../../src/planning/planner.js';
import { makeItem } from './plain-item.js';
import { buildSteps, readActionSentences, readCheckboxSteps } from '../../src/planning/rules/steps.js';


const texts = (item: PlanItem) => buildSteps(item, undefined, false).map((step) => step.text);

describe('steps from the item’s own checkboxes', () => {
  test('unchecked boxes in order; ticked ones and fenced code are skipped', () => {
    const body = [
      '- [ ] Call the bank',
      '* [ ] Send the form',
      '- [x] Already done',
      '- [-] Cancelled',
      '1. [ ] Numbered one',
      '```',
      '- [ ] not a task, just code',
      '```',
      '+ [ ]   spaced   out  ',
    ].join('\n');
    expect(texts(makeItem({ text: body }))).toEqual(['Call the bank', 'Send the form', 'Numbered one', 'spaced out']);
  });

  test('they win over action sentences', () => {
    expect(texts(makeItem({ text: 'Please pay the rent.\n- [ ] Water the plants' }))).toEqual(['Water the plants']);
  });

  test('a box keeps its own Tasks fields as written (priority, dates, recurrence)', () => {
    expect(readCheckboxSteps('- [ ] Renew passport ⏫ 📅 2026-03-01\n- [ ] Water plants 🔁 every week on Monday ⏳ 2026-02-02\n- [ ] Plain')).toEqual([
      { text: 'Renew passport', due: '2026-03-01', fields: '⏫ 📅 2026-03-01' },
      { text: 'Water plants', fields: '🔁 every week on Monday ⏳ 2026-02-02' },
      { text: 'Plain' },
    ]);
  });

  test('a recurrence is not a deadline', () => {
    expect(findDueDate('- [ ] Water plants 🔁 every week on Monday', new Date(2026, 0, 28))).toBeUndefined();
    expect(findDueDate('- [x] Paid ✅ 2026-01-20', new Date(2026, 0, 28))).toBeUndefined();
  });

  test('at most 10 steps of at most 200 characters', () => {
    const body = Array.from({ length: 15 }, (_, i) => `- [ ] step ${i} ${'x'.repeat(300)}`).join('\n');
    const steps = readCheckboxSteps(body);
    expect(steps).toHaveLength(10);
    expect(steps.every((s) => [...s.text].length <= 200 && s.text.endsWith('…'))).toBe(true);
  });

  test('a companion’s text attachment may hold them too', () => {
    const item = makeItem({ kind: 'text', text: '- [ ] Buy milk\n', attachment: { name: 'todo.txt', sizeBytes: 20 } });
    expect(texts(item)).toEqual(['Buy milk']);
  });
});

describe('steps from action sentences', () => {
  test.each([
    ['Please send the signed contract by Friday.', ['Send the signed contract by Friday']],
    ['We need to renew the passport too!', ['We need to renew the passport too']],
    ['Could you call the plumber?', ['Call the plumber']],
    ['Hi Sam,\nThanks for your email.\nLunch was nice.', []],
    ['Update: we moved offices.', []],
    ['Don’t forget to book the flights. Then relax.', ['Don’t forget to book the flights']],
    ['- pay rent\n- **review** the `draft`', ['Pay rent', 'Review the draft']],
    ['Pay rent. pay rent!', ['Pay rent']],
    ['Also check the statement. Then, email Bo.', ['Check the statement', 'Email Bo']],
    ['> Please reply to the old thread\n# Schedule heading', []],
    ['<p>Please confirm the booking.</p>', ['Confirm the booking']],
    ['I will follow up with Ana. Kindly, fill out the form', ['I will follow up with Ana', 'Fill out the form']],
    ['Invoice 4711 from ACME is overdue; pay it by Friday.', ['Invoice 4711 from ACME is overdue; pay it by Friday']],
    ['The office is closed; update: we moved.', []],
  ])('%j → %j', (text, expected) => {
    expect(readActionSentences(text)).toEqual(expected);
  });

  test('at most 10', () => {
    expect(readActionSentences(Array.from({ length: 20 }, (_, i) => `Call person ${i}.`).join(' '))).toHaveLength(10);
  });

  test('an email’s headers are not read, only its body', () => {
    const item = makeItem({ kind: 'email', email: { subject: 'Please review the contract' }, text: 'Please pay the invoice.\n', attachment: { name: 'mail.eml', sizeBytes: 99 } });
    expect(texts(item)).toEqual(['Pay the invoice']);
  });

  test('embed-only lines are not read for sentences', () => {
    const item = makeItem({ kind: 'file', text: '![[Please review a.bin]]', attachment: { name: 'a.bin', sizeBytes: 1 } });
    expect(texts(item)).toEqual(['Open and review a.bin', 'Decide the next action']);
  });
});

describe('an email that asks nothing and names no date is FYI', () => {
  test.each([
    ['email that says something', { kind: 'email', text: 'Hello.', attachment: { name: 'm.eml', sizeBytes: 1 } }, ['Read the email from the sender: "Hello." — nothing is asked, no action needed (FYI)', 'File it, or answer if it needs one']],
    ['FYI reply, named', { kind: 'email', text: "Hi Jamie, I just can't eat shellfish. Thanks", email: { from: 'Jane <j@x.test>', subject: 'Re: Dietary Requirements' } }, ['Read the email from Jane <j@x.test> about "Dietary Requirements": "Hi Jamie, I just can\'t eat shellfish. Thanks" — nothing is asked, no action needed (FYI)', 'File it, or answer if it needs one']],
  ] as Array<[string, Partial<PlanItem>, string[]]>)('%s', (_kind, over, expected) => {
    expect(buildSteps(makeItem(over), undefined, false, false).map((step) => step.text)).toEqual(expected);
  });
});

describe('steps suited to the item’s kind', () => {
  test.each([
    ['email with a deadline but no request', { kind: 'email', text: 'Payment is due by Friday.', email: { from: 'Acme Billing <b@acme.test>', subject: 'Invoice 118' } }, ['Read the email from Acme Billing <b@acme.test> about "Invoice 118": "Payment is due by Friday."', 'File it, or answer if it needs one']],
    ['email from a person who asks', { kind: 'email', email: { from: 'Ann <ann@x.test>' }, text: 'Is the venue still free on the 9th?', title: 'Re: Venue' }, ['Read the email', 'Answer Ann <ann@x.test>: "Is the venue still free on the 9th?"']],
    ['a short question, quoted with what it is about', { kind: 'email', email: { from: 'John <j@x.test>' }, text: 'Hi, I still have the same problem.... Can you help?' }, ['Read the email', 'Answer John <j@x.test>: "Hi, I still have the same problem.... Can you help?"']],
    ['newsletter', { kind: 'email', email: { bulk: true, fromAddress: 'news@shop.test' }, text: 'Our best deals this week?' }, ['A newsletter or list mail: nothing is asked', 'File or delete it']],
    ['bounce', { kind: 'email', email: { fromAddress: 'MAILER-DAEMON@mx.test', automated: true }, text: 'Delivery to <bo@gone.test> failed permanently.' }, ['A bounce: check which message could not be delivered to bo@gone.test and why', 'Check the address and resend it, if it still matters']],
    ['PDF without text', { kind: 'pdf', attachment: { name: 'Bill.PDF', sizeBytes: 1 } }, ['Review the document Bill.PDF', 'Note any amounts, dates or actions it asks for', 'File the document']],
    ['image', { kind: 'image', attachment: { name: 'photo.jpeg', sizeBytes: 1 } }, ['Look at the image photo.jpeg', 'File it where it belongs']],
    ['other file', { kind: 'file', attachment: { name: 'data.zip', sizeBytes: 1 } }, ['Open and review data.zip', 'Decide the next action']],
        ['note', { text: 'Just a thought about lunch.' }, ['Review the note "item" (Just a thought about lunch)', 'Decide the next action']],
  ] as Array<[string, Partial<PlanItem>, string[]]>)('%s', (_kind, over, expected) => {
    expect(texts(makeItem(over))).toEqual(expected);
  });
});

describe('due date and priority on steps', () => {
  test('the due date goes on the last step; ⏫ on every step when high', () => {
    const steps = buildSteps(makeItem({ text: 'Call the bank. Send the form.' }), '2026-02-01', true);
    expect(steps).toEqual([
      { text: 'Call the bank', high: true },
      { text: 'Send the form', due: '2026-02-01', high: true },
    ]);
  });

  // Issue D7: Tasks shows the item's task and the plan's copy; the copy must not claim a priority or a date the user never set.
  test('checkboxes copied from the item keep exactly their own fields, even on a high plan with a due date', () => {
    const steps = buildSteps(makeItem({ text: '- [ ] #task Throw the trash away\n- [ ] b 📅 2026-02-10\n- [ ] c 🔽' }), '2026-02-01', true);
    expect(steps).toEqual([
      { text: '#task Throw the trash away' },
      { text: 'b', due: '2026-02-10', fields: '📅 2026-02-10' },
      { text: 'c', fields: '🔽' },
    ]);
  });

  test('no due date and normal priority leave steps bare', () => {
    expect(buildSteps(makeItem(), undefined, false)).toEqual([{ text: 'Review the note "item"' }, { text: 'Decide the next action' }]);
  });
});

describe('a note named as a list', () => {
  test.each([
    ['Shopping list', '- milk\n- eggs\n- 2 lemons', ['milk', 'eggs', '2 lemons']],
    ['Groceries', '* bread\n* coffee', ['bread', 'coffee']],
    ['Untitled', '# Packing list\n- passport\n- charger', ['passport', 'charger']],
  ])('%s: its bullets are the steps', (stem, text, expected) => {
    expect(texts(makeItem({ stem, text }))).toEqual(expected);
  });

  test.each([
    ['Deep Work thoughts', '- block mornings for writing\n- no Slack before 11'],
    ['Marketing sync', '- Q1 budget approved\n- Newsletter moves to bi-weekly'],
  ])('%s: bullets of other notes are not', (stem, text) => {
    expect(texts(makeItem({ stem, text }))).toEqual([`Review the note "${stem}" (${text.slice(2, text.indexOf('\n'))})`, 'Decide the next action']);
  });
});
