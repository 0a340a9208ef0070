// One timer for "come back at": a stage left work that becomes ready later (a note still being
// typed); an earlier wake replaces a later one, and it never keeps the process alive.

export interface WakeTimer {
  at(when: number | undefined, now: number): void;
  stop(): void;
}

export function createWakeTimer(wake: () => void): WakeTimer {
  let timer: NodeJS.Timeout | undefined;
  let due = Infinity;
  return {
    at(when, now) {
      if (when === undefined || when >= due) return;
      if (timer) clearTimeout(timer);
      due = when;
      // A little after the moment, so the file is past its quiet period when the run looks at it.
      timer = setTimeout(() => {
        timer = undefined;
        due = Infinity;
        wake();
      }, Math.max(0, when - now) + 50);
      timer.unref();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
