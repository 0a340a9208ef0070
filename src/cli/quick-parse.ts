import type { Options } from 'yargs';

// The every-minute cron line (`--once --quiet --vault V`) parsed without loading yargs (a third of a
// one-note run's start-up, issue 16). Only the main command's own flags, written plainly, take this
// path, read with yargs-parser (yargs' own parser) from the same option table; anything else —
// a subcommand, --help, an unknown or negated flag, a value on a switch — is left to yargs, which
// gives the usage and the errors.

// Used by parseCommandLine first; undefined means "ask yargs".
export async function parseMainQuickly(argv: string[], options: Record<string, Options>): Promise<Record<string, unknown> | undefined> {
  const switches = Object.keys(options).filter((name) => options[name]!.type === 'boolean');
  const strings = Object.keys(options).filter((name) => options[name]!.type === 'string');
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = splitFlag(argv[i]!);
    if (flag === undefined) return undefined;
    if (switches.includes(flag) && value === undefined) continue;
    if (!strings.includes(flag)) return undefined;
    if (value === undefined && (i + 1 >= argv.length || argv[++i]!.startsWith('-'))) return undefined;
  }
  const { default: parse } = await import('yargs-parser');
  const defaults = Object.fromEntries(Object.entries(options).filter(([, option]) => option.default !== undefined).map(([name, option]) => [name, option.default]));
  const parsed = parse(argv, { boolean: switches, string: strings, default: defaults, configuration: { 'boolean-negation': false } });
  return parsed._.length === 0 ? parsed : undefined;
}

// "--vault=V" → ["vault", "V"], "--once" → ["once", undefined]; anything else is no plain flag.
function splitFlag(arg: string): [string | undefined, string | undefined] {
  const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
  return match ? [match[1], match[2]] : [undefined, undefined];
}
