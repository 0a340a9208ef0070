import fs from 'node:fs';
import path from 'node:path';
import { makeEmptyVault, writeBigFile } from '../make-inputs.js';
import { measureProcess } from '../measure.js';
import { CLI, dropWorkDir, makeWorkDir } from '../paths.js';

// --once on one tiny dropped file, one of 64 MB and one big one (§15: peak memory flat with file
// size). Intake hashes a file as a stream and moves it by link, so past the stream's buffers only
// time should grow: the goal compares the big file with the 64 MB one.
export async function runBigFileScenario(options, report) {
  const tiny = { name: 'tiny-file', title: 'ours --once, one 1 KB file', size: 1, samples: [] };
  const medium = { name: 'medium-file', title: 'ours --once, one 64 MB file (sparse)', size: 1, samples: [] };
  const big = { name: 'big-file', title: `ours --once, one ${options.bigMB} MB file (sparse)`, size: 1, samples: [] };
  for (let run = 0; run < options.runs; run++) {
    report(`big file: run ${run + 1}/${options.runs}`);
    tiny.samples.push(await onceOnFile(options, 'tiny.bin', (file) => fs.writeFileSync(file, Buffer.alloc(1024, 7))));
    medium.samples.push(await onceOnFile(options, 'medium.pdf', (file) => writeBigFile(file, 64)));
    big.samples.push(await onceOnFile(options, 'big.pdf', (file) => writeBigFile(file, options.bigMB)));
  }
  return [tiny, medium, big];
}

async function onceOnFile(options, name, write) {
  const dir = makeWorkDir('bigfile');
  try {
    const vault = makeEmptyVault(path.join(dir, 'vault'));
    const file = path.join(vault, 'Inbox', name);
    write(file);
    const past = new Date(Date.now() - 3600_000);
    fs.utimesSync(file, past, past);
    const result = await measureProcess(process.execPath, [CLI, '--once', '--quiet', '--vault', vault], { label: `--once ${name}` });
    if (!fs.existsSync(path.join(vault, 'Needs_Action', name))) throw new Error(`--once ${name}: the file did not reach Needs_Action/`);
    return result;
  } finally {
    dropWorkDir(dir, options.keep);
  }
}
