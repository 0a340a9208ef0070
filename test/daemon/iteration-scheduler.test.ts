import { describe, expect, test } from 'vitest';
import { createIterationScheduler } from '../../src/daemon/iteration-scheduler.js';
import { fakeTimers } from './fake-timers.js';

// Runs that the test ends by hand, so "during a run" is a state the test controls.
function controlledRuns() {
  const runs: { reasons: string[]; end: (error?: Error) => void }[] = [];
  let active = 0;
  let maxActive = 0;
  const run = (reasons: string[]) =>
    new Promise<void>((resolve, reject) => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs.push({
        reasons,
        end: (error) => {
          active--;
          if (error) reject(error);
          else resolve();
        },
      });
    });
  return { runs, run, maxActive: () => maxActive };
}

function setup(debounce = 200, maxWait = 800) {
  const timers = fakeTimers();
  const runs = controlledRuns();
  const errors: unknown[] = [];
  const scheduler = createIterationScheduler({ debounceMs: () => debounce, maxWaitMs: () => maxWait, run: runs.run, onError: (e) => errors.push(e), timers });
  return { timers, runs, errors, scheduler };
}

describe('iteration scheduler', () => {
  test('a request runs once the debounce has passed, not before', async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.request('add Inbox/a.md');
    await timers.advance(199);
    expect(runs.runs).toHaveLength(0);
    await timers.advance(1);
    expect(runs.runs.map((r) => r.reasons)).toEqual([['add Inbox/a.md']]);
  });

  test('a burst of requests is coalesced into one run', async () => {
    const { timers, runs, scheduler } = setup();
    for (let i = 0; i < 1000; i++) scheduler.request(i % 2 ? 'add Inbox/x' : 'change Plans/p');
    await timers.advance(1000);
    expect(runs.runs).toHaveLength(1);
    expect(runs.runs[0]!.reasons).toEqual(['change Plans/p', 'add Inbox/x']);
  });

  test('each request restarts the debounce, but a steady stream still runs after maxWait', async () => {
    const { timers, runs, scheduler } = setup(200, 800);
    for (let t = 0; t < 790; t += 100) {
      scheduler.request(`r${t}`);
      await timers.advance(100);
    }
    // Requests every 100 ms keep the 200 ms debounce from ending; the 800 ms cap does not wait.
    expect(runs.runs).toHaveLength(1);
    expect(timers.now()).toBeLessThanOrEqual(800);
  });

  test('never two at once: requests during a run cause exactly one more run after it', async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.request('first');
    await timers.advance(200);
    expect(runs.runs).toHaveLength(1);
    for (const reason of ['a', 'b', 'c']) scheduler.request(reason);
    await timers.advance(5000);
    expect(runs.runs).toHaveLength(1);
    expect(scheduler.running).toBe(true);
    runs.runs[0]!.end();
    await timers.advance(199);
    expect(runs.runs).toHaveLength(1);
    await timers.advance(1);
    expect(runs.runs.map((r) => r.reasons)).toEqual([['first'], ['a', 'b', 'c']]);
    runs.runs[1]!.end();
    await timers.advance(10_000);
    expect(runs.runs).toHaveLength(2);
    expect(runs.maxActive()).toBe(1);
  });

  test('a run without requests during it is not followed by another', async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.request('once');
    await timers.advance(200);
    runs.runs[0]!.end();
    await timers.advance(60_000);
    expect(runs.runs).toHaveLength(1);
    expect(timers.pending()).toBe(0);
  });

  test('a run that throws is reported, and the scheduler goes on', async () => {
    const { timers, runs, errors, scheduler } = setup();
    scheduler.request('boom');
    await timers.advance(200);
    runs.runs[0]!.end(new Error('disk full'));
    await timers.advance(0);
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk full']);
    scheduler.request('again');
    await timers.advance(200);
    expect(runs.runs).toHaveLength(2);
  });

  test('stop() waits for the run in hand and schedules nothing after it', async () => {
    const { timers, runs, scheduler } = setup();
    scheduler.request('x');
    await timers.advance(200);
    scheduler.request('during');
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await timers.advance(0);
    expect(stopped).toBe(false);
    runs.runs[0]!.end();
    await stopping;
    scheduler.request('after stop');
    await timers.advance(10_000);
    expect(runs.runs).toHaveLength(1);
    expect(timers.pending()).toBe(0);
  });

  test('reasons are capped, so a long burst does not grow memory', async () => {
    const { timers, runs, scheduler } = setup();
    for (let i = 0; i < 10_000; i++) scheduler.request(`add Inbox/${i}.md`);
    await timers.advance(200);
    expect(runs.runs[0]!.reasons).toHaveLength(6);
    expect(runs.runs[0]!.reasons.at(-1)).toBe('…');
  });
});
