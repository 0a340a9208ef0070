import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

// sha256 of a file as a stream: a 1 GB drop never sits in memory.
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
