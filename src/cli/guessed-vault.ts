import fs from 'node:fs';
import path from 'node:path';
import { VaultError } from '../errors.js';

// Without --vault or $AI_EMPLOYEE_VAULT the current folder is used, but only if it looks like a
// vault: a run in a stranger's folder must not scaffold Inbox/, Plans/… next to their files.
const MARKERS = ['Inbox', 'ai-employee.yaml', '.ai-employee'];

export function assertLooksLikeVault(folder: string): void {
  if (MARKERS.some((name) => fs.existsSync(path.join(folder, name)))) return;
  throw new VaultError(`${folder} is not a vault (it has no Inbox/, ai-employee.yaml or .ai-employee/); pass --vault DIR, set AI_EMPLOYEE_VAULT, or create one with: ai-employee init ${folder}`);
}
