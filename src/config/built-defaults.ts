import { readFileSync } from 'node:fs';
import { packageFile } from '../package-root.js';
import type { Config } from './schema.js';

// Every default of the configuration, as the build wrote it (scripts/write-defaults.js:
// dist/config/defaults.json, from the schema itself), so a run on the template's all-comment file
// needs neither the YAML parser nor zod. Without that file (sources not built): the schema's own.

export const BUILT_DEFAULTS = ['dist', 'config', 'defaults.json'] as const;

export async function readBuiltDefaults(): Promise<Config> {
  try {
    return JSON.parse(readFileSync(packageFile(...BUILT_DEFAULTS), 'utf8')) as Config;
  } catch {
    const { defaultConfig } = await import('./schema.js');
    return defaultConfig();
  }
}
