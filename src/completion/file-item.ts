import path from 'node:path';
import { itemFields } from '../items/item-fields.js';
import type { Item } from '../items/item.js';
import { exists, numberedName } from '../vault/files.js';
import { localDateTime, localDay } from '../vault/local-day.js';
import { noteStem } from '../vault/note-link.js';
import { toWikilink } from '../vault/wikilink.js';
import { runFiling, type FilingStep } from './journal.js';
import type { TaskMark } from './stamp-tasks.js';

export interface FilingRequest {
  id: string;
  doneDir: string;
  completed: Date;
  // Full paths; any may be absent (an orphan plan, an item without a plan).
  item?: string;
  itemModel?: Item;
  attachment?: string;
  // An email's saved attachments, full paths.
  extraFiles?: string[];
  plan?: string;
  // The plan's ticked and cancelled steps: the item's matching open tasks are ticked the same way.
  planMarks?: [string, TaskMark][];
  itemMissing?: boolean;
}

// Files an item, its files and its plan under Done/YYYY-MM/: the agent's status done and the completion time.
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
  const extraNames: string[] = [];
  for (const file of request.extraFiles ?? []) extraNames.push(await pick(file));
  const planName = request.plan ? await pick(request.plan) : undefined;
  const completed = localDateTime(request.completed);
  const day = localDay(request.completed);
  const steps: FilingStep[] = [];
  if (request.item && itemName && request.itemModel) {
    const filed: Item = { ...request.itemModel, status: 'done', completed: request.completed };
    if (planName) filed.plan = noteStem(planName);
    if (attachmentName) filed.attachment = attachmentName;
    if (extraNames.length > 0) filed.attachments = extraNames;
    const changes = itemFields(filed, ['status', 'completed', 'plan', 'attachment', 'attachments']);
    steps.push({ from: request.item, to: path.join(request.doneDir, itemName), kind: 'note', changes, stamp: { day, marks: request.planMarks ?? [] } });
  }
  if (request.attachment && attachmentName) steps.push({ from: request.attachment, to: path.join(request.doneDir, attachmentName), kind: 'file' });
  (request.extraFiles ?? []).forEach((file, index) => steps.push({ from: file, to: path.join(request.doneDir, extraNames[index]!), kind: 'file' }));
  if (request.plan && planName) {
    const changes: Record<string, unknown> = { status: 'done', completed };
    if (itemName) changes.source = toWikilink(noteStem(itemName));
    if (request.itemMissing) changes.completion_note = 'its item was missing from Needs_Action when this plan was filed';
    steps.push({ from: request.plan, to: path.join(request.doneDir, planName), kind: 'note', changes, stamp: { day } });
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
