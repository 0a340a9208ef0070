import type { ContentOptions } from '../items/read-file-content.js';
import type { PlanAhead } from '../planning/plan-at-intake.js';

// Intake writes many items at once; two of them may want the same free name (say "report (2).md",
// both for a dropped "report.md" and a dropped "report (2).md"). A name is reserved, synchronously,
// before anything is written for it, so two of our own writers never plan for the same name.
// (Other processes are kept out by the vault lock.)
export type NameReservations = Set<string>;

// sha256 → the item note that holds those bytes (open items, and those taken in this run).
export type OpenHashes = Map<string, Promise<string | undefined>>;

export interface IntakeOptions {
  planAhead?: PlanAhead;
  reserved?: NameReservations;
  hashes?: OpenHashes;
  // How much text to read and whether images are read by OCR.
  content?: ContentOptions;
}

// True when every name was free in this run and is now reserved; false if any was taken.
export function reserveNames(reserved: NameReservations | undefined, ...names: string[]): boolean {
  if (!reserved) return true;
  if (names.some((name) => reserved.has(name))) return false;
  for (const name of names) reserved.add(name);
  return true;
}

// The item an identical earlier drop became, if any; otherwise this drop claims the hash, and
// `settle` tells later drops the name it got (undefined if it was not taken in).
export async function claimHash(hashes: OpenHashes | undefined, sha256: string): Promise<{ duplicateOf?: string; settle: (name: string | undefined) => void }> {
  const noop = { settle: () => {} };
  if (!hashes) return noop;
  const earlier = hashes.get(sha256);
  if (earlier) {
    const duplicateOf = await earlier;
    if (duplicateOf) return { duplicateOf, settle: () => {} };
  }
  let settle: (name: string | undefined) => void = () => {};
  hashes.set(sha256, new Promise((resolve) => (settle = resolve)));
  return { settle: (name) => {
    if (name === undefined) hashes.delete(sha256);
    settle(name);
  } };
}
