import { parseDocument, type YAMLError } from 'yaml';
import { ConfigError } from '../errors.js';
import { explainConfigIssues } from './explain-issue.js';
import { type Config, configSchema, defaultConfig } from './schema.js';

// ai-employee.yaml's text → a validated Config, or a ConfigError naming file, line, key and value.

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

