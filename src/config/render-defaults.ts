import { type Config, defaultConfig, jobSchema } from './schema.js';
import { toWritableConfig } from './writable-config.js';

// The ai-employee.yaml that `init` puts in a new vault: every key and its default, commented out, explained.

type Section = Exclude<keyof Config, 'jobs'>;

const SECTIONS: Record<Section, { title: string; keys: Record<string, string> }> = {
  intake: {
    title: 'Taking files in from Inbox/.',
    keys: {
      ignore: 'File name patterns in Inbox/ that are never taken in (temporary and partial downloads).',
      settleTime: 'How long a file must stay unchanged before it is taken in.',
      openNoteQuiet: 'A note open in Obsidian is taken once it is closed or has not changed for this long.',
      editQuiet: 'A note saved again and again (typed in an editor) is taken once it has not changed for this long.',
      emptyNoteWait: 'An empty note waits this long for its text.',
      ocr: 'Read the text of dropped images by OCR (needs the optional package tesseract.js).',
    },
  },
  planner: {
    title: 'Writing a plan for each item.',
    keys: {
      engine: 'rules (built in, offline, deterministic) or command (runs planner.command for each item).',
      command: 'With engine: command, the program and its arguments, run without a shell; the prompt is on stdin. For example:',
      timeout: 'How long the command planner may run for one item before it is stopped.',
      concurrency: 'How many command planners may run at once.',
      cooldown: 'After three failures in a row, the command planner pauses this long (rules plan meanwhile).',
      maxReadKB: 'How much of an item is read for planning, in KiB.',
      maxOutputKB: 'The largest plan the command planner may print, in KiB.',
      highKeywords: 'Extra words that make an item high priority, besides the built-in ones and the handbook\'s.',
      taskTag: 'A tag put on every step, e.g. "#task", for users of Obsidian Tasks\' global filter (off by default).',
    },
  },
  briefing: {
    title: 'The daily briefing in Briefings/.',
    keys: {
      time: 'Local time of day after which the briefing is written, HH:MM.',
      staleDays: 'Items waiting longer than this many days are listed as stale.',
    },
  },
  daemon: {
    title: 'The background daemon.',
    keys: {
      debounce: 'How long the daemon waits after a change in the vault before it runs.',
      heartbeat: 'How often the daemon records that it is alive (read by --status).',
    },
  },
  constraints: {
    title: 'When heavy work (command planner, jobs) waits. Intake, dashboard and briefing wait only for disk space.',
    keys: {
      maxLoadPerCpu: 'Most 1-minute load average per CPU.',
      minFreeMemoryMB: 'Least available memory, in MB.',
      minBatteryPercent: 'Least battery charge, in percent; applies only while discharging (no battery = mains power).',
      requireCharging: 'true: heavy work waits whenever the machine runs on battery.',
      minFreeDiskMB: 'Least free space on the vault\'s filesystem, in MB.',
    },
  },
};

// Keys without a default are shown commented out, with an example value.
const EXAMPLES: Record<string, unknown> = { command: ['llm', '--system', 'Write a plan in markdown'], taskTag: '#task' };

const JOB_NOTES: Record<string, string> = {
  name: 'letters, digits, ".", "_" or "-"',
  command: 'program, then its arguments; run without a shell, in the vault folder',
  schedule: 'every, daily, weekly or cron: see the examples below',
  shell: 'true lets command be a single string run by the shell (avoid)',
  timeout: 'then SIGTERM, and SIGKILL 5 s later',
  retries: 'more attempts after a failure',
  retryDelay: 'wait before the first retry, doubling each time',
  catchUp: 'one run if a scheduled time passed while the agent was down',
  constraints: 'overrides of the constraints above, for this job only',
};

const EXAMPLE_JOBS: { note: string; job: Record<string, unknown> }[] = [
  { note: 'Every 30 minutes. Every optional key is shown with its default.', job: { name: 'sync-notes', command: ['git', 'pull', '--rebase'], schedule: { every: '30m' } } },
  { note: 'Every day at 07:30 local time; at most 5 minutes, tried up to three times.', job: { name: 'fetch-mail', command: ['mbsync', '-a'], schedule: { daily: '07:30' }, timeout: '5m', retries: 2 } },
  { note: 'Mondays and Thursdays at 18:00, even on a low battery.', job: { name: 'weekly-report', command: ['node', 'scripts/weekly-report.js'], schedule: { weekly: { days: ['mon', 'thu'], at: '18:00' } }, constraints: { minBatteryPercent: 0 } } },
  { note: 'Cron syntax: at minute 0 of every second hour; no catch-up run after downtime.', job: { name: 'backup', command: ['restic', 'backup', '.'], schedule: { cron: '0 */2 * * *' }, catchUp: false } },
];

const PLAIN = /^[A-Za-z0-9][\w./-]*$/;
const LOOKS_LIKE_OTHER_TYPE = /^(true|false|null|yes|no|on|off|y|n|[\d.]+|0x.*)$/i;

// A value in YAML flow style: [a, b], { k: v }, "quoted" only where plain text would be misread.
function formatFlow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatFlow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const pairs = Object.entries(value).map(([key, item]) => `${key}: ${formatFlow(item)}`);
    return pairs.length ? `{ ${pairs.join(', ')} }` : '{}';
  }
  if (typeof value === 'string' && (!PLAIN.test(value) || LOOKS_LIKE_OTHER_TYPE.test(value))) return JSON.stringify(value);
  return String(value);
}

function renderSection(section: Section, values: Record<string, unknown>): string[] {
  const { title, keys } = SECTIONS[section];
  const missing = Object.keys(values).filter((key) => !(key in keys));
  if (missing.length) throw new Error(`render-defaults: no explanation for ${section}.${missing.join(', ')}`);
  const lines = [`# ${title}`, `# ${section}:`];
  for (const [key, note] of Object.entries(keys)) {
    lines.push(`#   # ${note}`);
    if (key in values) lines.push(`#   ${key}: ${formatFlow(values[key])}`);
    else lines.push(`#   # ${key}: ${formatFlow(EXAMPLES[key])}`);
  }
  return lines;
}

function renderJob(job: Record<string, unknown>, withNotes: boolean): string[] {
  const keys = Object.keys(withNotes ? JOB_NOTES : job).filter((key) => key in job);
  const entries = keys.map((key, index) => `${index === 0 ? '- ' : '  '}${key}: ${formatFlow(job[key])}`);
  const width = Math.max(...entries.map((entry) => entry.length));
  return entries.map((entry, index) => {
    const note = withNotes ? JOB_NOTES[keys[index]!] : undefined;
    return note ? `#   ${entry.padEnd(width)}  # ${note}` : `#   ${entry}`;
  });
}

function renderJobs(): string[] {
  const [first, ...rest] = EXAMPLE_JOBS;
  const withDefaults = toWritableConfig({ ...defaultConfig(), jobs: [jobSchema.parse(first!.job)] }).jobs as Record<string, unknown>[];
  const lines = [
    '# Scheduled jobs: none by default. Jobs come only from this file. Examples, one per',
    '# schedule form; uncomment "jobs:" and the jobs you want:',
    '# jobs:',
    `#   # ${first!.note}`,
    ...renderJob(withDefaults[0]!, true),
  ];
  for (const example of rest) lines.push(`#   # ${example.note}`, ...renderJob(example.job, false));
  return lines;
}

// Used by `init` (through vault-template/ai-employee.yaml) and by the test that keeps that file in step.
export function renderDefaultConfigYaml(): string {
  const values = toWritableConfig(defaultConfig());
  const sections = (Object.keys(SECTIONS) as Section[]).map((section) => renderSection(section, values[section] as Record<string, unknown>));
  const header = [
    '# ai-employee.yaml: configuration for this vault.',
    '# Every key is optional; the values shown are the defaults. To change one, uncomment it',
    '# and its section line (remove "# "), keeping the indentation. Durations are written',
    '# 500ms, 2s, 10m or 1h. `ai-employee config` prints the configuration in effect.',
  ];
  return `${[header, ...sections, renderJobs()].map((block) => block.join('\n')).join('\n\n')}\n`;
}
