import type { ChildProcess } from 'node:child_process';
import { packageFile } from '../../package-root.js';
import { createLimiter } from '../../system/concurrency.js';
import type { ContentKind, ContentResult, ReadOptions } from './read-content.js';
import type { ReadRequest } from './reader-process.js';

// Files are read in a child process with a heap limit and a deadline; a crash or a timeout is a
// reason, never an exception in the run. A process, not a worker thread: V8 ends the whole process
// when one allocation overshoots a worker's heap limit by more than Node's 16 MB of leeway, and a
// 370 KB .docx whose document.xml unzips to 150 MB did exactly that (exit 134, the file stranded in
// staging, every later run dying the same way). A child that dies only loses its one file.
// One child serves many files (starting one and loading pdf.js cost ~150 ms a file), one file at a
// time: intake takes 32 items in at once, and one reader each had run 32 copies of pdf.js (800 MB).

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MEMORY_MB = 256;
// A fresh child after this many files, so what a reader caches cannot add up to its heap limit.
const FILES_PER_CHILD = 50;
// An idle child is stopped soon; it never keeps the run alive meanwhile.
const IDLE_MS = 2_000;
// The reader is always the compiled one (npm test builds first), from the sources, dist/ or the bundle.
const readerFile = () => packageFile('dist', 'items', 'content', 'reader-process.js');

const oneAtATime = createLimiter(1);
let kept: { child: ChildProcess; memory: number; served: number; idle?: NodeJS.Timeout } | undefined;

export function readInProcess(file: string, kind: Exclude<ContentKind, 'text'>, options: ReadOptions): Promise<ContentResult> {
  return oneAtATime(() => readWithKeptChild({ file, kind, maxTextBytes: options.maxTextBytes }, options));
}

function retire(): void {
  if (!kept) return;
  clearTimeout(kept.idle);
  kept.child.kill('SIGKILL');
  kept = undefined;
}

// Holds the run open while a file is read, lets it end while the child waits for the next one.
function hold(child: ChildProcess, busy: boolean): void {
  const handles = [child, child.channel].filter(Boolean) as { ref(): void; unref(): void }[];
  for (const handle of handles) (busy ? handle.ref() : handle.unref());
}

// node:child_process loads only when a file that needs a reader arrives (a note run never does).
async function childFor(memory: number): Promise<NonNullable<typeof kept>> {
  if (kept && (kept.memory !== memory || kept.served >= FILES_PER_CHILD)) retire();
  if (kept) {
    clearTimeout(kept.idle);
    hold(kept.child, true);
    return kept;
  }
  const { fork } = await import('node:child_process');
  const child = fork(readerFile(), [], {
    // The parent's own flags (a test runner's loaders, --inspect) are not the reader's business.
    execArgv: [`--max-old-space-size=${memory}`, '--max-semi-space-size=16'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  // An error or exit between two files (none is in flight) only means the next file gets a new child.
  const forget = () => {
    if (kept?.child === child) retire();
  };
  child.on('error', forget).on('exit', forget);
  kept = { child, memory, served: 0 };
  return kept;
}

function stopReason(code: number | null, signal: NodeJS.Signals | null, memory: number): string {
  // V8 aborts a process whose heap is full.
  if (signal === 'SIGABRT' || code === 134) return `needed more than ${memory} MB to read, stopped`;
  return `the reader stopped (${signal ?? `exit ${code}`})`;
}

async function readWithKeptChild(request: ReadRequest, options: ReadOptions): Promise<ContentResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memory = options.maxMemoryMB ?? DEFAULT_MEMORY_MB;
  const own = await childFor(memory);
  const { child } = own;
  own.served++;
  const result = await new Promise<{ result: ContentResult; healthy: boolean }>((resolve) => {
    const finish = (result: ContentResult, healthy: boolean) => {
      clearTimeout(timer);
      child.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ result, healthy });
    };
    const onMessage = (message: ContentResult) => finish(message, true);
    const onError = (error: Error) => finish({ ok: false, reason: error.message }, false);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => finish({ ok: false, reason: stopReason(code, signal, memory) }, false);
    const timer = setTimeout(() => finish({ ok: false, reason: `reading took longer than ${Math.round(timeoutMs / 100) / 10} s, stopped` }, false), timeoutMs);
    child.on('message', onMessage).on('error', onError).on('exit', onExit);
    child.send(request, (error) => error && onError(error));
  });
  // A timeout leaves the child busy with the file, so it goes; an error or an exit already retired it.
  if (kept?.child === child && !result.healthy) retire();
  else if (kept?.child === child) {
    hold(child, false);
    kept.idle = setTimeout(retire, IDLE_MS);
    kept.idle.unref();
  }
  return result.result;
}
