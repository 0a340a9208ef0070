import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { BUILT_DEFAULTS } from '../../src/config/built-defaults.js';
import { packageFile } from '../../src/package-root.js';
import { defaultConfig } from '../../src/config/schema.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ai-employee-config-'));
  file = path.join(dir, 'ai-employee.yaml');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function loadError(text: string): Promise<ConfigError> {
  await fs.writeFile(file, text);
  const error = await loadConfig(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

const job = (extra: string) => `jobs:\n  - name: backup\n    command: [restic, backup]\n${extra}`;

describe('loadConfig', () => {
  test('a missing file gives every default', async () => {
    expect(await loadConfig(file)).toEqual(defaultConfig());
  });

  test('an empty file or one of comments only gives every default', async () => {
    await fs.writeFile(file, '# nothing set yet\n');
    expect(await loadConfig(file)).toEqual(defaultConfig());
  });

  test('values given are merged over the defaults, durations in milliseconds', async () => {
    await fs.writeFile(
      file,
      [
        'planner:',
        '  engine: command',
        '  command: [llm, -m, small]',
        '  timeout: 90s',
        'constraints:',
        '  minFreeDiskMB: 1000',
        'jobs:',
        '  - name: sync',
        '    command: [git, pull]',
        '    schedule: { every: 5m }',
        '    constraints: { minBatteryPercent: 0 }',
      ].join('\n'),
    );
    const config = await loadConfig(file);
    expect(config.planner).toMatchObject({ engine: 'command', command: ['llm', '-m', 'small'], timeout: 90_000, concurrency: 2 });
    expect(config.constraints).toEqual({ ...defaultConfig().constraints, minFreeDiskMB: 1000 });
    expect(config.jobs[0]).toMatchObject({ name: 'sync', schedule: { every: 300_000 }, timeout: 600_000, retries: 0 });
    // A job's overrides hold only what the user wrote, so constraints: above still apply to the rest.
    expect(config.jobs[0]!.constraints).toEqual({ minBatteryPercent: 0 });
  });

  test('a "08:00" written without quotes stays a time (YAML 1.2 core schema)', async () => {
    await fs.writeFile(file, 'briefing:\n  time: 07:45\n');
    expect((await loadConfig(file)).briefing.time).toBe('07:45');
  });

  test.each([
    ['unknown top-level key', 'plannr:\n  engine: rules\n', 'unknown key "plannr" (known keys: intake, planner, briefing, daemon, constraints, jobs); did you mean "planner"?'],
    ['unknown nested key', 'planner:\n  engin: rules\n', 'unknown key "planner.engin" (known keys: engine, command,'],
    ['unknown key in a job', job('    schedule: { every: 5m }\n    constraints: { minFreeDisk: 10 }\n'), 'unknown key "jobs[0].constraints.minFreeDisk"'],
    ['value not in a list', 'planner:\n  engine: gpt\n', 'planner.engine: "gpt" is not allowed; use one of rules, command'],
    ['wrong type', 'planner:\n  concurrency: two\n', 'planner.concurrency: "two" is not allowed; expected a number'],
    ['not a whole number', 'planner:\n  concurrency: 1.5\n', 'planner.concurrency: 1.5 is not allowed; expected a whole number'],
    ['out of range, above', 'constraints:\n  minBatteryPercent: 150\n', 'constraints.minBatteryPercent: 150 is too big; use at most 100'],
    ['out of range, below', 'briefing:\n  staleDays: 0\n', 'briefing.staleDays: 0 is too small; use at least 1'],
    ['bad duration', 'daemon:\n  heartbeat: 5q\n', 'daemon.heartbeat: "5q" is not a duration'],
    ['duration of the wrong type', 'daemon:\n  heartbeat: true\n', 'daemon.heartbeat: true is not allowed; expected a duration like 500ms, 2s, 10m, 1h'],
    ['bad duration in a schedule', job('    schedule: { every: 5q }\n'), 'jobs[0].schedule.every: "5q" is not a duration'],
    ['bad cron field', job('    schedule: { cron: "99 * * * *" }\n'), 'jobs[0].schedule.cron: "99 * * * *" — not a valid cron pattern (Invalid value for minute: 99)'],
    ['cron of the wrong shape', job('    schedule: { cron: "nope" }\n'), 'jobs[0].schedule.cron: "nope" — not a valid cron pattern'],
    ['cron that never matches', job('    schedule: { cron: "0 0 30 2 *" }\n'), 'jobs[0].schedule.cron: "0 0 30 2 *" — a cron pattern that never matches a date'],
    ['a period of 0', job('    schedule: { every: 0s }\n'), 'jobs[0].schedule.every: "0s" — must be longer than 0'],
    ['bad HH:MM', 'briefing:\n  time: "25:00"\n', 'briefing.time: "25:00" is not allowed; use a local time written HH:MM'],
    ['bad HH:MM in a weekly schedule', job('    schedule: { weekly: { days: [mon], at: "8" } }\n'), 'jobs[0].schedule.weekly.at: "8" is not allowed; use a local time written HH:MM'],
    ['bad weekday', job('    schedule: { weekly: { days: [mon, funday], at: "08:00" } }\n'), 'jobs[0].schedule.weekly.days[1]: "funday" is not allowed; use one of mon, tue, wed, thu, fri, sat, sun'],
    ['unknown schedule form', job('    schedule: { hourly: true }\n'), 'unknown key "jobs[0].schedule.hourly" (known keys: every, daily, weekly, cron)'],
    ['schedule that is not a mapping', job('    schedule: hourly\n'), 'jobs[0].schedule: "hourly" is not allowed; write one of every, daily, weekly, cron'],
    ['two schedule forms at once', job('    schedule: { every: 5m, daily: "08:00" }\n'), 'jobs[0].schedule: use only one of every, daily, weekly, cron (found every and daily)'],
    ['missing schedule', job(''), 'jobs[0].schedule is missing; write one of every, daily, weekly, cron'],
    ['string command without shell', 'jobs:\n  - name: b\n    command: restic backup\n    schedule: { every: 1h }\n', 'jobs[0].command: "restic backup" — a single string runs through a shell'],
    ['empty command list', 'jobs:\n  - name: b\n    command: []\n    schedule: { every: 1h }\n', 'jobs[0].command: [] needs at least 1 item'],
    ['bad job name', 'jobs:\n  - name: "my job"\n    command: [x]\n    schedule: { every: 1h }\n', 'jobs[0].name: "my job" is not allowed; use letters, digits'],
    [
      'duplicate job name',
      'jobs:\n  - { name: b, command: [x], schedule: { every: 1h } }\n  - { name: b, command: [y], schedule: { daily: "09:00" } }\n',
      'jobs[1].name: job name "b" is used twice',
    ],
    ['command engine without command', 'planner:\n  engine: command\n', 'planner.command: engine: command needs command: [program, args…]'],
    ['top-level list', '- planner\n- jobs\n', 'the top level must be a mapping of keys (intake, planner, briefing, daemon, constraints, jobs), not a list'],
    ['top-level text', 'hello\n', 'the top level must be a mapping of keys'],
  ])('%s: the message names the file, the key and the value', async (_name, text, expected) => {
    const error = await loadError(text);
    expect(error.message).toContain(`${file}: `);
    expect(error.message).toContain(expected);
  });

  test.each([
    ['an unclosed list', 'planner:\n  highKeywords: [urgent\nbriefing:\n  time: "08:00"\n', /:\d+:\d+: /],
    ['a duplicated key', 'planner:\n  engine: rules\n  engine: command\n', /:3:3: Map keys must be unique/],
    ['a bad indentation', 'planner:\n  concurrency: 1\n intake: 3\n', /:3:1: /],
    ['a tag asking for code', 'planner:\n  engine: !!js/function "return 1"\n', /:2:11: Unresolved tag/],
  ])('broken YAML (%s) names the file, line and column', async (_name, text, position) => {
    const error = await loadError(text);
    expect(error.message.startsWith(file)).toBe(true);
    expect(error.message).toMatch(position);
    expect(error.message).toContain('not valid YAML');
  });

  test('too many aliases are refused (a "billion laughs" file)', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 6; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const next = String.fromCharCode(97 + level);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const error = await loadError(`${lines.join('\n')}\n`);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/alias/i);
  });

  test('several problems are all reported, one line each', async () => {
    const error = await loadError('planner:\n  engine: gpt\n  concurrency: 0\nbriefing:\n  tme: "08:00"\n');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.startsWith(`${file}: `))).toBe(true);
  });

  test('a file that cannot be read is a ConfigError naming it', async () => {
    await fs.mkdir(file);
    await expect(loadConfig(file)).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot be read \\(EISDIR\\)`));
  });
});

describe('parseConfigText', () => {
  test('uses the label given in its messages', () => {
    expect(() => parseConfigText('planner:\n  engine: gpt\n', 'reloaded.yaml')).toThrow('reloaded.yaml: planner.engine: "gpt" is not allowed');
  });
});

describe('a file of comments only (as init writes it)', () => {
  test('gives every default, from the defaults the build wrote, which are the schema’s own', async () => {
    const built = JSON.parse(await fs.readFile(packageFile(...BUILT_DEFAULTS), 'utf8'));
    expect(built).toEqual(defaultConfig());
    await fs.writeFile(file, '\uFEFF# planner:\n#   engine: rules\n\n   # indented comment\r\n');
    expect(await loadConfig(file)).toEqual(defaultConfig());
  });

  test('a key after the comments is read and checked as usual', async () => {
    await fs.writeFile(file, '# comment\nplanner:\n  engine: nonsense\n');
    await expect(loadConfig(file)).rejects.toThrow(/planner\.engine/);
  });
});
