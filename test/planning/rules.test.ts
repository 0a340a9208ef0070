import { describe, expect, test } from 'vitest';
import { chooseTitle, writeObjective } from '../../src/planning/rules/describe-item.js';
import type { PlanContext, PlanItem } from '../../src/planning/planner.js';
import { makeItem } from './plain-item.js';
import { planWithRules, readOwnTags } from '../../src/planning/rules/rules.js';


const CTX: PlanContext = { handbook: '', goals: '', highKeywords: [], now: new Date(2026, 5, 1, 12) };

describe('title', () => {
  test.each([
    ['frontmatter title', { frontmatter: { title: '  Quarterly  taxes ' }, text: '# Heading' }, 'Quarterly taxes'],
    ['numeric title', { frontmatter: { title: 2026 } }, '2026'],
    ['email subject', { kind: 'email', title: 'Re: Invoice 42', email: { subject: 'Re: Invoice 42' } }, 'Re: Invoice 42'],
    ["a note's name", { stem: 'Trips', text: '# Ingredients\n' }, 'Trips'],
    ['first heading of an Untitled note', { stem: 'Untitled', text: 'intro line\n\n## Call the bank\n# Later' }, 'Call the bank'],
    ['heading in code is not one', { stem: 'Untitled 2', text: '```\n# not me\n```\nReal first line' }, 'Real first line'],
    ['first line, list marker dropped', { stem: 'Untitled', text: '\n\n- [ ] buy milk\n- eggs' }, 'buy milk'],
    ['embed lines skipped, then stem', { stem: 'scan.png', text: '![[scan.png]]\n' }, 'scan.png'],
    ['control characters', { frontmatter: { title: 'a\u0000b\r\nc\u202Ed' } }, 'a b c d'],
    ['blank title falls through', { frontmatter: { title: '   ' }, stem: 'My stem' }, 'My stem'],
    ['empty everything', { stem: '' }, 'Untitled item'],
  ] as Array<[string, Partial<PlanItem>, string]>)('%s', (_case, over, expected) => {
    expect(chooseTitle(makeItem(over))).toBe(expected);
  });

  test('at most 100 characters, one line', () => {
    const title = chooseTitle(makeItem({ stem: 'Untitled', text: `# ${'long words '.repeat(40)}` }));
    expect([...title].length).toBeLessThanOrEqual(100);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('objective', () => {
  test.each([
    ['note: first sentence', { text: '# Title\nWe should repaint the hall. It is grey.' }, 'We should repaint the hall.'],
    ['note: line without a full stop', { text: 'Shopping list:\n- [ ] milk' }, 'Shopping list.'],
    ['note: only checkboxes', { text: '- [ ] milk' }, 'Handle the note "T".'],
    ['email', { kind: 'email', email: { from: 'Ana <ana@x.org>', subject: 'Rent' } }, 'Handle the email from Ana <ana@x.org> about "Rent".'],
    ['email without sender', { kind: 'email', frontmatter: {} }, 'Handle the email about "T".'],
    ['pdf', { kind: 'pdf', attachment: { name: 'a.pdf', sizeBytes: 1 } }, 'Review the document a.pdf and act on what it asks for.'],
    ['image', { kind: 'image', attachment: { name: 'a.png', sizeBytes: 1 } }, 'Look at the image a.png and file it where it belongs.'],
    ['file', { kind: 'file', attachment: { name: 'a.zip', sizeBytes: 1 } }, 'Review the file a.zip and decide what to do with it.'],
  ] as Array<[string, Partial<PlanItem>, string]>)('%s', (_case, over, expected) => {
    expect(writeObjective(makeItem(over), 'T')).toBe(expected);
  });
});

describe('tags', () => {
  test.each([
    [['finance', '#home', 3, 'two words', ''], ['finance', 'home']],
    ['work, #home  errands', ['work', 'home', 'errands']],
    [undefined, []],
    [{ a: 1 }, []],
  ])('%j → %j', (value, expected) => {
    expect(readOwnTags(value)).toEqual(expected);
  });
});

describe('planWithRules', () => {
  test('a note with the user’s own fields', () => {
    const item = makeItem({
      frontmatter: { title: 'Renew passport', priority: 'low', tags: ['admin', 'ai-employee'] },
      text: 'URGENT: the passport expires. Book an appointment by Friday.\n',
    });
    expect(planWithRules(item, CTX)).toEqual({
      title: 'Renew passport',
      objective: 'URGENT: the passport expires.',
      steps: [{ text: 'Book an appointment by Friday', due: '2026-01-30' }],
      priority: 'low',
      due: '2026-01-30',
      tags: ['ai-employee', 'note', 'admin'],
      planner: 'rules',
    });
  });

  test('handbook and configured keywords make it high', () => {
    const handbook = '## Priority keywords\n- high: landlord\n';
    expect(planWithRules(makeItem({ text: 'Letter from the landlord' }), { ...CTX, handbook }).priority).toBe('high');
    expect(planWithRules(makeItem({ text: 'Letter from the school' }), { ...CTX, highKeywords: ['School'] }).priority).toBe('high');
    // Asking nothing and naming no date, it is kept for reference: low.
    expect(planWithRules(makeItem({ text: 'Letter from the school' }), CTX).priority).toBe('low');
    expect(planWithRules(makeItem({ text: 'Letter from the school. Sign the form.' }), CTX).priority).toBe('normal');
  });

  test('an email companion: subject, sender, body sentences, ⏫ steps, due from the body', () => {
    const item = makeItem({
      kind: 'email',
      stem: 'mail.eml',
      fileName: 'mail.eml.md',
      email: { subject: 'Overdue invoice', from: 'billing@acme.test' },
      title: 'Overdue invoice',
      text: 'Please pay it tomorrow.\n',
      attachment: { name: 'mail.eml', sizeBytes: 200 },
    });
    const draft = planWithRules(item, CTX);
    expect(draft).toMatchObject({ title: 'Overdue invoice', priority: 'high', due: '2026-01-29', tags: ['ai-employee', 'email'] });
    expect(draft.steps).toEqual([{ text: 'Pay it tomorrow', due: '2026-01-29', high: true }]);
  });

  test('a dropped PDF named invoice is to be paid, but not high for its name alone; a date in its file name is not a due date', () => {
    const item = makeItem({ kind: 'pdf', stem: 'invoice 2026-02-01.pdf', text: '', attachment: { name: 'invoice 2026-02-01.pdf', sizeBytes: 9 } });
    const draft = planWithRules(item, CTX);
    expect(draft.priority).toBe('normal');
    expect(draft.due).toBeUndefined();
    expect(draft.steps.map((s) => s.text).slice(0, 2)).toEqual(['Review the document invoice 2026-02-01.pdf', 'Pay the invoice (check the amount and the payee first)']);
  });

  test('an invoice that says when it is due is high; a receipt is low and asks nothing', () => {
    const invoice = planWithRules(makeItem({ kind: 'pdf', stem: 'a.pdf', text: 'Invoice 4711\nAmount due: $385.00\nDue: February 1, 2026\n', attachment: { name: 'a.pdf', sizeBytes: 9 } }), CTX);
    expect(invoice).toMatchObject({ priority: 'high', due: '2026-02-01' });
    const receipt = planWithRules(makeItem({ kind: 'email', email: { from: 'Shop <billing@shop.test>' }, text: 'Thank you for your payment. Your receipt for order 42 is attached.\n' }), CTX);
    expect(receipt.priority).toBe('low');
    expect(receipt.steps.map((s) => s.text)).toEqual(['A receipt: nothing to pay; keep it for your records', 'File it']);
  });

  test('a scam is low and never answered', () => {
    const text = 'I am writing concerning Twenty-Five Million United States Dollars. As the beneficiary, please respond urgently.';
    const draft = planWithRules(makeItem({ kind: 'email', email: { from: 'Prince <p@x.test>' }, text }), CTX);
    expect(draft.priority).toBe('low');
    expect(draft.steps[0]!.text).toMatch(/^Looks like a scam or phishing: do not reply/);
  });

  test('an invalid received time counts from ctx.now', () => {
    const draft = planWithRules(makeItem({ received: new Date(Number.NaN), text: 'Call Bo tomorrow.' }), CTX);
    expect(draft.due).toBe('2026-06-02');
  });

  test('is deterministic and does not change its input', () => {
    const item = makeItem({ frontmatter: { tags: ['x'] }, text: '- [ ] one\nby EOM' });
    const copy = structuredClone(item);
    expect(planWithRules(item, CTX)).toEqual(planWithRules(item, CTX));
    expect(item).toEqual(copy);
  });
});

describe('what makes a plan right (issue 13)', () => {
  test('"urgent" inside a quote or a recipe paragraph does not make an item high', () => {
    expect(planWithRules(makeItem({ text: '> This is urgent, said the king.\n\nA passage I liked.' }), CTX).priority).toBe('low');
    // "Keep some stock" is an imperative, so the note asks something; "in case of emergency" is a contingency, not urgency.
    expect(planWithRules(makeItem({ text: 'Keep some stock in case of emergency. Simmer for an hour.' }), CTX).priority).toBe('normal');
  });

  test('a request with a deadline tomorrow is high; a greeting is not part of the step', () => {
    const draft = planWithRules(makeItem({ kind: 'email', email: { from: 'Ann <ann@x.test>' }, text: 'Hi Bo, could you get the keys to me by tomorrow?' }), CTX);
    expect(draft.priority).toBe('high');
    expect(draft.steps[0]!.text).toBe('Get the keys to me by tomorrow');
  });

  test('boilerplate never becomes a step', () => {
    const draft = planWithRules(makeItem({ kind: 'email', email: { bulk: true }, text: 'Reply to this email if you have any questions. For further assistance, please read our help center article.' }), CTX);
    expect(draft.steps.map((s) => s.text)).toEqual(['A newsletter or list mail: nothing is asked', 'File or delete it']);
    expect(draft.priority).toBe('low');
  });

  test('an action verb outside the old list is found', () => {
    expect(planWithRules(makeItem({ text: 'Reset the admin password ASAP.' }), CTX).steps[0]).toMatchObject({ text: 'Reset the admin password ASAP', high: true });
  });
});

// Issue: the trial set of 49 items labelled blind (plans for replies, notes and clippings).
describe('plans for replies and typed notes', () => {
  const DEC_2 = { ...CTX, now: new Date(2026, 11, 2, 9) };
  const note = (text: string) => planWithRules(makeItem({ text, received: new Date(2026, 11, 2, 9) }), DEC_2);
  const reply = (text: string) =>
    planWithRules(makeItem({ kind: 'email', title: 'Re: Dietary Requirements for Team Dinner on Friday', email: { from: 'Jane <jane@x.test>', subject: 'Re: Dietary Requirements for Team Dinner on Friday', date: new Date(2023, 10, 14, 14) }, text }), DEC_2);

  test.each([
    ['an FYI reply: the subject’s event is not its due', "Hi, I just can't eat shellfish. Thanks", undefined],
    ['a reply that asks: the subject’s day is the due', 'Please let the venue know.', '2023-11-17'],
  ])('%s', (_case, text, due) => {
    expect(reply(text).due).toBe(due);
  });

  test.each([
    ['URGENT: submit the expense report today, finance closes the month at 5pm', 'high', '2026-12-02'],
    ["Mom's birthday on the 12th - order flowers by Thursday", 'high', '2026-12-03'],
    ["Call back Dr. Ruiz's office about the MRI results - they said it's important, call before noon Monday", 'high', '2026-12-07'],
    ['Send the revised budget to finance by Friday', 'normal', '2026-12-04'],
    ['Someday: learn to play the cello', 'low', undefined],
    ['Follow up with Acme about the overdue invoice #4471 (was due Nov 20)', 'high', '2026-11-20'],
    ['Pay the electricity bill - due Dec 10', 'normal', '2026-12-10'],
    ['Pay the electricity bill - due Dec 5', 'high', '2026-12-05'],
    ['An invoice for the consulting work, payment due Jan 15', 'normal', '2027-01-15'],
  ])('%j -> %s, due %s', (text, priority, due) => {
    const draft = note(text);
    expect(draft.priority).toBe(priority);
    expect(draft.due).toBe(due);
  });
});

// Issue D2/D6: clippings, help pages and recipes are kept, not done.
describe('reference notes', () => {
  const plan = (frontmatter: Record<string, unknown>, text: string) => planWithRules(makeItem({ stem: 'Essay', frontmatter, text, received: new Date(2026, 11, 2, 9) }), CTX);
  const ESSAY = '- Always demand a deadline.\n- Would you accept this if it was scheduled for tomorrow?\n- Show up. Put it back where you first looked for it.';
  test.each([
    ['a clipping by category', { categories: ['[[Clippings]]'], author: ['[[Kevin Kelly]]'] }, ESSAY],
    ['a page with url and published', { url: 'https://kk.org/advice', published: '2020-04-28' }, ESSAY],
    ['a help page with permalink and publish', { permalink: 'properties', publish: true }, '- Use the **Add file property** command.\n- Choose it from the menu.'],
    ['a recipe by its headings', {}, '# Toast\n## Ingredients\n- [ ] Bread\n## Instructions\n1. Toast the bread tomorrow'],
  ])('%s: low, no due, one keep step', (_case, frontmatter, text) => {
    const draft = plan(frontmatter, text);
    expect(draft.priority).toBe('low');
    expect(draft.due).toBeUndefined();
    expect(draft.steps).toEqual([{ text: 'Keep "Essay" for reference: nothing is asked (tick to file it in Done/)' }]);
  });

  test.each([
    ['a url alone (a bookmark to act on)', { url: 'https://example.com/form' }, 'Fill in the form by Friday.'],
    ['an author field alone', { author: 'me' }, 'Send the draft to Ana.'],
    ['tags that say book', { tags: ['book'] }, 'Return the book to the library tomorrow.'],
  ])('not reference: %s', (_case, frontmatter, text) => {
    expect(plan(frontmatter, text).priority).not.toBe('low');
  });

  test('the user’s own priority and due still win', () => {
    const draft = plan({ categories: ['[[Clippings]]'], priority: 'high', due: '2026-12-24' }, ESSAY);
    expect([draft.priority, draft.due]).toEqual(['high', '2026-12-24']);
  });

  test('a ticked task’s handbook keyword does not weigh', () => {
    const ctx = { ...CTX, handbook: '## Priority keywords\n- high: landlord\n' };
    const item = makeItem({ text: '- [ ] forward mail\n- [x] give notice to landlord' });
    expect(planWithRules(item, ctx).priority).toBe('normal');
  });
});

test('a note about a receipt that asks for something is planned, not filed as a receipt', () => {
  const draft = planWithRules(makeItem({ text: "Physio receipt: the insurance claim form has to be submitted within 10 days or they won't reimburse. Fill it in and upload it to the portal." }), CTX);
  expect(draft.steps.map((step) => step.text)).toContain('Fill it in and upload it to the portal');
  expect(draft.priority).toBe('normal');
  expect(draft.due).toBe('2026-02-07'); // ten days after it arrived (plain-item.ts: 2026-01-28)
});

describe('whose words an email holds', () => {
  const email = (text: string) => makeItem({ kind: 'email', text, title: 'Ticket 4411', email: { from: 'Support <help@shop.example>', subject: 'Ticket 4411' } });

  test('the sender’s own promise is no task of the reader’s, and its "as soon as possible" no urgency', () => {
    const draft = planWithRules(email('Thank you for contacting us. We will get back to you as soon as possible with an update on your request.'), CTX);
    expect(draft.priority).not.toBe('high');
    expect(draft.steps[0]!.text).toMatch(/nothing is asked/);
    expect(draft.steps.some((step) => /^we will/i.test(step.text))).toBe(false);
  });

  test('a promise followed by an ask: the ask is the reader’s', () => {
    const draft = planWithRules(email('We will send the contract tomorrow, so please sign it and return it by Friday.'), CTX);
    expect(draft.steps[0]!.text).toMatch(/sign it and return it by Friday/);
  });

  test('the same promise in the user’s own note is the user’s task', () => {
    const draft = planWithRules(makeItem({ text: "I'll call the plumber about the leak." }), CTX);
    expect(draft.steps.map((step) => step.text)).toContain("I'll call the plumber about the leak");
  });

  test('a newsletter’s call to action is no step: the plan names the newsletter by its subject', () => {
    const item = makeItem({ kind: 'email', text: 'Check out these exclusive deals! Book your next adventure at a discounted rate.', title: 'Exclusive Travel Deals', email: { from: 'promotions@deals.example', subject: 'Exclusive Travel Deals', bulk: true } });
    const draft = planWithRules(item, CTX);
    expect(draft.steps.map((step) => step.text)).toEqual(['A newsletter or list mail about "Exclusive Travel Deals": nothing is asked', 'File or delete it']);
    expect(draft.priority).toBe('low');
  });

  test('a monitor’s alert asks nothing but is no FYI: normal, with a step naming it', () => {
    const item = makeItem({ kind: 'email', text: 'Instance i-0b2d CPU utilization is 97% (threshold 90%).', title: 'Alert: CPU utilization exceeds threshold', email: { from: 'no-reply@aws.example', subject: 'Alert: CPU utilization exceeds threshold', automated: true } });
    const draft = planWithRules(item, CTX);
    expect(draft.priority).toBe('normal');
    expect(draft.steps[0]!.text).toBe('Look into the alert about "Alert: CPU utilization exceeds threshold": check what it reports and whether it still holds');
  });

  test.each([
    ['a bounce of an alert', 'MAILER-DAEMON@mail.example', 'Undeliverable: [ALERT] disk full'],
    ['a job alert', 'no-reply@jobs.example', 'Job alert: Senior engineer in Berlin'],
    ['an all-clear', 'no-reply@aws.example', 'Alert resolved: CPU utilization back to normal'],
  ])('%s is no alert of the reader’s: low', (_what, fromAddress, subject) => {
    const item = makeItem({ kind: 'email', text: 'See the details online.', title: subject, email: { fromAddress, subject, automated: true } });
    expect(planWithRules(item, CTX).priority).toBe('low');
  });

  test('a step of one word says what it is about', () => {
    const item = makeItem({ kind: 'email', text: 'I have sent an invite for 10:30am Monday. I hope you can join.', title: 'Jira duplicates call', email: { from: 'Chris <chris@example.org>', subject: 'Jira duplicates call' } });
    expect(planWithRules(item, CTX).steps[0]!.text).toBe('Join: Jira duplicates call');
  });

  test('a courtesy closing is not a step; the ask before it is', () => {
    const draft = planWithRules(email('Please review the Phoenix report before the board meeting. Let me know if you need any further details.'), CTX);
    expect(draft.steps.map((step) => step.text)).toEqual([expect.stringMatching(/^Review the Phoenix report/)]);
  });
});
