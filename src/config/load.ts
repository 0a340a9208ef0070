import fs from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { readBuiltDefaults } from './built-defaults.js';
import type { Config } from './schema.js';

// Reads ai-employee.yaml (§12): plain YAML data only, validated, every problem named by file, key and value.
// The YAML parser and the schema load only for a file that says something (parse-config-text.ts).

// A file of comments only (as `init` writes it) says nothing: every default.
function isCommentsOnly(text: string): boolean {
  return text.replace(/^\uFEFF/, '').split('\n').every((line) => /^[ \t]*(?:#.*)?\r?$/.test(line));
}

// A configuration is a few kilobytes; a larger file is refused without being read whole.
export const MAX_CONFIG_BYTES = 1024 * 1024;

// At start (and on SIGHUP): the vault's configuration, or every default when the file does not exist.
export async function loadConfig(configFile: string): Promise<Config> {
  let text: string;
  try {
    text = await readBounded(configFile, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return readBuiltDefaults();
    throw new ConfigError(`${configFile}: cannot be read (${code ?? (error as Error).message})`, { cause: error });
  }
  if (isCommentsOnly(text)) return readBuiltDefaults();
  const { parseConfigText } = await import('./parse-config-text.js');
  return parseConfigText(text, configFile);
}

// The file's text, or a ConfigError naming the limit when it is larger (at most limit + 1 bytes are read).
async function readBounded(file: string, limit: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tooLarge = () => new ConfigError(`${file}: the file is too large (${size > limit ? `${size} bytes` : 'it grew while read'}; the limit is ${limit} bytes, 1 MiB): a configuration is a few kilobytes, so this is probably not the file you meant`);
    if (size > limit) throw tooLarge();
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw tooLarge();
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}
