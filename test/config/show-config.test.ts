import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { showConfig } from '../../src/commands/config.js';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { defaultConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';

let vault: string;

beforeEach(async () => {
  vault = await fs.mkdtemp(path.join(os.tmpdir(), 'ai-employee-show-config-'));
});

afterEach(async () => {
  await fs.rm(vault, { recursive: true, force: true });
});

test('without a file it prints every default, durations written as a user would', async () => {
  const { text, config } = await showConfig({ vault });
  expect(config).toEqual(defaultConfig());
  expect(text).toContain('does not exist');
  expect(text).toMatch(/^ {2}settleTime: 500ms$/m);
  expect(text).toMatch(/^ {2}timeout: 2m$/m);
  expect(text).toMatch(/^ {2}cooldown: 15m$/m);
  expect(text).toMatch(/^ {2}minFreeDiskMB: 500$/m);
});

test('with a file it prints the file merged over the defaults, and the text parses back to the same', async () => {
  await fs.writeFile(
    path.join(vault, 'ai-employee.yaml'),
    'planner:\n  concurrency: 4\njobs:\n  - name: sync\n    command: [git, pull]\n    schedule: { every: 90s }\n    retryDelay: 2500ms\n',
  );
  const { text, config } = await showConfig({ vault });
  expect(config.planner.concurrency).toBe(4);
  expect(text).toContain('merged over the defaults');
  expect(text).toMatch(/^ {4}retryDelay: 2500ms$/m);
  expect(text).toMatch(/^ {6}every: 90s$/m);
  expect(text).toMatch(/^ {4}timeout: 10m$/m);
  expect(parseConfigText(text, 'printed.yaml')).toEqual(config);
});

test('a bad file is the same ConfigError as at start', async () => {
  await fs.writeFile(path.join(vault, 'ai-employee.yaml'), 'daemon:\n  heartbeat: soon\n');
  await expect(showConfig({ vault })).rejects.toThrow(ConfigError);
  await expect(showConfig({ vault })).rejects.toThrow('daemon.heartbeat: "soon" is not a duration');
});
