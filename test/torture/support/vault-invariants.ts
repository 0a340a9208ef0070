import fs from 'node:fs/promises';
import path from 'node:path';
import { splitFrontmatter, type Frontmatter } from '../../../src/vault/frontmatter.js';
import { isNoteDrop, sha256, type Drop } from './drops.js';

// What a user would check after any number of crashes: every drop in exactly one place, intact,
// every open item with exactly one plan, no temporary file, nothing left in flight.

export interface VaultFile {
  rel: string;
  bytes: Buffer;
  nlink: number;
  data?: Frontmatter;
  body?: Buffer;
}

// Every regular file below `dir` (recursively), with its frontmatter when it is a note.
export async function readFiles(root: string, dir: string): Promise<VaultFile[]> {
  const out: VaultFile[] = [];
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readFiles(root, rel)));
    else if (entry.isFile()) {
      const full = path.join(root, rel);
      const [bytes, stat] = await Promise.all([fs.readFile(full), fs.lstat(full)]);
      const file: VaultFile = { rel, bytes, nlink: stat.nlink };
      if (/\.(md|markdown)$/i.test(entry.name)) {
        const split = splitFrontmatter(bytes);
        if (split.kind === 'yaml') Object.assign(file, { data: split.data, body: bytes.subarray(split.bodyOffset) });
      }
      out.push(file);
    } else out.push({ rel: `${rel} <not a regular file>`, bytes: Buffer.alloc(0), nlink: 1 });
  }
  return out;
}

const isPlanFile = (f: VaultFile) => /(^|\/)PLAN_[^/]*$/.test(f.rel);

// A filed item has the tasks its plan carried ticked with the day (§8); that is the only change.
function bodyAsDropped(f: VaultFile): Buffer {
  if (!f.rel.startsWith('Done/')) return f.body!;
  return Buffer.from(f.body!.toString('utf8').replace(/^(\s*- )\[[xX-]\] (.*?) [✅❌] \d{4}-\d{2}-\d{2}$/gm, '$1[ ] $2'));
}

// Problems found; [] when the vault is in order. `inboxMayHold` lets drops still wait in Inbox/.
export async function checkDrops(root: string, drops: Drop[], options: { inboxMayHold?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  const files = [...(await readFiles(root, 'Inbox')), ...(await readFiles(root, 'Needs_Action')), ...(await readFiles(root, 'Done'))].filter((f) => !isPlanFile(f));
  if (!options.inboxMayHold) for (const f of files.filter((f) => f.rel.startsWith('Inbox/'))) problems.push(`${f.rel} is still in Inbox/`);
  const bySha = new Map<string, VaultFile[]>();
  for (const f of files) bySha.set(sha256(f.bytes), [...(bySha.get(sha256(f.bytes)) ?? []), f]);
  const byMarker = new Map<string, VaultFile[]>();
  for (const f of files) {
    if (!f.body || f.data?.ai_attachment !== undefined || f.rel.startsWith('Inbox/')) continue;
    const marker = /^marker-[^\n]+/.exec(f.body.toString('utf8'))?.[0];
    if (marker) byMarker.set(marker, [...(byMarker.get(marker) ?? []), f]);
  }
  for (const f of files) if (f.nlink !== 1) problems.push(`${f.rel} has ${f.nlink} links (one file in two places)`);
  for (const drop of drops) {
    if (isNoteDrop(drop)) {
      const found = [...(byMarker.get(drop.marker) ?? []), ...(bySha.get(sha256(drop.bytes)) ?? []).filter((f) => f.rel.startsWith('Inbox/'))];
      if (found.length !== 1) problems.push(`note ${drop.name} (${drop.marker}) found ${found.length} times: ${found.map((f) => f.rel).join(', ')}`);
      for (const f of found) if (!f.rel.startsWith('Inbox/') && !bodyAsDropped(f).equals(drop.body!)) problems.push(`${f.rel}: body of ${drop.name} changed`);
      continue;
    }
    const found = bySha.get(sha256(drop.bytes)) ?? [];
    if (found.length !== 1) problems.push(`file ${drop.name} found ${found.length} times: ${found.map((f) => f.rel).join(', ')}`);
    for (const f of found) {
      if (f.rel.startsWith('Inbox/')) continue;
      const companion = files.find((c) => c.rel === `${f.rel}.md`);
      if (companion?.data?.ai_sha256 !== sha256(drop.bytes)) problems.push(`${f.rel} has no companion note with its sha256`);
    }
  }
  return problems;
}

// Every item note open in Needs_Action/ has exactly one plan in Plans/ (same id, linked both ways), and no plan is orphaned.
export async function checkPlans(root: string): Promise<string[]> {
  const problems: string[] = [];
  const items = (await readFiles(root, 'Needs_Action')).filter((f) => f.data);
  const plans = (await readFiles(root, 'Plans')).filter((f) => /\.md$/.test(f.rel));
  const plansById = new Map<string, VaultFile[]>();
  for (const plan of plans) {
    const id = String(plan.data?.id);
    plansById.set(id, [...(plansById.get(id) ?? []), plan]);
  }
  for (const item of items) {
    // A drop with the same bytes as an open item is kept beside it with no plan of its own.
    if (item.data!.ai_duplicate_of !== undefined) continue;
    const id = String(item.data!.ai_id);
    const own = plansById.get(id) ?? [];
    if (own.length !== 1) problems.push(`${item.rel} (id ${id}) has ${own.length} plans: ${own.map((p) => p.rel).join(", ")}`);
    // The link exactly as the agent writes it ("[[PLAN_a#b]]" is not parsed: a link cannot name every file).
    const link = item.data!.ai_plan;
    if (own.length !== 1 || link !== `[[${own[0]!.rel.slice('Plans/'.length).replace(/\.md$/, '')}]]`) problems.push(`${item.rel} links to plan ${String(item.data!.ai_plan)}, which is not its plan`);
    if (item.data!.ai_status !== 'planned') problems.push(`${item.rel} has status ${String(item.data!.ai_status)}`);
  }
  const itemIds = new Set(items.map((i) => String(i.data!.ai_id)));
  for (const plan of plans) if (!itemIds.has(String(plan.data?.id))) problems.push(`${plan.rel} has no item`);
  return problems;
}

// No temporary file anywhere in the vault, and nothing left in staging or in the filing journal.
export async function checkNothingInFlight(root: string): Promise<string[]> {
  const problems: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await fs.readdir(path.join(root, dir), { withFileTypes: true }).catch(() => [])) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.name.startsWith('.ai-employee-tmp-')) problems.push(`temporary file left: ${rel}`);
      if (entry.isDirectory()) await walk(rel);
    }
  };
  await walk('.');
  for (const dir of ['.ai-employee/staging', '.ai-employee/journal']) {
    const left = await fs.readdir(path.join(root, dir)).catch(() => []);
    if (left.length > 0) problems.push(`${dir} is not empty: ${left.slice(0, 5).join(', ')}`);
  }
  return problems;
}
