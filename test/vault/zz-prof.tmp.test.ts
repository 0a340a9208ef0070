import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'vitest';
import { readHead } from '../../src/vault/files.js';
import { splitFrontmatter, parseYamlData } from '../../src/vault/frontmatter.js';
test('prof', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'prof-'));
  const now = new Date();
  const names: string[] = [];
  for (let i = 0; i < 10000; i++) {
    names.push(`item ${i}.md`);
    await fs.writeFile(path.join(root, `item ${i}.md`), `---\nid: x${i}\ntype: note\nstatus: planned\nreceived: ${new Date(now.getTime() - i * 60000).toISOString()}\nsource: inbox\noriginal_name: "item ${i}.md"\nplan: "[[PLAN_item ${i}]]"\n---\n${'body '.repeat(400)}\n`);
  }
  for (const size of [8192, 2048]) {
    let t = performance.now();
    const heads: Buffer[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: 64 }, async () => { while (next < names.length) { const n = names[next++]!; heads.push(await readHead(path.join(root, n), size)); } }));
    console.log(`read ${size}: ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    for (const h of heads) splitFrontmatter(h);
    console.log(`split: ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    for (const h of heads) { const s = h.toString('utf8'); const end = s.indexOf('\n---\n', 4); parseYamlData(s.slice(4, end)); }
    console.log(`yaml only: ${(performance.now() - t).toFixed(0)} ms`);
  }
  await fs.rm(root, { recursive: true, force: true });
}, 300000);
