import { composeNote, stringifyFrontmatter, type Frontmatter } from '../vault/frontmatter.js';
import { localDateTime } from '../vault/local-day.js';
import type { PlanDraft, PlanStep, Priority } from './planner.js';
import { toSingleLine } from './single-line.js';

// The text of Plans/PLAN_<stem>.md (§7). Frontmatter fields come only from our own values (never from
// a command planner's output); every piece of item text in the body is flattened to one line, so a
// title or step cannot add lines — no extra checkboxes, headings or fences.

export interface PlanTarget {
  id: string;
  fileName: string;
  stem: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PRIORITIES: readonly Priority[] = ['high', 'normal', 'low'];
const FALLBACK_STEP = 'Handle this item';

// Used by the task-planner stage to write a plan for `item`; `created` is the run's clock;
// `taskTag` (planner.taskTag, e.g. "#task") starts each step, for Tasks' global filter.
export function renderPlan(draft: PlanDraft, item: PlanTarget, created: Date, taskTag?: string): string {
  const yaml = stringifyFrontmatter(buildPlanFrontmatter(draft, item, created));
  return composeNote(yaml, renderBody(draft, item, taskTag)).toString('utf8');
}

// Used to build the plan's frontmatter: id, source, created, status, priority, due (when set), planner, tags.
export function buildPlanFrontmatter(draft: PlanDraft, item: PlanTarget, created: Date): Frontmatter {
  return {
    id: item.id,
    source: `[[${item.stem}]]`,
    created: localDateTime(created),
    status: 'pending',
    priority: PRIORITIES.includes(draft.priority) ? draft.priority : 'normal',
    ...(draft.due && ISO_DAY.test(draft.due) ? { due: draft.due } : {}),
    planner: draft.planner === 'command' ? 'command' : 'rules',
    tags: draft.tags.map((tag) => toSingleLine(String(tag), 60)).filter((tag) => tag !== ''),
  };
}

function renderBody(draft: PlanDraft, item: PlanTarget, taskTag: string | undefined): string {
  const title = `# ${toSingleLine(draft.title, 200) || toSingleLine(item.stem, 200) || 'Plan'}\n\n`;
  const source = `## Source\n\n[[${toSingleLine(item.stem, 500)}]]\n`;
  if (draft.customBody !== undefined) {
    const custom = draft.customBody.endsWith('\n') ? draft.customBody : `${draft.customBody}\n`;
    return `${title}${custom}\n${source}`;
  }
  const objective = `## Objective\n\n${toSingleLine(draft.objective, 1000) || 'Handle this item.'}\n\n`;
  return `${title}${objective}## Steps\n\n${renderTaskLines(draft.steps, taskTag)}\n${source}`;
}

// Used for the "## Steps" section: Obsidian Tasks lines; a plan always has at least one, so it can be ticked off.
export function renderTaskLines(steps: readonly PlanStep[], taskTag?: string): string {
  const lines = steps
    .map((step) => ({ ...step, text: withTaskTag(toSingleLine(step.text, 500), taskTag) }))
    .filter((step) => step.text !== '')
    .map(renderTaskLine);
  return `${(lines.length > 0 ? lines : [renderTaskLine({ text: withTaskTag(FALLBACK_STEP, taskTag) })]).join('\n')}\n`;
}

function withTaskTag(text: string, taskTag: string | undefined): string {
  if (!taskTag || text === '') return text;
  const tag = taskTag.startsWith('#') ? taskTag : `#${taskTag}`;
  // A task copied from the item may already carry it.
  return text.toLowerCase().split(/\s+/).includes(tag.toLowerCase()) ? text : `${tag} ${text}`;
}

function renderTaskLine(step: PlanStep): string {
  if (step.fields) return `- [ ] ${step.text} ${toSingleLine(step.fields, 300)}`;
  const due = step.due && ISO_DAY.test(step.due) ? ` 📅 ${step.due}` : '';
  // Priority before the date, the order Obsidian Tasks writes them.
  return `- [ ] ${step.text}${step.high ? ' ⏫' : ''}${due}`;
}
