import path from 'node:path';
import type { PlanDraft, PlanItem } from './planner.js';
import { renderPlan } from './render-plan.js';
import { createAtFreeName, exists, fitName, numberedName } from '../vault/files.js';
import type { VaultLayout } from '../vault/layout.js';
import { readNoteData } from '../vault/note-file.js';

// A crash between writing a plan and linking the item leaves a plan with the item's id: reuse it.
// Items can share a stem ("x.md" and "x.MD", a companion "x.md"), so their plans are "PLAN_x.md",
// "PLAN_x (2).md"…: the plan was written at the first free one, so look up to the first gap.
export async function findOwnPlan(layout: VaultLayout, item: PlanItem): Promise<string | undefined> {
  for (let n = 1; ; n++) {
    const candidate = numberedName(planFileName(item.stem), n);
    const file = path.join(layout.plans, candidate);
    if (!(await exists(file))) return undefined;
    const data = await readNoteData(file);
    if (data && data.id === item.id) return candidate;
  }
}

// Writes Plans/PLAN_<stem>.md (or a free numbered name); returns the file name used.
export async function writeNewPlan(layout: VaultLayout, item: PlanItem, draft: PlanDraft, created: Date, taskTag?: string): Promise<string> {
  const text = renderPlan(draft, { id: item.id, fileName: item.fileName, stem: item.stem }, created, taskTag);
  return createAtFreeName(layout.plans, planFileName(item.stem), text);
}

export function planStem(planFile: string): string {
  return planFile.replace(/\.md$/, '');
}

// PLAN_<stem>.md, the stem shortened when the item's name is already near the 255-byte limit.
// Obsidian cannot link a name with # | ^ [ ] in it (they mean heading, alias, block, link), so the
// plan's name has a space instead: "[[PLAN_a#1]]" would read back as a heading link to "PLAN_a".
export function planFileName(stem: string): string {
  const linkable = stem.replace(/[#|^[\]]+/g, ' ').replace(/ {2,}/g, ' ').trim() || 'item';
  return `PLAN_${fitName(linkable, 'PLAN_.md')}.md`;
}
