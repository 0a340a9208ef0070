import fsSync from 'node:fs';
import path from 'node:path';

// An append-only log file rotated by rotating-file-stream (name, name.1 … name.3). Lines are
// batched into one write per tick, and the stream is recreated if it ever errors.
// Until the file would pass its size limit, lines are appended directly: loading rotating-file-stream
// (with child_process and zlib) is ~20 ms of a one-note `--once`, and most runs never rotate.

export interface RotatingFile {
  write(line: string): void;
  close(): Promise<void>;
}

type Stream = ReturnType<typeof import('rotating-file-stream').createStream>;

export function sizeOption(maxSizeMB: number): string {
  return `${sizeLimitKB(maxSizeMB)}K`;
}

function sizeLimitKB(maxSizeMB: number): number {
  return Math.max(1, Math.round(maxSizeMB * 1024));
}

// `onLost` gets the lines of a write that failed (a full disk), so that they can be said elsewhere.
export async function openRotatingFile(file: string, maxSizeMB: number, onError: (error: Error) => void, onLost: (lines: string[], error: Error) => void = () => {}): Promise<RotatingFile> {
  const limit = sizeLimitKB(maxSizeMB) * 1024;
  const direct = openDirect(file);
  let stream: Stream | undefined;
  // Set once, at the first batch that would pass the limit: from then on every batch goes to the stream.
  let rotating = false;
  const openStream = async (): Promise<Stream> => {
    const { createStream } = await import('rotating-file-stream');
    const open = (): Stream => {
      const created = createStream(path.basename(file), { path: path.dirname(file), size: sizeOption(maxSizeMB), rotate: 3 });
      created.on('error', (error: Error) => {
        onError(error);
        stream = open();
      });
      return created;
    };
    return open();
  };
  // Writes in order: the direct appends, then (once the limit is near) the stream, loaded once.
  let queue = Promise.resolve();
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    const text = `${lines.join('\n')}\n`;
    if (!rotating && direct.fits(Buffer.byteLength(text), limit)) {
      const error = direct.append(text);
      if (error) {
        onError(error);
        onLost(lines, error);
      }
      return;
    }
    rotating = true;
    queue = queue.then(async () => {
      try {
        if (!stream) {
          direct.close();
          stream = await openStream();
        }
      } catch (error) {
        // rotating-file-stream could not be loaded (a rebuild under a running daemon): said, and the
        // lines appended as before, past the limit, until a later batch loads it.
        onError(error as Error);
        const failed = direct.append(text);
        if (failed) onLost(lines, failed);
        return;
      }
      stream.write(text, (error) => {
        if (error) onLost(lines, error);
      });
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
      await queue;
      direct.close();
      const current = stream;
      if (!current) return;
      await new Promise<void>((resolve) => {
        current.once('finish', () => resolve());
        current.once('error', () => resolve());
        current.end();
      });
    },
  };
}

// The log file opened for appending (never through a symlink), with the size it has reached.
// An open that fails is tried again at the next write, as the stream would be recreated.
function openDirect(file: string) {
  let fd: number | undefined;
  let size = 0;
  // A write cut short (a full disk) left part of a line: the next write starts on a new line.
  let brokenLine = false;
  const open = () => {
    fd = fsSync.openSync(file, fsSync.constants.O_WRONLY | fsSync.constants.O_APPEND | fsSync.constants.O_CREAT | fsSync.constants.O_NOFOLLOW, 0o644);
    size = fsSync.fstatSync(fd).size;
  };
  // Created as soon as the logs are opened, as the stream did: readers may look before the first line.
  try {
    open();
  } catch {
    // said with the lines of the first write, which tries again
  }
  return {
    fits(bytes: number, limit: number): boolean {
      if (brokenLine) bytes += 1;
      if (fd === undefined) {
        try {
          open();
        } catch {
          return true; // append() reports the failure with the lines it loses
        }
      }
      return size + bytes <= limit;
    },
    append(text: string): Error | undefined {
      const bytes = Buffer.from(brokenLine ? `\n${text}` : text);
      let offset = 0;
      try {
        if (fd === undefined) open();
        while (offset < bytes.length) offset += fsSync.writeSync(fd!, bytes, offset);
        size += bytes.length;
        brokenLine = false;
        return undefined;
      } catch (error) {
        size += offset;
        if (offset > 0) brokenLine = true;
        return error as Error;
      }
    },
    close() {
      if (fd !== undefined) fsSync.closeSync(fd);
      fd = undefined;
    },
  };
}
