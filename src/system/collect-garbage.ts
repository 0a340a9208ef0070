import v8 from 'node:v8';
import vm from 'node:vm';

// A burst of work grows V8's heap with garbage, and V8 keeps it committed until a full collection,
// which neither an idle daemon nor a short batch run reaches by itself. One full collection at a
// quiet moment (between stages, or once the daemon has been idle a while) gives the memory back:
// measured, the daemon's idle RSS after 50 drops 106 -> 75 MB.

const QUIET_MS = 5_000;

export interface IdleCompaction {
  // Called after each iteration: restarts the quiet period.
  touch(): void;
  stop(): void;
}

// V8 frees the garbage on the first full collection but gives the emptied pages back to the system
// often only on the next one (measured once: heap 45 -> 45 MB, then 45 -> 13 MB; idle RSS 89 -> 64 MB).
function compactNow(): void {
  collectGarbage();
  collectGarbage();
}

export function compactWhenIdle(quietMs = QUIET_MS): IdleCompaction {
  let timer: NodeJS.Timeout | undefined;
  return {
    touch() {
      clearTimeout(timer);
      timer = setTimeout(compactNow, quietMs);
      timer.unref();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

let collector: (() => void) | undefined;
let liveAfterLastCollection = 0;

// Below this much heap a full collection gives back little and costs ~10 ms: a one-note run made
// five of them (a tenth of its time), and the daemon one per stage of every iteration.
const WORTH_COLLECTING_BYTES = 24 * 1024 * 1024;
// Garbage a long loop may pile up on top of what is live before it is collected (100,000 notes: 8 MB
// peaked at 318 MB with twice the CPU in marking, 16 MB at 305 MB, 24 MB at 354 MB).
const GARBAGE_ALLOWED_BYTES = 16 * 1024 * 1024;

// Cheap to call often (between stages, after a batch of a long loop): collects once the heap is
// past the floor and holds more than a little garbage on top of what the last collection left
// live, so a large live heap (the summaries of 100,000 open items) is not marked after every batch.
export function collectGarbageIfGrown(): void {
  const used = v8.getHeapStatistics().used_heap_size;
  if (used > Math.max(WORTH_COLLECTING_BYTES, liveAfterLastCollection + GARBAGE_ALLOWED_BYTES)) collectGarbage();
}

// One full, synchronous collection (a few milliseconds for the agent's live heap).
export function collectGarbage(): void {
  if (!collector) {
    v8.setFlagsFromString('--expose-gc');
    collector = vm.runInNewContext('gc') as () => void;
  }
  collector();
  liveAfterLastCollection = v8.getHeapStatistics().used_heap_size;
}
