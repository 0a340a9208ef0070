// The bench's command line: which scenarios, which sizes, how many runs.

export const ALL_SCENARIOS = ['notes', 'baseline', 'baseline-nosync', 'mix', 'peer', 'status', 'bigfile', 'content', 'daemon'];

const USAGE = `usage: node bench/run.js [options]
  --runs N           runs per sized scenario (default 3)
  --status-runs N    runs per --status case (default 10)
  --sizes a,b,c      item counts (default 1,1000,10000,100000: the one-note cron case first;
                     a size of 100000 or more runs once, ours only)
  --quick            sizes 1,1000,10000 (no 100,000-note run, ~2 minutes shorter)
  --only a,b         scenarios: ${ALL_SCENARIOS.join(', ')}
  --status-files N   files in Inbox for the large --status case (default 100000)
  --big-mb N         size of the big dropped file in MB (default 1024)
  --content-items N  items of each kind in the content scenario (default 20)
  --idle-seconds N   idle window passed to bench/daemon-latency.mjs (default 20)
  --keep             keep the work folders under bench/.work/
  --env-as-is        keep NODE_EXTRA_CA_CERTS for our processes (by default it is unset: see README)`;

// Reads argv into options; throws with the usage text on anything it does not know.
export function parseBenchArgs(argv) {
  const options = { runs: 3, statusRuns: 10, sizes: [1, 1000, 10000, 100000], only: [...ALL_SCENARIOS], statusFiles: 100000, bigMB: 1024, contentItems: 20, idleSeconds: 20, keep: false, envAsIs: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    if (flag === '--runs') options.runs = positive(flag, value());
    else if (flag === '--status-runs') options.statusRuns = positive(flag, value());
    else if (flag === '--sizes') options.sizes = value().split(',').map((s) => positive(flag, s));
    else if (flag === '--full') options.sizes = [1, 1000, 10000, 100000];
    else if (flag === '--quick') options.sizes = [1, 1000, 10000];
    else if (flag === '--only') options.only = pickScenarios(value());
    else if (flag === '--status-files') options.statusFiles = positive(flag, value());
    else if (flag === '--big-mb') options.bigMB = positive(flag, value());
    else if (flag === '--content-items') options.contentItems = positive(flag, value());
    else if (flag === '--idle-seconds') options.idleSeconds = positive(flag, value());
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--env-as-is') options.envAsIs = true;
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return options;
}

function positive(flag, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: "${text}" is not a positive whole number`);
  return n;
}

function pickScenarios(text) {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !ALL_SCENARIOS.includes(n));
  if (unknown.length > 0) throw new Error(`--only: unknown scenario(s) ${unknown.join(', ')}; known: ${ALL_SCENARIOS.join(', ')}`);
  return names;
}
