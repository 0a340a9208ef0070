// A one-line progress display on stderr for a long --once on a terminal.
export function createProgress(write: (text: string) => void): { update: (stage: string, done: number, total: number) => void; end: () => void } {
  let shown = false;
  let lastPercent = -1;
  return {
    update(stage, done, total) {
      if (total < 200) return;
      const percent = Math.floor((done / total) * 100);
      if (percent === lastPercent && done !== total) return;
      lastPercent = percent;
      shown = true;
      write(`\r${stage}: ${done}/${total} (${percent}%)   `);
    },
    end() {
      if (shown) write('\n');
    },
  };
}
