import { setTimeout as delay } from 'node:timers/promises';
import { compactWhenIdle } from '../system/collect-garbage.js';
import { createIterationScheduler, type IterationScheduler } from '../daemon/iteration-scheduler.js';
import { startJobLoop } from '../daemon/job-loop.js';
import { keepWatching, type KeptWatch } from '../daemon/keep-watching.js';
import { startRepeating, type RepeatingTask } from '../daemon/repeat-task.js';
import { describeRunStats, snapshotStats } from '../daemon/run-stats.js';
import { listenForProcessEvents, type ProcessEvents } from '../daemon/signals.js';
import { createWakeTimer, type WakeTimer } from '../daemon/wake-timer.js';
import type { OpenWatcher } from '../daemon/watch-folders.js';
import { summarizeActiveStages } from '../runner/iteration-summary.js';
import { ITERATION_STAGES, type IterationReport } from '../runner/iteration.js';
import { openSession, type Session, type SessionOptions } from '../runner/session.js';
import { jobsStage } from '../jobs/stage.js';
import { describeError } from '../pipeline/item-failures.js';
import { forgetUnusedNoteHeads } from '../vault/read-note-heads.js';

// --daemon (§5): hold the vault, react to drops and plan edits within a second, run a full
// iteration every --interval minutes as a backstop, and stop cleanly on SIGINT/SIGTERM.

// The daemon's iterations leave the jobs to their own loop (job-loop.ts).
export const DAEMON_ITEM_STAGES = ITERATION_STAGES.filter((stage) => stage !== jobsStage);

// A job that ignores SIGTERM is not waited for longer than this at shutdown (§5: exit within 5 s).
const JOB_STOP_WAIT_MS = 3000;
const DEFAULT_INTERVAL_MINUTES = 5;

export interface DaemonOptions extends Omit<SessionOptions, 'mode'> {
  // Tests: a stand-in for chokidar, and for `process` as the source of signals.
  openWatcher?: OpenWatcher;
  processEvents?: ProcessEvents;
}

interface Running {
  scheduler: IterationScheduler;
  watch?: KeptWatch;
  repeating: RepeatingTask[];
  jobs?: RepeatingTask;
  wake: WakeTimer;
}

// Runs until a stop signal (exit code 0) or a lost lock (1). Resolves only after the lock is released.
export async function runDaemon(options: DaemonOptions): Promise<number> {
  const session = await openSession({ ...options, mode: 'daemon' });
  const { log } = session;
  const startedAt = options.now();
  const before = snapshotStats(session.state.stats);
  const stopper = new AbortController();
  const signal = AbortSignal.any([stopper.signal, session.lost]);
  let exitCode = 0;
  let resolveStopped = () => {};
  const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
  const stop = (code: number, why: string) => {
    if (stopper.signal.aborted) return;
    exitCode = code;
    if (code === 0) log.info(why);
    else log.error(why);
    stopper.abort();
    resolveStopped();
  };
  session.lost.addEventListener('abort', () => stop(1, 'daemon stopping: the vault lock is no longer ours (exit 1)'), { once: true });
  if (session.lost.aborted) stop(1, 'daemon stopping: the vault lock is no longer ours (exit 1)');
  const errors = failureLog(session);
  const countError = (what: string) => (error: unknown) => errors.note(`${what} failed`, error);
  const removeListeners = listenForProcessEvents(
    {
      stop: (name) => stop(0, `received ${name}; stopping after the item in hand`),
      reload: () => void reload(),
      unhandledRejection: (reason) => errors.note('a promise rejected with nobody to handle it', reason),
    },
    options.processEvents,
  );
  const idle = compactWhenIdle();
  const running: Running = {
    scheduler: createIterationScheduler({
      debounceMs: () => session.config.daemon.debounce,
      maxWaitMs: () => 4 * session.config.daemon.debounce,
      run: async (reasons) => {
        const report = await runItemIteration(session, signal, reasons);
        errors.clear();
        if (report) running.wake.at(earliestWake(report), options.now().getTime());
        idle.touch();
      },
      onError: countError('iteration'),
    }),
    repeating: [],
    wake: createWakeTimer(() => running.scheduler.request('a note became quiet')),
  };
  const reload = async () => {
    if (signal.aborted) return;
    log.info('received SIGHUP; re-reading the configuration');
    if ((await session.reloadConfig()) && !signal.aborted) await running.watch?.rebuild('configuration reloaded');
  };
  try {
    await startRunning(session, options, signal, running, countError);
    log.info(`daemon started (pid ${process.pid}): backstop every ${intervalOf(options)} min, debounce ${session.config.daemon.debounce}ms`);
    running.scheduler.request('start');
    await stopped;
  } catch (error) {
    log.error(`daemon failed: ${describeError(error, session.layout.root)}`);
    exitCode = 1;
    stopper.abort();
  } finally {
    idle.stop();
    await stopRunning(running, log);
    log.info(`daemon stopped: ${describeRunStats(startedAt, options.now(), before, snapshotStats(session.state.stats))}`);
    removeListeners();
    await session.close();
  }
  return exitCode;
}

async function startRunning(session: Session, options: DaemonOptions, signal: AbortSignal, running: Running, countError: (what: string) => (error: unknown) => void): Promise<void> {
  const { scheduler } = running;
  // The heartbeat starts at once, so --status reports the daemon running from its first second.
  await session.saveState();
  running.watch = await keepWatching({ layout: session.layout, log: session.log, config: () => session.config, onChange: (reason) => scheduler.request(reason), openWatcher: options.openWatcher });
  const watch = running.watch;
  running.repeating.push(
    // Health: state.heartbeatAt is what --status reads; the folder check catches a watch that went blind.
    startRepeating({ everyMs: () => session.config.daemon.heartbeat, onError: countError('heartbeat'), task: async () => { await session.saveState(); await watch.check(); } }),
    startRepeating({ everyMs: () => intervalOf(options) * 60_000, onError: countError('backstop'), task: async () => { await watch.check(); scheduler.request('backstop'); } }),
  );
  running.jobs = startJobLoop({ session, signal, onError: countError('jobs') });
}

async function stopRunning(running: Running, log: Session['log']): Promise<void> {
  running.wake.stop();
  await running.scheduler.stop();
  const jobsEnded = running.jobs?.stop().then(() => true);
  await Promise.all([...running.repeating.map((task) => task.stop()), running.watch?.close()]);
  if (jobsEnded && !(await Promise.race([jobsEnded, delay(JOB_STOP_WAIT_MS, false, { ref: false })]))) {
    log.warn(`a job is still ending after ${JOB_STOP_WAIT_MS}ms; not waiting for it`);
  }
}

async function runItemIteration(session: Session, signal: AbortSignal, reasons: string[]): Promise<IterationReport | undefined> {
  if (signal.aborted) return undefined;
  session.log.debug(`iteration for: ${reasons.join(', ')}`);
  const report = await session.iterate(DAEMON_ITEM_STAGES, signal);
  // Every open item and plan was looked at by this iteration: what was not is gone or renamed.
  forgetUnusedNoteHeads();
  const summary = summarizeActiveStages(report);
  if (summary) session.log.info(`iteration done: ${summary}`);
  return report;
}

function earliestWake(report: IterationReport): number | undefined {
  const times = Object.values(report.results).map((result) => result.wakeAt).filter((at): at is number => at !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}

// A failure outside any stage (a state save, a rejected promise): logged, counted, survived.
// The same failure again (a folder still a symlink, at every backstop) is counted and logged only at
// DEBUG until an iteration succeeds or a different failure comes.
function failureLog(session: Session): { note(what: string, error: unknown): void; clear(): void } {
  let lastLogged: string | undefined;
  return {
    note(what, error) {
      const message = `${what}: ${describeError(error, session.layout.root)}`;
      session.state.stats.errors++;
      session.state.stats.lastError = message;
      if (message === lastLogged) session.log.debug(`${message} (again; the daemon goes on)`);
      else session.log.error(`${message} (the daemon goes on)`);
      lastLogged = message;
    },
    clear() {
      lastLogged = undefined;
    },
  };
}

function intervalOf(options: DaemonOptions): number {
  return options.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
}
