import path from 'node:path';

// An append-only log file rotated by rotating-file-stream (name, name.1 … name.3). Lines are
// batched into one write per tick, and the stream is recreated if it ever errors.

export interface RotatingFile {
  write(line: string): void;
  close(): Promise<void>;
}

export function sizeOption(maxSizeMB: number): string {
  return `${Math.max(1, Math.round(maxSizeMB * 1024))}K`;
}

// `onLost` gets the lines of a write that failed (a full disk), so that they can be said elsewhere.
export async function openRotatingFile(file: string, maxSizeMB: number, onError: (error: Error) => void, onLost: (lines: string[], error: Error) => void = () => {}): Promise<RotatingFile> {
  const { createStream } = await import('rotating-file-stream');
  const open = () => {
    const stream = createStream(path.basename(file), { path: path.dirname(file), size: sizeOption(maxSizeMB), rotate: 3 });
    stream.on('error', (error: Error) => {
      onError(error);
      current = open();
    });
    return stream;
  };
  let current = open();
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    current.write(`${lines.join('\n')}\n`, (error) => {
      if (error) onLost(lines, error);
    });
  };
  return {
    write(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    async close() {
      flush();
      const stream = current;
      await new Promise<void>((resolve) => {
        stream.once('finish', () => resolve());
        stream.once('error', () => resolve());
        stream.end();
      });
    },
  };
}
