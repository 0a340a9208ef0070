import { packageFile } from '../../package-root.js';
import type { ContentKind, ContentResult, ReadOptions } from './read-content.js';

// One worker thread per file, with a heap limit and a deadline; a crash or a timeout is a reason,
// never an exception in the run.

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MEMORY_MB = 256;
// The worker is always the compiled one (npm test builds first), from the sources, dist/ or the bundle.
const workerFile = () => packageFile('dist', 'items', 'content', 'worker.js');

// node:worker_threads loads only when a file that needs a reader arrives (a note run never does).
export async function readInWorker(file: string, kind: Exclude<ContentKind, 'text'>, options: ReadOptions): Promise<ContentResult> {
  const { Worker } = await import('node:worker_threads');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const memory = options.maxMemoryMB ?? DEFAULT_MEMORY_MB;
  return new Promise((resolve) => {
    const worker = new Worker(workerFile(), {
      workerData: { file, kind, maxTextBytes: options.maxTextBytes },
      resourceLimits: { maxOldGenerationSizeMb: memory, maxYoungGenerationSizeMb: Math.max(16, memory / 8) },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (result: ContentResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `reading took longer than ${Math.round(timeoutMs / 100) / 10} s, stopped` }), timeoutMs);
    worker.on('message', (message: ContentResult) => finish(message));
    worker.on('error', (error: Error & { code?: string }) => finish({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `needed more than ${memory} MB to read, stopped` : error.message }));
    worker.on('exit', (code) => finish({ ok: false, reason: `the reader stopped (exit ${code})` }));
  });
}
