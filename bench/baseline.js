// The bare file-system baseline (§15): what --once must at least do per dropped note, done as fast
// as plain Node can, with the pipeline's limit of 32 items in flight. Run as a whole process:
//   node bench/baseline.js <vault> [--no-fsync]
// Per item: read the head of Inbox/<name>; write Needs_Action/<name> (temp + fsync + link);
// remove the temp name and the Inbox file; write Plans/PLAN_<stem>.md (temp + fsync + rename);
// rewrite the item with its plan link (temp + fsync + rename). --no-fsync skips the fsyncs, to
// show how much of the floor is the disk's flush time.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PARALLEL_ITEMS = 32;
const HEAD_BYTES = 256 * 1024;

async function readHead(file) {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function writeTemp(dir, data, sync) {
  const temp = path.join(dir, `.tmp-${randomBytes(6).toString('hex')}`);
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(data);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

async function handleOne(vault, name, sync) {
  const inbox = path.join(vault, 'Inbox', name);
  const item = path.join(vault, 'Needs_Action', name);
  const stem = name.replace(/\.md$/i, '');
  const head = await readHead(inbox);
  const fields = `---\nid: x\nstatus: needs_action\nreceived: ${new Date().toISOString()}\n---\n`;
  const temp = await writeTemp(path.dirname(item), Buffer.concat([Buffer.from(fields), head]), sync);
  await fs.link(temp, item);
  await fs.unlink(temp);
  await fs.unlink(inbox);
  const planTemp = await writeTemp(path.join(vault, 'Plans'), `---\nid: x\nsource: "[[${stem}]]"\nstatus: pending\n---\n# ${stem}\n\n## Steps\n- [ ] review\n`, sync);
  await fs.rename(planTemp, path.join(vault, 'Plans', `PLAN_${stem}.md`));
  const itemTemp = await writeTemp(path.dirname(item), Buffer.concat([Buffer.from(`${fields}plan: "[[PLAN_${stem}]]"\n`), head]), sync);
  await fs.rename(itemTemp, item);
}

// Processes every file in <vault>/Inbox as above; returns how many it handled.
export async function runBaseline(vault, { sync = true } = {}) {
  const names = (await fs.readdir(path.join(vault, 'Inbox'), { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  let next = 0;
  const worker = async () => {
    while (next < names.length) await handleOne(vault, names[next++], sync);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ITEMS, names.length) }, worker));
  return names.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const vault = process.argv[2];
  if (!vault) throw new Error('usage: node bench/baseline.js <vault>');
  await runBaseline(vault, { sync: !process.argv.includes('--no-fsync') });
}
