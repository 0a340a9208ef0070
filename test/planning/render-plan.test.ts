import fc from 'fast-check';
import { localDateTime } from '../../src/vault/local-day.js';
import { describe, expect, test } from 'vitest';
import type { PlanDraft } from '../../src/planning/planner.js';
import { renderPlan } from '../../src/planning/render-plan.js';
import { readNoteText } from '../../src/vault/frontmatter.js';

const CREATED = new Date('2026-01-28T10:00:00.000Z');
const ITEM = { id: '01JABC', fileName: 'Call the bank.md', stem: 'Call the bank' };

function makeDraft(over: Partial<PlanDraft> = {}): PlanDraft {
  return {
    title: 'Call the bank',
    objective: 'Sort out the card.',
    steps: [{ text: 'Find the card number' }, { text: 'Call the bank', due: '2026-01-30' }],
    priority: 'normal',
    tags: ['ai-employee', 'note'],
    planner: 'rules',
    ...over,
  };
}

const taskLines = (text: string) => text.split('\n').filter((line) => line.startsWith('- ['));

describe('renderPlan', () => {
  test('writes the §7 frontmatter and sections', () => {
    const text = renderPlan(makeDraft({ due: '2026-01-30' }), ITEM, CREATED);
    const note = readNoteText(text);
    expect(note.valid).toBe(true);
    expect(note.data).toEqual({
      id: '01JABC',
      source: '[[Call the bank]]',
      created: localDateTime(CREATED),
      status: 'pending',
      priority: 'normal',
      due: '2026-01-30',
      planner: 'rules',
      tags: ['ai-employee', 'note'],
    });
    expect(note.body).toBe(
      [
        '# Call the bank',
        '',
        '## Objective',
        '',
        'Sort out the card.',
        '',
        '## Steps',
        '',
        '- [ ] Find the card number',
        '- [ ] Call the bank 📅 2026-01-30',
        '',
        '## Source',
        '',
        '[[Call the bank]]',
        '',
      ].join('\n'),
    );
  });

  test('no due date: no due key', () => {
    const note = readNoteText(renderPlan(makeDraft({ steps: [{ text: 'x' }] }), ITEM, CREATED));
    expect(Object.keys(note.data)).not.toContain('due');
  });

  test.each([
    [{ text: 'a' }, '- [ ] a'],
    [{ text: 'a', due: '2026-02-01' }, '- [ ] a 📅 2026-02-01'],
    [{ text: 'a', high: true }, '- [ ] a ⏫'],
    [{ text: 'a', due: '2026-02-01', high: true }, '- [ ] a ⏫ 📅 2026-02-01'],
    [{ text: 'a', due: 'next week' }, '- [ ] a'],
    [{ text: 'one\n- [x] two\n---' }, '- [ ] one - [x] two ---'],
  ])('step %j → %j', (step, line) => {
    const text = renderPlan(makeDraft({ steps: [step] }), ITEM, CREATED);
    expect(taskLines(text)).toEqual([line]);
  });

  test('a plan without steps still gets one, so it can be ticked off', () => {
    const text = renderPlan(makeDraft({ steps: [{ text: ' \n ' }] }), ITEM, CREATED);
    expect(taskLines(text)).toEqual(['- [ ] Handle this item']);
  });

  test('hostile titles, objectives, ids and stems do not break the file', () => {
    const item = { id: 'x: "y"\n---', fileName: 'a]] #b: [c] \'d\'.md', stem: 'a]] #b: [c] \'d\'' };
    const draft = makeDraft({
      title: '---\nstatus: done\n[[evil]] # - [x] ok',
      objective: 'line one\n## Steps\n- [x] sneaky',
      steps: [{ text: '[[link]]: {a: b}, *& |' }],
      tags: ['a: b', '- c', 'x\ny'],
    });
    const text = renderPlan(draft, item, CREATED);
    const note = readNoteText(text);
    expect(note.data).toMatchObject({ id: 'x: "y"\n---', source: "[[a]] #b: [c] 'd']]", status: 'pending', tags: ['a: b', '- c', 'x y'] });
    expect(note.body.split('\n')[0]).toBe('# --- status: done [[evil]] # - [x] ok');
    expect(note.body.match(/^## /gm)).toEqual(['## ', '## ', '## ']);
    expect(taskLines(note.body)).toEqual(['- [ ] [[link]]: {a: b}, *& |']);
    expect(note.body.trimEnd().endsWith("[[a]] #b: [c] 'd']]")).toBe(true);
  });

  test('numeric-looking ids stay strings', () => {
    expect(readNoteText(renderPlan(makeDraft(), { ...ITEM, id: '0123' }, CREATED)).data.id).toBe('0123');
  });

  test('a command planner’s body is written verbatim between the title and the source', () => {
    const customBody = '## Plan\n\n- [ ] Ask **Ana**\n---\npriority: low\n';
    const draft = makeDraft({ planner: 'command', priority: 'high', customBody });
    const note = readNoteText(renderPlan(draft, ITEM, CREATED));
    expect(note.data).toMatchObject({ planner: 'command', priority: 'high', status: 'pending' });
    expect(note.body).toBe(`# Call the bank\n\n${customBody}\n## Source\n\n[[Call the bank]]\n`);
  });

  test('a custom body without a final newline still leaves ## Source on its own line', () => {
    const note = readNoteText(renderPlan(makeDraft({ customBody: '- [ ] x' }), ITEM, CREATED));
    expect(note.body).toBe('# Call the bank\n\n- [ ] x\n\n## Source\n\n[[Call the bank]]\n');
  });

  test('values outside the contract are not written', () => {
    const draft = makeDraft({ priority: 'huge' as never, planner: 'other' as never, due: '30/01/2026' });
    const note = readNoteText(renderPlan(draft, ITEM, CREATED));
    expect(note.data).toMatchObject({ priority: 'normal', planner: 'rules' });
    expect(note.data.due).toBeUndefined();
  });
});

describe('renderPlan on any text', () => {
  test('frontmatter round-trips and each step is exactly one task line', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, fc.array(text, { minLength: 1, maxLength: 5 }), (id, stem, title, steps) => {
        const draft = makeDraft({ title, objective: title, steps: steps.map((s) => ({ text: `s ${s}` })), tags: [title] });
        const note = readNoteText(renderPlan(draft, { id, fileName: `${stem}.md`, stem }, CREATED));
        expect(note.valid).toBe(true);
        expect(note.data).toMatchObject({ id, source: `[[${stem}]]`, status: 'pending' });
        expect(taskLines(note.body)).toHaveLength(steps.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('planner.taskTag', () => {
  test('starts every step with the tag, once, for Tasks’ global filter', () => {
    const draft = makeDraft({ steps: [{ text: 'Find the card number' }, { text: '#task Call the bank', fields: '📅 2026-01-30' }] });
    expect(taskLines(renderPlan(draft, ITEM, CREATED, '#task'))).toEqual(['- [ ] #task Find the card number', '- [ ] #task Call the bank 📅 2026-01-30']);
    expect(taskLines(renderPlan(draft, ITEM, CREATED, 'todo'))[0]).toBe('- [ ] #todo Find the card number');
    expect(taskLines(renderPlan(draft, ITEM, CREATED))[0]).toBe('- [ ] Find the card number');
  });
});
