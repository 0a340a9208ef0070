import type { Argv, Options } from 'yargs';
import { parseDuration } from '../config/duration.js';
import { UsageError } from '../errors.js';
import { parseMainQuickly } from './quick-parse.js';

export interface CommonOptions {
  vault: string;
  // Neither --vault nor $AI_EMPLOYEE_VAULT: the current folder, which must look like a vault.
  vaultGuessed: boolean;
  logFile?: string;
  lockFile?: string;
  maxLogSize: number;
  quiet: boolean;
  ignoreConstraints: boolean;
}

export type ParsedCommand =
  | { kind: 'help'; output: string }
  | ({ kind: 'main'; mode: 'once' | 'daemon' | 'status'; explicit: boolean; interval: number; json: boolean; dryRun: boolean } & CommonOptions)
  | { kind: 'init'; dir: string; withSamples: boolean }
  | ({ kind: 'briefing'; date?: string } & CommonOptions)
  | ({ kind: 'jobs'; action: 'list' | 'run' | 'history'; name?: string } & CommonOptions)
  | ({ kind: 'config' } & CommonOptions)
  | ({ kind: 'undo'; name?: string; last?: number; to?: string; dryRun: boolean } & CommonOptions)
  | ({ kind: 'service'; target: 'systemd' | 'launchd'; interval: number } & CommonOptions)
  | { kind: 'demo' };

const EXAMPLES: [string, string][] = [
  ['$0 init ~/Vault', 'create a vault from the template'],
  ['$0 --once --vault ~/Vault', 'take in, plan and file everything once, then exit'],
  ['$0 --once --dry-run --vault ~/Vault', 'print what one run would do, change nothing'],
  ['$0 --daemon --vault ~/Vault --interval 10', 'keep running: react to drops, full pass every 10 minutes'],
  ['$0 --status --json --vault ~/Vault', 'health check as JSON (exit 0 running, 1 unhealthy, 3 stopped)'],
  ['$0 jobs run backup --vault ~/Vault', 'run the job named backup now'],
  ['$0 undo --last 1 --dry-run --vault ~/Vault', 'show how the last item taken in would be put back in Inbox/'],
  ['$0 service --systemd --vault ~/Vault', 'print a systemd user unit that starts the daemon at login'],
];

type OptionSet = Record<string, Options>;

// What every command on a vault accepts.
function sessionOptions(vaultDefault: string) {
  return {
    vault: { type: 'string', describe: 'the vault folder', default: vaultDefault, defaultDescription: '$AI_EMPLOYEE_VAULT or the current folder' },
    'log-file': { type: 'string', describe: 'text log', defaultDescription: '<vault>/Logs/ai_employee.log' },
    'max-log-size': { type: 'string', describe: 'rotate the log at this many MB (3 old files kept)', default: '5' },
    'lock-file': { type: 'string', describe: 'single-instance lock', defaultDescription: '<vault>/Logs/.ai_employee.lock' },
    quiet: { type: 'boolean', describe: 'do not echo the log to stderr' },
  } satisfies OptionSet;
}

// The main command's modes and their flags.
const modeOptions = {
  once: { type: 'boolean', describe: 'run one iteration and exit' },
  daemon: { type: 'boolean', describe: 'keep running (single instance per vault)' },
  status: { type: 'boolean', describe: 'health check (LSB codes: 0 running, 1 unhealthy, 3 stopped, 4 unknown)' },
  interval: { type: 'string', describe: 'daemon backstop period: minutes, or a duration like 10m, 1h (at least 1 minute)', default: '5' },
  json: { type: 'boolean', describe: 'with --status: one JSON document on stdout' },
  'dry-run': { type: 'boolean', describe: 'with --once: print every move and write it would make, change nothing' },
  'ignore-constraints': { type: 'boolean', describe: 'skip the system-constraint checks for this run' },
} satisfies OptionSet;

// Options belong to the command that declares them, so `init --help` does not list --daemon.
function onlyHere(options: OptionSet): OptionSet {
  return Object.fromEntries(Object.entries(options).map(([name, option]) => [name, { ...option, global: false }]));
}

// argv → one ParsedCommand; every mistake becomes a UsageError naming the flag or value.
export async function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv, cwd: string, version: string): Promise<ParsedCommand> {
  const vaultDefault = env.AI_EMPLOYEE_VAULT || cwd;
  const vaultGuessed = !env.AI_EMPLOYEE_VAULT && !argv.some((arg) => arg === '--vault' || arg.startsWith('--vault='));
  const quick = await parseMainQuickly(argv, { ...sessionOptions(vaultDefault), ...modeOptions });
  if (quick) return toCommand('main', { ...quick, vaultGuessed });
  const { default: yargs } = await import('yargs');
  let chosen: string | undefined;
  const parser = yargs(argv)
    .scriptName('ai-employee')
    .usage('$0 [--daemon | --once | --status] [options]\n\nRuns a markdown vault: takes in what you drop into Inbox/, writes a plan for each item, files finished items under Done/, keeps Dashboard.md current, writes a daily briefing and runs scheduled jobs.')
    .version(version)
    .help()
    .strict()
    .exitProcess(false)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .command('$0', 'run, or report on, the agent (default: --status)', (y: Argv) => y.options(onlyHere({ ...sessionOptions(vaultDefault), ...modeOptions })), () => { chosen = 'main'; })
    .command('init [dir]', 'create a vault from the template (never overwrites)', (y: Argv) => y.positional('dir', { type: 'string', default: '.' }).option('with-samples', { type: 'boolean', describe: 'also drop a few sample files in Inbox/' }), () => { chosen = 'init'; })
    .command('briefing', 'write the daily briefing now', (y: Argv) => y.options(onlyHere({ vault: sessionOptions(vaultDefault).vault })).option('date', { type: 'string', describe: 'YYYY-MM-DD (default: today)' }), () => { chosen = 'briefing'; })
    .command('jobs <action> [name]', 'scheduled jobs: list | run NAME | history [NAME]', (y: Argv) => y.options(onlyHere(sessionOptions(vaultDefault))).positional('action', { choices: ['list', 'run', 'history'] as const }).positional('name', { type: 'string' }), () => { chosen = 'jobs'; })
    .command('undo [name]', 'put an item back in Inbox/ as it was dropped: undo NAME | --last N [--to DIR] [--dry-run]', (y: Argv) => y.options(onlyHere({ ...sessionOptions(vaultDefault), 'dry-run': { type: 'boolean', describe: 'print every move and removal it would make, change nothing' } })).positional('name', { type: 'string', describe: "the item's note name, e.g. call-bob.md or scan.pdf" }).option('last', { type: 'string', describe: 'the N items taken in most recently' }).option('to', { type: 'string', describe: 'a folder inside the vault to put them in (default Inbox)' }), () => { chosen = 'undo'; })
    .command('config', 'print the effective configuration', (y: Argv) => y.options(onlyHere({ vault: sessionOptions(vaultDefault).vault })), () => { chosen = 'config'; })
    .command('service', 'print a unit that starts the daemon at login', (y: Argv) => y.options(onlyHere({ vault: sessionOptions(vaultDefault).vault, interval: modeOptions.interval })).option('systemd', { type: 'boolean' }).option('launchd', { type: 'boolean' }).conflicts('systemd', 'launchd'), () => { chosen = 'service'; })
    .command('demo', false, () => {}, () => { chosen = 'demo'; })
    .example(EXAMPLES);

  let output = '';
  const args = await new Promise<Record<string, unknown>>((resolve, reject) => {
    parser.parse(argv, {}, (error: Error | undefined, parsed: Record<string, unknown>, text: string) => {
      output = text;
      if (error) reject(new UsageError(`${error.message}\nRun 'ai-employee --help' for usage.`));
      else resolve(parsed);
    });
  });
  if (args.help || args.version || (output && !chosen)) return { kind: 'help', output };
  return toCommand(chosen ?? 'main', { ...args, vaultGuessed });
}

function toCommand(chosen: string, a: Record<string, unknown>): ParsedCommand {
  if (chosen === 'init') return { kind: 'init', dir: String(a.dir ?? '.'), withSamples: Boolean(a.withSamples) };
  if (chosen === 'demo') return { kind: 'demo' };
  const common: CommonOptions = {
    vault: String(a.vault),
    vaultGuessed: a.vaultGuessed === true,
    logFile: a.logFile as string | undefined,
    lockFile: a.lockFile as string | undefined,
    maxLogSize: checkNumber('--max-log-size', a.maxLogSize ?? '5', 0.001, 'a size in MB greater than 0'),
    quiet: Boolean(a.quiet),
    ignoreConstraints: Boolean(a.ignoreConstraints),
  };
  const interval = () => readIntervalMinutes(a.interval ?? '5');
  switch (chosen) {
    case 'briefing':
      if (a.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(a.date))) throw new UsageError(`--date "${a.date}" is not a date written YYYY-MM-DD`);
      return { kind: 'briefing', date: a.date as string | undefined, ...common };
    case 'jobs':
      if (a.action === 'run' && !a.name) throw new UsageError('jobs run needs the name of a job: ai-employee jobs run NAME');
      return { kind: 'jobs', action: a.action as 'list' | 'run' | 'history', name: a.name as string | undefined, ...common };
    case 'config':
      return { kind: 'config', ...common };
    case 'undo':
      return { kind: 'undo', ...readUndoTarget(a), to: a.to as string | undefined, dryRun: Boolean(a.dryRun), ...common };
    case 'service':
      if (!a.systemd && !a.launchd) throw new UsageError('service needs --systemd or --launchd');
      return { kind: 'service', target: a.launchd ? 'launchd' : 'systemd', interval: interval(), ...common };
    default: {
      const modes = (['once', 'daemon', 'status'] as const).filter((flag) => a[flag]);
      if (modes.length > 1) throw new UsageError(`--${modes[0]} and --${modes[1]} cannot be used together: choose one mode`);
      const mode = a.once ? 'once' : a.daemon ? 'daemon' : 'status';
      if (a.json && mode !== 'status') throw new UsageError('--json goes with --status');
      if (a.dryRun && mode !== 'once') throw new UsageError('--dry-run goes with --once');
      return { kind: 'main', mode, explicit: Boolean(a.once || a.daemon || a.status), interval: interval(), json: Boolean(a.json), dryRun: Boolean(a.dryRun), ...common };
    }
  }
}

// undo NAME or undo --last N, not both and not neither.
function readUndoTarget(a: Record<string, unknown>): { name?: string; last?: number } {
  const name = a.name === undefined ? undefined : String(a.name);
  if (name !== undefined && a.last !== undefined) throw new UsageError('undo takes a NAME or --last N, not both');
  if (name !== undefined) return { name };
  if (a.last === undefined) throw new UsageError('undo needs the name of an item (undo call-bob.md) or --last N');
  const last = String(a.last).trim();
  if (!/^\d+$/.test(last) || Number(last) < 1) throw new UsageError(`--last: "${String(a.last)}" is not allowed: use a whole number of items, at least 1`);
  return { last: Number(last) };
}

// Flags are read as text, so a message can show what the user typed ("abc", not NaN).
function checkNumber(flag: string, value: unknown, min: number, what: string): number {
  const text = String(value).trim();
  const n = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${flag}: "${String(value)}" is not allowed: use ${what}`);
  return n;
}

// --interval is minutes (5) or a duration (10m, 1h); below a minute the daemon would only spin.
function readIntervalMinutes(value: unknown): number {
  const text = String(value).trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 60_000 : parseDuration(text);
  if (ms === undefined) throw new UsageError(`--interval: "${String(value)}" is not a duration (e.g. 5 for five minutes, 30m, 1h)`);
  if (ms < 60_000) throw new UsageError(`--interval: "${String(value)}" is too short: use at least 1 minute`);
  return ms / 60_000;
}
