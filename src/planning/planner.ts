import type { EmailFacts, ItemKind } from '../items/item.js';
import type { Frontmatter } from '../vault/frontmatter.js';

// What a planner is given about one item, and what it gives back.

import type { Priority } from '../items/priority.js';

export type { Priority };

export interface PlanItem {
  // The item note in Needs_Action/, e.g. "Call the bank.md" or "invoice.pdf.md" (a companion).
  fileName: string;
  // fileName without ".md": the plan is Plans/PLAN_<stem>.md.
  stem: string;
  id: string;
  kind: ItemKind;
  received: Date;
  // The user's own frontmatter keys, never the agent's ai_ fields.
  frontmatter: Frontmatter;
  // What the item says, at most planner.maxReadKB: a note's body, or the text read from a file
  // (an email's whole text body, quoted replies and signature included).
  text: string;
  // A document's own title, or an email's subject.
  title?: string;
  // For an email: its decoded headers (its date is what relative dates count from).
  email?: EmailFacts;
  // For a companion note: the file beside it in Needs_Action/.
  attachment?: { name: string; sizeBytes: number };
}

export interface PlanContext {
  // Company_Handbook.md and Business_Goals.md as text ('' when missing), at most planner.maxReadKB each.
  handbook: string;
  goals: string;
  // planner.highKeywords from ai-employee.yaml.
  highKeywords: string[];
  now: Date;
}

export interface PlanStep {
  text: string;
  due?: string;
  high?: boolean;
  // A task copied from the item keeps its own Obsidian Tasks fields as written (⏫ 📅 ⏳ 🔁…).
  fields?: string;
}

export interface PlanDraft {
  title: string;
  objective: string;
  steps: PlanStep[];
  priority: Priority;
  // YYYY-MM-DD
  due?: string;
  tags: string[];
  planner: 'rules' | 'command';
  // The command planner's markdown, written as the plan body instead of Objective/Steps.
  customBody?: string;
}
