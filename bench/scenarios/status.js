import fs from 'node:fs';
import path from 'node:path';
import { makeEmptyVault } from '../make-inputs.js';
import { measureProcess } from '../measure.js';
import { CLI, dropWorkDir, makeWorkDir } from '../paths.js';
import { copyPeer, findPeer } from '../peer.js';

// --status exit codes that mean "answered": LSB codes for ours, 0/1 for the peer.
const OK_CODES = [0, 1, 3];

// Swaps the Inbox folders of two vaults (three renames), so both tools count the same files.
function exchangeInboxes(a, b) {
  const aside = path.join(a, 'Inbox.aside');
  fs.renameSync(path.join(a, 'Inbox'), aside);
  fs.renameSync(path.join(b, 'Inbox'), path.join(a, 'Inbox'));
  fs.renameSync(aside, path.join(b, 'Inbox'));
}

// Plain, fast writes: --status only counts them.
function fillInbox(inbox, count) {
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(inbox, `drop ${String(i).padStart(6, '0')}.md`), `note ${i}\n`);
}

// --status on an empty vault and on one with `statusFiles` files in Inbox, ours and the peer's
// side by side (runs interleaved). The big Inbox is written once and swapped between the two.
// Returns rows: { name, title, size, samples }.
export async function runStatusScenario(options, report) {
  const dir = makeWorkDir('status');
  const peerAvailable = Boolean(findPeer());
  try {
    const vault = makeEmptyVault(path.join(dir, 'vault'));
    const peerCommand = peerAvailable ? copyPeer(path.join(dir, 'peer')) : undefined;
    const rows = [];
    for (const [size, label] of [[0, 'empty'], [options.statusFiles, `${options.statusFiles} in Inbox`]]) {
      if (size > 0) {
        report(`status: writing ${size} files into Inbox`);
        fillInbox(path.join(vault, 'Inbox'), size);
      }
      const ours = { name: 'status', title: `ours --status, ${label}`, size, samples: [] };
      const peer = { name: 'peer-status', title: `peer --status, ${label}`, size, samples: [] };
      for (let run = 0; run < options.statusRuns; run++) {
        ours.samples.push(await measureProcess(process.execPath, [CLI, '--status', '--vault', vault], { okCodes: OK_CODES, label: `--status ${label}` }));
        if (!peerCommand) continue;
        const [bin, args] = peerCommand('--status');
        exchangeInboxes(vault, path.join(dir, 'peer'));
        try {
          peer.samples.push(await measureProcess(bin, args, { okCodes: OK_CODES, label: `peer --status ${label}` }));
        } finally {
          exchangeInboxes(vault, path.join(dir, 'peer'));
        }
      }
      rows.push(ours);
      if (peerCommand) rows.push(peer);
    }
    return rows;
  } finally {
    dropWorkDir(dir, options.keep);
  }
}
