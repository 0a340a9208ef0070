import fs from 'node:fs/promises';
import { parseDocument, type YAMLError } from 'yaml';
import { ConfigError } from '../errors.js';
import { explainConfigIssues } from './explain-issue.js';
import { type Config, configSchema, defaultConfig } from './schema.js';

// Reads ai-employee.yaml (§12): plain YAML data only, validated, every problem named by file, key and value.

const MAX_ALIASES = 20;
const MAX_MESSAGES = 10;

function describeYamlError(error: YAMLError, fileLabel: string): string {
  const where = error.linePos ? `${fileLabel}:${error.linePos[0].line}:${error.linePos[0].col}` : fileLabel;
  const firstLine = error.message.split('\n')[0] ?? error.message;
  // yaml appends " at line L, column C" to its messages; the position is already in front.
  return `${where}: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

function readYamlData(text: string, fileLabel: string): unknown {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true, strict: true });
  // A warning (an unknown tag, a key that is a list…) means the file does not say what its author thinks.
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) throw new ConfigError(`${describeYamlError(problem, fileLabel)} (the file is not valid YAML)`, { cause: problem });
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new ConfigError(`${fileLabel}: ${(error as Error).message}`, { cause: error });
  }
}

// The parsing half of loadConfig, for tests and for re-reading the file on SIGHUP.
export function parseConfigText(text: string, fileLabel: string): Config {
  const data = readYamlData(text, fileLabel);
  if (data === null || data === undefined) return defaultConfig();
  if (typeof data !== 'object' || Array.isArray(data)) {
    const found = Array.isArray(data) ? 'a list' : `${JSON.stringify(data)}`;
    const keys = Object.keys(configSchema.shape).join(', ');
    throw new ConfigError(`${fileLabel}: the top level must be a mapping of keys (${keys}), not ${found}`);
  }
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  const messages = explainConfigIssues(result.error.issues, data, configSchema);
  const shown = messages.slice(0, MAX_MESSAGES).map((message) => `${fileLabel}: ${message}`);
  if (messages.length > MAX_MESSAGES) shown.push(`${fileLabel}: … and ${messages.length - MAX_MESSAGES} more problems`);
  throw new ConfigError(shown.join('\n'), { cause: result.error });
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
    if (code === 'ENOENT') return defaultConfig();
    throw new ConfigError(`${configFile}: cannot be read (${code ?? (error as Error).message})`, { cause: error });
  }
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
