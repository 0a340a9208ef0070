import { stringify } from 'yaml';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { toWritableConfig } from '../config/writable-config.js';
import { exists } from '../vault/files.js';
import { vaultLayout } from '../vault/layout.js';

// `ai-employee config`: the configuration in effect (the file merged over every default), as YAML.

export interface ShowConfigOptions {
  vault: string;
}

export interface ShowConfigResult {
  text: string;
  config: Config;
}

// Returns the text to print; a bad file throws ConfigError (exit 2) like every other command.
export async function showConfig({ vault }: ShowConfigOptions): Promise<ShowConfigResult> {
  const { configFile } = vaultLayout(vault);
  const config = await loadConfig(configFile);
  const source = (await exists(configFile)) ? `${configFile} merged over the defaults` : `defaults (${configFile} does not exist)`;
  const body = stringify(toWritableConfig(config), { lineWidth: 0 });
  return { text: `# Effective configuration: ${source}\n${body}`, config };
}
