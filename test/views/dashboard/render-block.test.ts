import { describe, expect, test } from 'vitest';
import { renderActivityChart } from '../../../src/views/dashboard/activity-chart.js';
import { renderDashboardBlock, type DashboardInfo } from '../../../src/views/dashboard/render-block.js';
import type { CompletedItem, OpenItem } from '../../../src/views/item-summary.js';
import { wikiLink } from '../../../src/vault/note-link.js';
import { openCollector, type VaultSnapshot } from '../../../src/views/snapshot.js';

const NOW = new Date(2025, 2, 14, 9, 5);
const INFO: DashboardInfo = { now: NOW, runnerState: 'daemon (pid 42)', deferred: [], failedItems: [], failedJobs: [] };

function open(name: string, fields: Partial<OpenItem> = {}): OpenItem {
  return {
    name, link: wikiLink(name), id: name, type: 'note', status: 'planned', title: null,
    received: NOW.toISOString(), ageDays: 0, priority: 'normal', due: null, plan: null, planLink: null, ...fields,
  };
}

function done(name: string, completed: Date): CompletedItem {
  return { name, link: wikiLink(name), id: name, type: 'note', title: null, priority: 'normal', received: null, completed: completed.toISOString(), month: '2025-03' };
}

// The snapshot of a vault holding these open items, summarised as readVaultSnapshot does.
function snapshot({ open = [], ...fields }: Partial<Omit<VaultSnapshot, 'open'>> & { open?: OpenItem[] } = {}): VaultSnapshot {
  const collector = openCollector({ listLimit: 50, dueDay: '2025-03-14' });
  for (const item of open) collector.add(item);
  return {
    takenAt: NOW.toISOString(), today: '2025-03-14', counts: { inbox: 1, needsAction: 2, plans: 3, done: 4 },
    open: collector.result(), completed: [], days: [], skipped: [], ...fields,
  };
}

describe('renderActivityChart', () => {
  test('draws 14 known days as bars (received) and a line (completed)', () => {
    const days = Array.from({ length: 14 }, (_, i) => ({ day: `2025-03-${String(i + 1).padStart(2, '0')}`, received: i % 3, completed: i === 13 ? 5 : 0 }));
    expect(renderActivityChart(days)).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '    title "Received (bars) and completed (line) per day"',
        '    x-axis ["03-01", "03-02", "03-03", "03-04", "03-05", "03-06", "03-07", "03-08", "03-09", "03-10", "03-11", "03-12", "03-13", "03-14"]',
        '    y-axis "Items" 0 --> 5',
        '    bar [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1]',
        '    line [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]',
        '```',
      ].join('\n'),
    );
  });

  test('an idle fortnight still has a y-axis of at least 1', () => {
    expect(renderActivityChart([{ day: '2025-03-14', received: 0, completed: 0 }])).toContain('y-axis "Items" 0 --> 1');
  });
});

describe('renderDashboardBlock', () => {
  test('shows the update time, runner, counts and an all-clear', () => {
    const block = renderDashboardBlock(snapshot(), INFO);
    expect(block).toContain('_Updated 2025-03-14 09:05 · runner: daemon (pid 42)_');
    expect(block).toContain('| 1 | 2 | 3 | 4 |');
    expect(block).toMatch(/### Warnings\nNone/);
    expect(block).toContain('Nothing is due today or overdue.');
    expect(block).toContain('Nothing open.');
  });

  test('lists open items high first, with age, due date, plan link; due and overdue on their own', () => {
    const block = renderDashboardBlock(
      snapshot({
        open: [
          open('Pay invoice.md', { priority: 'high', due: '2025-03-10', ageDays: 6, planLink: '[[PLAN_Pay invoice]]', title: 'Pay the March invoice' }),
          open('Call Bob.md', { due: '2025-03-14', ageDays: 1 }),
          open('Someday.md', { priority: 'low', ageDays: 30 }),
        ],
      }),
      INFO,
    );
    const lines = block.split('\n');
    expect(lines).toContain('- ⚠️ [[Pay invoice]] — Pay the March invoice · overdue by 4 days (due 2025-03-10)');
    expect(lines).toContain('- 📅 [[Call Bob]] · due today');
    expect(lines).toContain('- [[Pay invoice]] — Pay the March invoice · waiting 6 days · ⚠️ overdue (due 2025-03-10) · [[PLAN_Pay invoice]]');
    expect(block.indexOf('**High** (1)')).toBeLessThan(block.indexOf('**Normal** (1)'));
    expect(block.indexOf('**Normal** (1)')).toBeLessThan(block.indexOf('**Low** (1)'));
    expect(lines).toContain('- [[Someday]] · waiting 30 days');
  });

  test('caps the open list and the last ten completions', () => {
    const many = Array.from({ length: 60 }, (_, i) => open(`item ${String(i).padStart(2, '0')}.md`));
    const completed = Array.from({ length: 15 }, (_, i) => done(`done ${i}.md`, new Date(2025, 2, 13, 23 - i)));
    const block = renderDashboardBlock(snapshot({ open: many, completed }), INFO);
    expect(block.match(/^- \[\[item /gm)).toHaveLength(50);
    expect(block).toContain('_…and 10 more in Needs_Action._');
    expect(block.match(/^- ✅ /gm)).toHaveLength(10);
    expect(block).toContain('- ✅ 2025-03-13 23:00 [[done 0]]');
  });

  test('lists the first 50 due items, overdue first, then counts the rest of both lists', () => {
    const overdue = Array.from({ length: 60 }, (_, i) => open(`late ${String(i).padStart(2, '0')}.md`, { due: `2025-03-${String(1 + (i % 13)).padStart(2, '0')}` }));
    const today = Array.from({ length: 5 }, (_, i) => open(`today ${i}.md`, { due: '2025-03-14' }));
    const due = renderDashboardBlock(snapshot({ open: [...today, ...overdue] }), INFO).split('### Due today and overdue\n')[1]!.split('\n\n')[0]!.split('\n');
    expect(due).toHaveLength(51);
    expect(due.slice(0, 50).every((line) => line.startsWith('- ⚠️ [[late '))).toBe(true);
    expect(due[0]).toMatch(/^- ⚠️ \[\[late 00\]\] · overdue by 13 days \(due 2025-03-01\)$/);
    expect(due[50]).toBe('- _…and 15 more_');
  });

  test('shows deferred stages, failed items, failed jobs and unreadable notes as warnings', () => {
    const block = renderDashboardBlock(snapshot({ skipped: [{ file: 'Needs_Action/bad.md', reason: 'frontmatter does not parse' }] }), {
      ...INFO,
      deferred: [{ stage: 'plan', reason: 'load 3.1 per CPU is above 0.9' }],
      failedItems: [{ item: 'Inbox/locked.pdf', reason: 'EACCES' }],
      failedJobs: [{ name: 'backup', result: 'timeout', at: '2025-03-14T07:00:00.000Z' }],
    });
    expect(block).toContain('- ⏸️ plan is waiting: load 3.1 per CPU is above 0.9');
    expect(block).toContain('- ❌ Inbox/locked.pdf failed: EACCES');
    expect(block).toContain('- ❌ job backup: timeout (2025-03-14T07:00:00.000Z)');
    expect(block).toContain('- 📝 Needs_Action/bad.md could not be read: frontmatter does not parse');
  });

  test.each([
    ['<!-- ai-employee:end -->.md'],
    ['line\nbreak.md'],
    ['%%hidden.md'],
    ['[[trick]].md'],
  ])('a hostile name %j cannot forge a marker, a line or a link', (name) => {
    const block = renderDashboardBlock(snapshot({ open: [open(name, { title: 'x\n<!-- ai-employee:start -->' })] }), INFO);
    expect(block).not.toContain('<!--');
    expect(block).not.toContain('%%');
    expect(block).not.toMatch(/\[\[trick/);
    expect(block.split('\n').filter((line) => line.includes('break'))).toHaveLength(block.includes('break') ? 1 : 0);
  });

  test('ends with the 14-day chart and its totals', () => {
    const days = [{ day: '2025-03-14', received: 3, completed: 2 }];
    const block = renderDashboardBlock(snapshot({ days }), INFO);
    expect(block).toMatch(/### Last 14 days\n```mermaid\nxychart-beta\n[\s\S]*```\nLast 1 days: 3 received, 2 completed\.$/);
  });
});
