import type { PlanAhead } from '../planning/plan-at-intake.js';

// Intake writes many items at once; two of them may want the same free name (say "report (2).md",
// both for a dropped "report.md" and a dropped "report (2).md"). A name is reserved, synchronously,
// before anything is written for it, so two of our own writers never plan for the same name.
// (Other processes are kept out by the vault lock.)
export type NameReservations = Set<string>;

export interface IntakeOptions {
  planAhead?: PlanAhead;
  reserved?: NameReservations;
}

// True when every name was free in this run and is now reserved; false if any was taken.
export function reserveNames(reserved: NameReservations | undefined, ...names: string[]): boolean {
  if (!reserved) return true;
  if (names.some((name) => reserved.has(name))) return false;
  for (const name of names) reserved.add(name);
  return true;
}
