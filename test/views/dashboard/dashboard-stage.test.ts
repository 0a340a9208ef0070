import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dashboardStage } from '../../../src/views/dashboard/stage.js';
import { makeStageContext } from '../briefing/stage-context.js';
import { ago, makeTempDir, item, note, writeTree } from './vault-tree.js';

const NOW = new Date(2025, 2, 14, 9, 5);
let root: string;
beforeEach(async () => {
  root = await makeTempDir();
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('dashboardStage', () => {
  test('writes the block inside the user\'s Dashboard.md, with failed jobs from state', async () => {
    await writeTree(root, {
      'Dashboard.md': '# Mine\n\nmy words\n<!-- ai-employee:start -->\nold\n<!-- ai-employee:end -->\nafter\n',
      'Needs_Action/Pay rent.md': item({ id: 'r', received: ago(NOW, 2), priority: 'high', due: '2025-03-13' }),
    });
    const { ctx } = makeStageContext(root, NOW);
    ctx.state.mode = 'daemon';
    ctx.state.pid = 4242;
    ctx.state.jobs = { backup: { firstSeenAt: ago(NOW, 9), lastRunAt: ago(NOW, 0, 1), lastResult: 'failed' }, sync: { firstSeenAt: ago(NOW, 9), lastResult: 'ok' } };
    expect(await dashboardStage.run(ctx)).toEqual({ processed: 1, skipped: 0, failed: 0 });
    const text = await fs.readFile(path.join(root, 'Dashboard.md'), 'utf8');
    expect(text.startsWith('# Mine\n\nmy words\n<!-- ai-employee:start -->\n## 🤖 AI Employee')).toBe(true);
    expect(text.endsWith('<!-- ai-employee:end -->\nafter\n')).toBe(true);
    expect(text).toContain('runner: daemon (pid 4242)');
    expect(text).toContain('- ⚠️ [[Pay rent]] · overdue by 1 day (due 2025-03-13)');
    expect(text).toContain('- ❌ job backup: failed');
    expect(text).not.toContain('job sync');
  });

  test('held by the gate: nothing written, the reason returned', async () => {
    const { ctx } = makeStageContext(root, NOW);
    ctx.gate = { check: async (kind) => (kind === 'cheap' ? { ok: false, reason: 'free disk 12 MB is below 500 MB' } : { ok: true }) };
    expect(await dashboardStage.run(ctx)).toMatchObject({ processed: 0, heldBecause: 'free disk 12 MB is below 500 MB' });
    expect(await fs.readdir(root)).toEqual([]);
  });

  test('a dry run reports the write and changes nothing', async () => {
    const { ctx } = makeStageContext(root, NOW);
    const lines: string[] = [];
    ctx.dryRun = (line) => lines.push(line);
    await dashboardStage.run(ctx);
    expect(lines).toEqual(['write Dashboard.md']);
    expect(await fs.readdir(root)).toEqual([]);
  });

  test('a Dashboard.md that cannot be written fails the stage with a log line, not a throw', async () => {
    await fs.mkdir(path.join(root, 'Dashboard.md'));
    const { ctx, log } = makeStageContext(root, NOW);
    expect(await dashboardStage.run(ctx)).toMatchObject({ failed: 1 });
    expect(log.lines.join('\n')).toMatch(/ERROR - dashboard: .*Dashboard.md/);
  });
});
