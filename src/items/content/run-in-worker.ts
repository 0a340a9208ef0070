import type { Worker } from 'node:worker_threads';
import { packageFile } from '../../package-root.js';
import { createLimiter } from '../../system/concurrency.js';
import type { ContentKind, ContentResult, ReadOptions } from './read-content.js';
import type { ReadRequest } from './worker.js';

// Files are read in a worker thread with a heap limit and a deadline; a crash or a timeout is a
// reason, never an exception in the run. One worker serves many files (starting one and loading
// pdf.js cost ~150 ms a file), one file at a time: intake takes 32 items in at once, and a worker
// each had 100 PDFs among 1,000 drops run 32 copies of pdf.js together (800 MB).

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MEMORY_MB = 256;
// A fresh worker after this many files, so what a reader caches cannot add up to its heap limit.
const FILES_PER_WORKER = 50;
// An idle worker is stopped soon; it never keeps the process alive meanwhile.
const IDLE_MS = 2_000;
// The worker is always the compiled one (npm test builds first), from the sources, dist/ or the bundle.
const workerFile = () => packageFile('dist', 'items', 'content', 'worker.js');

const oneAtATime = createLimiter(1);
let kept: { worker: Worker; memory: number; served: number; idle?: NodeJS.Timeout } | undefined;

export function readInWorker(file: string, kind: Exclude<ContentKind, 'text'>, options: ReadOptions): Promise<ContentResult> {
  return oneAtATime(() => readWithKeptWorker({ file, kind, maxTextBytes: options.maxTextBytes }, options));
}

function retire(): void {
  if (!kept) return;
  clearTimeout(kept.idle);
  void kept.worker.terminate();
  kept = undefined;
}

// node:worker_threads loads only when a file that needs a reader arrives (a note run never does).
async function workerFor(memory: number): Promise<NonNullable<typeof kept>> {
  if (kept && (kept.memory !== memory || kept.served >= FILES_PER_WORKER)) retire();
  if (kept) {
    clearTimeout(kept.idle);
    kept.worker.ref();
    return kept;
  }
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: memory, maxYoungGenerationSizeMb: Math.max(16, memory / 8) },
    stdout: true,
    stderr: true,
  });
  // An error or exit between two files (none is in flight) only means the next file gets a new worker.
  const forget = () => {
    if (kept?.worker === worker) retire();
  };
  worker.on('error', forget).on('exit', forget);
  kept = { worker, memory, served: 0 };
  return kept;
}

async function readWithKeptWorker(request: ReadRequest, options: ReadOptions): Promise<ContentResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memory = options.maxMemoryMB ?? DEFAULT_MEMORY_MB;
  const own = await workerFor(memory);
  const { worker } = own;
  own.served++;
  const result = await new Promise<{ result: ContentResult; healthy: boolean }>((resolve) => {
    const finish = (result: ContentResult, healthy: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ result, healthy });
    };
    const onMessage = (message: ContentResult) => finish(message, true);
    const onError = (error: Error & { code?: string }) => finish({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `needed more than ${memory} MB to read, stopped` : error.message }, false);
    const onExit = (code: number) => finish({ ok: false, reason: `the reader stopped (exit ${code})` }, false);
    const timer = setTimeout(() => finish({ ok: false, reason: `reading took longer than ${Math.round(timeoutMs / 100) / 10} s, stopped` }, false), timeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
  // A timeout leaves the worker busy with the file, so it goes; an error or an exit already retired it.
  if (kept?.worker === worker && !result.healthy) retire();
  else if (kept?.worker === worker) {
    worker.unref();
    kept.idle = setTimeout(retire, IDLE_MS);
    kept.idle.unref();
  }
  return result.result;
}
