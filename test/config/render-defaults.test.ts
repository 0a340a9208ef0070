import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseConfigText } from '../../src/config/parse-config-text.js';
import { renderDefaultConfigYaml } from '../../src/config/render-defaults.js';
import { configSchema, defaultConfig, jobSchema } from '../../src/config/schema.js';
import { knownKeys } from '../../src/config/schema-at-path.js';

const templateFile = fileURLToPath(new URL('../../vault-template/ai-employee.yaml', import.meta.url));

// What a user does to a line they want: remove the leading "# " (prose lines stay comments).
function uncommentAll(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^# (?=\s|[A-Za-z]+:)/, ''))
    .join('\n');
}

describe('the commented default configuration', () => {
  test('vault-template/ai-employee.yaml is exactly what the renderer writes', async () => {
    expect(await fs.readFile(templateFile, 'utf8')).toBe(renderDefaultConfigYaml());
  });

  test('it cites no section (§) of a document users do not have', () => {
    expect(renderDefaultConfigYaml()).not.toContain('§');
  });

  test('as shipped (all commented) it parses to exactly the defaults', async () => {
    expect(parseConfigText(await fs.readFile(templateFile, 'utf8'), path.basename(templateFile))).toEqual(defaultConfig());
  });

  test('uncommenting every setting gives the defaults, so the values shown are the real ones', () => {
    const config = parseConfigText(uncommentAll(renderDefaultConfigYaml()), 'uncommented.yaml');
    expect({ ...config, jobs: [] }).toEqual(defaultConfig());
  });

  test('every key of every section is written out with an explanation above it', () => {
    const text = renderDefaultConfigYaml();
    const shape = configSchema.shape;
    for (const section of Object.keys(shape).filter((key) => key !== 'jobs')) {
      expect(text).toContain(`\n# ${section}:\n`);
      for (const key of knownKeys(shape[section as keyof typeof shape])) {
        expect(text).toMatch(new RegExp(`#   # [^\\n]+\\n#   (# )?${key}: `));
      }
    }
  });

  test('the example jobs are valid, one per schedule form, the first showing every job key', () => {
    const text = uncommentAll(renderDefaultConfigYaml());
    const { jobs } = parseConfigText(text, 'uncommented.yaml');
    expect(jobs.map((job) => Object.keys(job.schedule)[0])).toEqual(['every', 'daily', 'weekly', 'cron']);
    const written = (parse(text) as { jobs: Record<string, unknown>[] }).jobs[0]!;
    expect(Object.keys(written).sort()).toEqual(knownKeys(jobSchema).sort());
    const { name, command, schedule } = jobs[0]!;
    expect(jobs[0]).toEqual(jobSchema.parse({ name, command, schedule: { every: '30m' } }));
    expect(schedule).toEqual({ every: 1_800_000 });
  });
});
