import { formatDuration } from './duration.js';
import { type Config, configSchema } from './schema.js';
import { type AnySchema, isDurationSchema, kindOf, knownKeys, schemaAtPath, unionOptions } from './schema-at-path.js';

// A Config written back as a user would write it: durations as 10m, 2s again, so the YAML reads (and parses) the same.

function pickOption(options: AnySchema[], value: Record<string, unknown>): AnySchema | undefined {
  return options.find((option) => knownKeys(option).some((key) => key in value));
}

function writeValue(value: unknown, schema: AnySchema | undefined): unknown {
  if (!schema) return value;
  if (typeof value === 'number' && isDurationSchema(schema)) return formatDuration(value);
  if (Array.isArray(value)) {
    const element = schemaAtPath(schema, [0]);
    return value.map((item) => writeValue(item, element));
  }
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const objectSchema = kindOf(schema) === 'union' ? pickOption(unionOptions(schema), record) : schema;
  const written: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    if (item !== undefined) written[key] = writeValue(item, objectSchema && schemaAtPath(objectSchema, [key]));
  }
  return written;
}

// For `ai-employee config` and the commented defaults: plain data that parses back to the same Config.
export function toWritableConfig(config: Config): Record<string, unknown> {
  return writeValue(config, configSchema) as Record<string, unknown>;
}
