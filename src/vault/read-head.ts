import fsSync from 'node:fs';

// Reads at most maxBytes from the start of a file, without following a symlink at the final component.
export async function readHead(target: string, maxBytes: number): Promise<Buffer> {
  return readHeadSync(target, maxBytes);
}

// The same read without a promise, for loops over thousands of heads (the dashboard's snapshot).
// O_NONBLOCK: a FIFO swapped in for a note can never block the main thread.
export function readHeadSync(target: string, maxBytes: number): Buffer {
  return readHeadAndSize(target, maxBytes).head;
}

// The head and the file's whole size, from one open: a caller can tell whether it read everything.
export function readHeadAndSize(target: string, maxBytes: number): { head: Buffer; size: number } {
  const fd = fsSync.openSync(target, fsSync.constants.O_RDONLY | fsSync.constants.O_NOFOLLOW | fsSync.constants.O_NONBLOCK);
  try {
    const size = fsSync.fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes, size || 4096));
    let total = 0;
    while (total < buffer.length) {
      const bytesRead = fsSync.readSync(fd, buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return { head: buffer.subarray(0, total), size };
  } finally {
    fsSync.closeSync(fd);
  }
}
