import type { Frontmatter } from '../vault/frontmatter.js';

// What a planner is given about one item, and what it gives back.

export type Priority = 'high' | 'normal' | 'low';

export interface PlanItem {
  // The item note in Needs_Action/, e.g. "Call the bank.md" or "invoice.pdf.md" (a companion).
  fileName: string;
  // fileName without ".md": the plan is Plans/PLAN_<stem>.md.
  stem: string;
  id: string;
  // note | file_drop | email
  type: string;
  received: Date;
  frontmatter: Frontmatter;
  // The note's body, at most planner.maxReadKB.
  body: string;
  // For a companion note: the attachment beside it in Needs_Action/.
  attachment?: { name: string; sizeBytes: number; textHead?: string };
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
