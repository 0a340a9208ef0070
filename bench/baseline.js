// The bare file-system baseline (§15): what --once must at least do per dropped note, done as fast
// as plain Node can, with the pipeline's limit of 32 items in flight. Run as a whole process:
//   node bench/baseline.js <vault> [--no-fsync]
// Per item, the file-system work --once does for a note (the rules planner plans a note during
// intake, so the item is written once): read the head of Inbox/<name>; write Plans/PLAN_<stem>.md
// (temp + fsync + link); write Needs_Action/<name> (temp + fsync + link); remove both temp names
// and the Inbox file. Small operations are synchronous and fsyncs overlap on a 16-thread pool,
// the fastest combination measured on this machine. --no-fsync skips the fsyncs, to show how
// much of the floor is the disk's flush time. Not done here: the pipeline's claim rename into
// staging, its YAML and planning, the dashboard — that is the overhead the ratio shows.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const PARALLEL_ITEMS = 32;
const HEAD_BYTES = 256 * 1024;
const fsync = promisify(fs.fsync);

function readHead(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(HEAD_BYTES, fs.fstatSync(fd).size || 1));
    const bytesRead = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    fs.closeSync(fd);
  }
}

async function createDurably(target, data, sync) {
  const temp = path.join(path.dirname(target), `.tmp-${randomUUID()}`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeSync(fd, data);
    if (sync) await fsync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.linkSync(temp, target);
  fs.unlinkSync(temp);
}

async function handleOne(vault, name, sync) {
  const inbox = path.join(vault, 'Inbox', name);
  const stem = name.replace(/\.md$/i, '');
  const head = readHead(inbox);
  const fields = `---\nid: x\nstatus: planned\nreceived: ${new Date().toISOString()}\nplan: "[[PLAN_${stem}]]"\n---\n`;
  await createDurably(path.join(vault, 'Plans', `PLAN_${stem}.md`), `---\nid: x\nsource: "[[${stem}]]"\nstatus: pending\n---\n# ${stem}\n\n## Steps\n- [ ] review\n`, sync);
  await createDurably(path.join(vault, 'Needs_Action', name), Buffer.concat([Buffer.from(fields), head]), sync);
  fs.unlinkSync(inbox);
}

// Processes every file in <vault>/Inbox as above; returns how many it handled.
export async function runBaseline(vault, { sync = true } = {}) {
  const names = fs.readdirSync(path.join(vault, 'Inbox'), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  let next = 0;
  const worker = async () => {
    while (next < names.length) await handleOne(vault, names[next++], sync);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ITEMS, names.length) }, worker));
  return names.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.UV_THREADPOOL_SIZE ??= '16';
  const vault = process.argv[2];
  if (!vault) throw new Error('usage: node bench/baseline.js <vault>');
  await runBaseline(vault, { sync: !process.argv.includes('--no-fsync') });
}
