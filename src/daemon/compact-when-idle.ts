import v8 from 'node:v8';
import vm from 'node:vm';

// A burst grows V8's heap and V8 keeps it committed until a full collection, which an idle daemon
// never triggers by itself: one collection once the daemon has been quiet a while gives it back
// (measured after 50 drops: idle RSS ~108 MB before, see bench/README.md for after).

const QUIET_MS = 5_000;

export interface IdleCompaction {
  // Called after each iteration: restarts the quiet period.
  touch(): void;
  stop(): void;
}

export function compactWhenIdle(quietMs = QUIET_MS): IdleCompaction {
  let timer: NodeJS.Timeout | undefined;
  let collect: (() => void) | undefined;
  return {
    touch() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        collect ??= exposeCollector();
        collect();
      }, quietMs);
      timer.unref();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}

function exposeCollector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
