import fs from 'node:fs';
import path from 'node:path';

// Vault folders both tools expect; the agent creates the rest itself.
export const VAULT_FOLDERS = ['Inbox', 'Needs_Action', 'Plans', 'Done'];

// Dropped files are dated an hour back, so intake's settle wait (§6: files still being written)
// never kicks in: the bench measures throughput, not the 500 ms settle time.
const AN_HOUR_AGO = new Date(Date.now() - 3600_000);

const NOTES = [
  (i) => `Call the dentist to move the appointment ${i}.\nNo rush.\n`,
  (i) => `---\ntitle: Contract ${i}\ntags: [work, q4]\npriority: high\n---\n# Contract ${i}\n\nPlease review the contract and sign it by 2026-12-01.\nSend the signed copy to legal.\n`,
  (i) => `# Groceries ${i}\n\n- [ ] milk\n- [ ] eggs\n- [x] bread\n- [ ] coffee 📅 2026-12-03\n`,
  (i) => `Invoice #${i} from ACME is overdue; pay it by Friday.\nFollow up with Dana next week if nothing changes.\n`,
  (i) => `---\ntype: meeting\nattendees:\n  - Ana\n  - Bo\n---\n# Weekly sync ${i}\n\n${'We went through the roadmap, the hiring plan and the budget for next quarter. '.repeat(12)}\n\n- [ ] book the room for tomorrow\n- [ ] prepare the slides\n`,
];

// A small, deterministic pseudo-random stream: every run and every tool gets identical inputs.
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pdfBytes(i, random) {
  const size = 8192 + Math.floor(random() * 56 * 1024);
  const bytes = Buffer.alloc(size);
  for (let k = 0; k < size; k += 4) bytes.writeUInt32LE((random() * 4294967296) >>> 0, Math.min(k, size - 4));
  bytes.write(`%PDF-1.4\n% scan ${i}\n`, 0);
  return bytes;
}

function emlText(i) {
  return `From: Dana Client <dana${i}@example.com>\r\nTo: me@example.com\r\nSubject: =?utf-8?B?${Buffer.from(`Quote request ${i} — urgent`).toString('base64')}?=\r\nDate: Tue, 3 Nov 2026 09:${String(i % 60).padStart(2, '0')}:00 +0000\r\nMessage-ID: <${i}@example.com>\r\n\r\nHi,\r\n\r\nCould you send me a quote for the work we discussed by Friday?\r\n\r\nThanks,\r\nDana\r\n`;
}

// One dropped file: its name and bytes. kind 'notes' → all notes; 'mix' → 80% notes, 10% PDFs, 10% .eml.
export function dropFor(i, kind) {
  const random = seeded(i + 1);
  const slot = i % 10;
  if (kind === 'mix' && slot === 8) return { name: `scan ${i}.pdf`, bytes: pdfBytes(i, random) };
  if (kind === 'mix' && slot === 9) return { name: `mail ${i}.eml`, bytes: emlText(i) };
  const note = NOTES[Math.floor(random() * NOTES.length)];
  return { name: `note ${String(i).padStart(6, '0')}.md`, bytes: note(i) };
}

// Writes `count` dropped files into inboxDir (plain writes, dated back an hour).
export function writeDrops(inboxDir, count, kind) {
  fs.mkdirSync(inboxDir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { name, bytes } = dropFor(i, kind);
    const file = path.join(inboxDir, name);
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, AN_HOUR_AGO, AN_HOUR_AGO);
  }
}

// A fresh vault with the user folders and nothing else.
export function makeEmptyVault(dir) {
  for (const folder of VAULT_FOLDERS) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  return dir;
}

// A big dropped file made quickly: sparse (the pipeline still reads every byte to hash it).
export function writeBigFile(file, megabytes) {
  fs.closeSync(fs.openSync(file, 'w'));
  fs.truncateSync(file, megabytes * 1024 * 1024);
  fs.writeFileSync(file, '%PDF-1.4\n', { flag: 'r+' });
  fs.utimesSync(file, AN_HOUR_AGO, AN_HOUR_AGO);
}
