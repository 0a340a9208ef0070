import fs from 'node:fs/promises';
import path from 'node:path';

// Every regular file below `root` as { 'relative/path': contents } (utf8), sorted; symlinks listed as '<symlink>'.
export async function readTree(root: string, options: { skip?: RegExp } = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (options.skip?.test(rel)) continue;
      if (entry.isDirectory()) await walk(full);
      else if (entry.isSymbolicLink()) out[rel] = '<symlink>';
      else if (entry.isFile()) out[rel] = await fs.readFile(full, 'utf8');
    }
  };
  await walk(root);
  return out;
}

// File names (not contents) directly in a folder, sorted; [] when it does not exist.
export async function listDir(dir: string): Promise<string[]> {
  return (await fs.readdir(dir).catch(() => [] as string[])).sort();
}
