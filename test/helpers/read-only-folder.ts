import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

// A real fault: a folder nobody can create files in. chmod binds a normal user; root ignores modes,
// so as root the folder is made immutable (chattr +i). Returns how, or undefined when neither works.
export async function makeFolderReadOnly(dir: string): Promise<{ how: string; undo: () => Promise<void> } | undefined> {
  if (process.getuid?.() !== 0) {
    await fs.chmod(dir, 0o555);
    return { how: 'chmod 555', undo: () => fs.chmod(dir, 0o755) };
  }
  const ok = await run('chattr', ['+i', dir]).then(() => true, () => false);
  if (!ok) return undefined;
  return { how: 'chattr +i', undo: async () => void (await run('chattr', ['-i', dir])) };
}
