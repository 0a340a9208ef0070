// The --status fast path: when argv holds only these flags, answer without loading yargs (~120 ms).
export interface StatusArgs {
  vault?: string;
  lockFile?: string;
  logFile?: string;
  json: boolean;
  explicit: boolean;
}

const VALUE_FLAGS = { '--vault': 'vault', '--lock-file': 'lockFile', '--log-file': 'logFile' } as const;

// Returns undefined when argv needs the full parser (anything else, including --help).
export function readStatusArgs(argv: string[]): StatusArgs | undefined {
  const args: StatusArgs = { json: false, explicit: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--status') args.explicit = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--quiet') continue;
    else {
      const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      const key = VALUE_FLAGS[flag as keyof typeof VALUE_FLAGS];
      if (!key) return undefined;
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return undefined;
      args[key] = value;
    }
  }
  return args;
}
