import path from 'node:path';
import { makeEmptyVault, writeDrops } from '../make-inputs.js';
import { measureProcess } from '../measure.js';
import { BENCH_DIR, CLI, countFiles, dropWorkDir, makeWorkDir } from '../paths.js';
import { copyPeer, findPeer } from '../peer.js';

// The scenarios measured once per size and run: each takes N dropped files to planned items.
// sample(size, options) → { wallMs, cpuS, rssKB } for one whole process on fresh inputs.

const isPlan = (name) => name.startsWith('PLAN_');

function checkPlans(label, plansDir, expected) {
  const made = countFiles(plansDir, isPlan);
  if (made < expected) throw new Error(`${label}: made ${made} plans for ${expected} items in ${plansDir}`);
}

function oursOnce(name, kind, title) {
  return {
    name,
    title,
    async sample(size, options) {
      const dir = makeWorkDir(name);
      try {
        const vault = makeEmptyVault(path.join(dir, 'vault'));
        writeDrops(path.join(vault, 'Inbox'), size, kind);
        const result = await measureProcess(process.execPath, [CLI, '--once', '--quiet', '--vault', vault], { label: `${name} ${size}` });
        checkPlans(`${name} ${size}`, path.join(vault, 'Plans'), size);
        return result;
      } finally {
        dropWorkDir(dir, options.keep);
      }
    },
  };
}

function baseline(name, title, extraArgs) {
  return {
    name,
    title,
    async sample(size, options) {
      const dir = makeWorkDir(name);
      try {
        const vault = makeEmptyVault(path.join(dir, 'vault'));
        writeDrops(path.join(vault, 'Inbox'), size, 'notes');
        const result = await measureProcess(process.execPath, [path.join(BENCH_DIR, 'baseline.js'), vault, ...extraArgs], { label: `${name} ${size}` });
        checkPlans(`${name} ${size}`, path.join(vault, 'Plans'), size);
        return result;
      } finally {
        dropWorkDir(dir, options.keep);
      }
    },
  };
}

const peer = {
  name: 'peer',
  title: 'peer --once (silver-scheduler), notes',
  available: () => (findPeer() ? undefined : 'the peer folder ../shared/peers/silver-scheduler is missing'),
  async sample(size, options) {
    const dir = makeWorkDir('peer');
    try {
      const command = copyPeer(path.join(dir, 'peer'));
      writeDrops(path.join(dir, 'peer', 'Inbox'), size, 'notes');
      const [bin, args] = command('--once');
      const result = await measureProcess(bin, args, { label: `peer --once ${size}` });
      checkPlans(`peer ${size}`, path.join(dir, 'peer', 'Plans'), size);
      return result;
    } finally {
      dropWorkDir(dir, options.keep);
    }
  },
};

// In the order they run within one round (interleaved, so machine noise hits all alike).
export const SIZED_SCENARIOS = [
  oursOnce('notes', 'notes', 'ours --once, notes'),
  baseline('baseline', 'bare fs baseline (node bench/baseline.js), notes', []),
  baseline('baseline-nosync', 'bare fs baseline without fsync (not a goal), notes', ['--no-fsync']),
  oursOnce('mix', 'mix', 'ours --once, mix (80% notes, 10% PDF, 10% .eml)'),
  peer,
];

