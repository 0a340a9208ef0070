import path from 'node:path';
import { exists, numberedName } from '../vault/files.js';
import { toWikilink } from '../vault/wikilink.js';
import { runFiling, type FilingStep } from './journal.js';

export interface FilingRequest {
  id: string;
  doneDir: string;
  completed: Date;
  // Full paths; any may be absent (an orphan plan, an item without a plan).
  item?: string;
  attachment?: string;
  plan?: string;
  itemMissing?: boolean;
}

// Files an item, its attachment and its plan under Done/YYYY-MM/, with status done and completed.
export async function fileUnderDone(agentDir: string, request: FilingRequest): Promise<{ item?: string; plan?: string }> {
  const taken = new Set<string>();
  const pick = async (source: string) => {
    const name = await freeName(request.doneDir, path.basename(source), taken);
    taken.add(name);
    return name;
  };
  // A companion and its attachment are numbered together ("x (2).pdf" + "x (2).pdf.md"), so they stay paired.
  const attachmentName = request.attachment ? await freePairName(request.doneDir, path.basename(request.attachment)) : undefined;
  if (attachmentName) taken.add(attachmentName).add(`${attachmentName}.md`);
  const itemName = attachmentName && request.item ? `${attachmentName}.md` : request.item ? await pick(request.item) : undefined;
  const planName = request.plan ? await pick(request.plan) : undefined;
  const completed = request.completed.toISOString();
  const steps: FilingStep[] = [];
  if (request.item && itemName) {
    const changes: Record<string, unknown> = { status: 'done', completed };
    if (planName) changes.plan = toWikilink(planName.replace(/\.md$/, ''));
    if (attachmentName) changes.attachment = attachmentName;
    steps.push({ from: request.item, to: path.join(request.doneDir, itemName), kind: 'note', changes });
  }
  if (request.attachment && attachmentName) steps.push({ from: request.attachment, to: path.join(request.doneDir, attachmentName), kind: 'file' });
  if (request.plan && planName) {
    const changes: Record<string, unknown> = { status: 'done', completed };
    if (itemName) changes.source = toWikilink(itemName.replace(/\.md$/, ''));
    if (request.itemMissing) changes.completion_note = 'its item was missing from Needs_Action when this plan was filed';
    steps.push({ from: request.plan, to: path.join(request.doneDir, planName), kind: 'note', changes });
  }
  await runFiling(agentDir, { id: request.id, steps });
  return { item: itemName, plan: planName };
}

async function freePairName(dir: string, fileName: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = numberedName(fileName, n);
    if (!(await exists(path.join(dir, candidate))) && !(await exists(path.join(dir, `${candidate}.md`)))) return candidate;
  }
}

async function freeName(dir: string, fileName: string, taken: Set<string>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = numberedName(fileName, n);
    if (!taken.has(candidate) && !(await exists(path.join(dir, candidate)))) return candidate;
  }
}
