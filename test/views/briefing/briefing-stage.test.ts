import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isBriefingDue } from '../../../src/views/briefing/briefing-due.js';
import { briefingStage } from '../../../src/views/briefing/stage.js';
import { makeTempDir } from '../dashboard/vault-tree.js';
import { makeStageContext } from './stage-context.js';

let root: string;
beforeEach(async () => {
  root = await makeTempDir('ai-employee-brief-');
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const at = (day: number, hours: number, minutes = 0) => new Date(2025, 2, day, hours, minutes);

async function briefings(): Promise<string[]> {
  return (await fs.readdir(path.join(root, 'Briefings')).catch(() => [])).sort();
}

describe('isBriefingDue', () => {
  test.each([
    { now: at(14, 7, 59), time: '08:00', last: null, due: false },
    { now: at(14, 8, 0), time: '08:00', last: null, due: true },
    { now: at(14, 23, 59), time: '08:00', last: '2025-03-10', due: true },
    { now: at(14, 9, 0), time: '08:00', last: '2025-03-14', due: false },
    { now: at(14, 9, 0), time: '08:00', last: '2025-03-15', due: false },
    { now: at(14, 0, 0), time: '00:00', last: '2025-03-13', due: true },
    { now: at(14, 22, 0), time: '22:30', last: '2025-03-13', due: false },
  ])('$now at $time, last $last → $due', ({ now, time, last, due }) => {
    expect(isBriefingDue(now, time, last)).toBe(due);
  });
});

describe('briefingStage', () => {
  test('before briefing.time nothing is written; at it, once; later that day, never again', async () => {
    const { ctx, clock, audit } = makeStageContext(root, at(14, 7, 59));
    expect(await briefingStage.run(ctx)).toEqual({ processed: 0, skipped: 0, failed: 0 });
    expect(await briefings()).toEqual([]);

    clock.now = at(14, 8, 0);
    expect(await briefingStage.run(ctx)).toMatchObject({ processed: 1, failed: 0 });
    expect(await briefings()).toEqual(['2025-03-14.md']);
    expect(ctx.state.briefing).toEqual({ lastDate: '2025-03-14', lastWrittenAt: at(14, 8, 0).toISOString() });
    expect(audit.entries).toEqual([{ action: 'briefing', item: 'Briefings/2025-03-14.md', to: 'Briefings/2025-03-14.md', result: 'ok' }]);
    const first = await fs.readFile(path.join(root, 'Briefings/2025-03-14.md'), 'utf8');

    clock.now = at(14, 17, 0);
    expect(await briefingStage.run(ctx)).toEqual({ processed: 0, skipped: 0, failed: 0 });
    expect(await fs.readFile(path.join(root, 'Briefings/2025-03-14.md'), 'utf8')).toBe(first);
    expect(audit.entries).toHaveLength(1);
  });

  test('catch-up: down at 08:00, written on the first run later that day, never back-filled', async () => {
    const { ctx, clock } = makeStageContext(root, at(14, 15, 20));
    ctx.state.briefing = { lastDate: '2025-03-10', lastWrittenAt: at(10, 8, 0).toISOString() };
    expect(await briefingStage.run(ctx)).toMatchObject({ processed: 1 });
    expect(await briefings()).toEqual(['2025-03-14.md']);
    const text = await fs.readFile(path.join(root, 'Briefings/2025-03-14.md'), 'utf8');
    expect(text).toContain('Good afternoon. Since the last briefing:');
    expect(text).toContain('## Since the last briefing (2025-03-10 08:00)');

    clock.now = at(15, 7, 0);
    await briefingStage.run(ctx);
    expect(await briefings()).toEqual(['2025-03-14.md']);
    clock.now = at(15, 8, 5);
    await briefingStage.run(ctx);
    expect(await briefings()).toEqual(['2025-03-14.md', '2025-03-15.md']);
  });

  test('follows briefing.time from the configuration', async () => {
    const { ctx, clock } = makeStageContext(root, at(14, 8, 0));
    ctx.config.briefing.time = '06:30';
    clock.now = at(14, 6, 29);
    await briefingStage.run(ctx);
    expect(await briefings()).toEqual([]);
    clock.now = at(14, 6, 30);
    await briefingStage.run(ctx);
    expect(await briefings()).toEqual(['2025-03-14.md']);
  });

  test('a briefing already written today (by the briefing command) is not written twice', async () => {
    await fs.mkdir(path.join(root, 'Briefings'));
    await fs.writeFile(path.join(root, 'Briefings/2025-03-14.md'), 'my own notes');
    const { ctx, log } = makeStageContext(root, at(14, 9, 0));
    expect(await briefingStage.run(ctx)).toMatchObject({ processed: 0, skipped: 1 });
    expect(await fs.readFile(path.join(root, 'Briefings/2025-03-14.md'), 'utf8')).toBe('my own notes');
    expect(ctx.state.briefing.lastDate).toBe('2025-03-14');
    expect(log.lines.join('\n')).toContain('already exists');
  });

  test('held by the gate: not written, not marked, written when the gate opens', async () => {
    const { ctx } = makeStageContext(root, at(14, 9, 0));
    let open = false;
    ctx.gate = { check: async () => (open ? { ok: true } : { ok: false, reason: 'free disk 3 MB is below 500 MB' }) };
    expect(await briefingStage.run(ctx)).toMatchObject({ heldBecause: 'free disk 3 MB is below 500 MB' });
    expect(ctx.state.briefing.lastDate).toBeNull();
    expect(await briefings()).toEqual([]);
    open = true;
    expect(await briefingStage.run(ctx)).toMatchObject({ processed: 1 });
    expect(await briefings()).toEqual(['2025-03-14.md']);
  });

  test('a dry run reports the write and changes neither files nor state', async () => {
    const { ctx, audit } = makeStageContext(root, at(14, 9, 0));
    const lines: string[] = [];
    ctx.dryRun = (line) => lines.push(line);
    await briefingStage.run(ctx);
    expect(lines).toEqual(['write Briefings/2025-03-14.md']);
    expect(await fs.readdir(root)).toEqual([]);
    expect(ctx.state.briefing.lastDate).toBeNull();
    expect(audit.entries).toEqual([]);
  });

  test('a failed write is logged, audited and retried on the next iteration', async () => {
    await fs.writeFile(path.join(root, 'Briefings'), 'a file where the folder should be');
    const { ctx, log, audit } = makeStageContext(root, at(14, 9, 0));
    expect(await briefingStage.run(ctx)).toMatchObject({ failed: 1 });
    expect(log.lines.join('\n')).toMatch(/ERROR - briefing: could not write Briefings\/2025-03-14.md/);
    expect(audit.entries[0]).toMatchObject({ action: 'briefing', result: 'failed' });
    expect(ctx.state.briefing.lastDate).toBeNull();
  });
});
