import path from 'node:path';

// Every path the agent uses in a vault, derived from its root in one place.
export interface VaultLayout {
  root: string;
  inbox: string;
  needsAction: string;
  plans: string;
  done: string;
  briefings: string;
  logs: string;
  dashboard: string;
  handbook: string;
  goals: string;
  configFile: string;
  agentDir: string;
  stateFile: string;
  staging: string;
}

export const USER_FOLDERS = ['Inbox', 'Needs_Action', 'Plans', 'Done', 'Briefings', 'Logs'] as const;

export function vaultLayout(root: string): VaultLayout {
  const abs = path.resolve(root);
  const at = (...parts: string[]) => path.join(abs, ...parts);
  return {
    root: abs,
    inbox: at('Inbox'),
    needsAction: at('Needs_Action'),
    plans: at('Plans'),
    done: at('Done'),
    briefings: at('Briefings'),
    logs: at('Logs'),
    dashboard: at('Dashboard.md'),
    handbook: at('Company_Handbook.md'),
    goals: at('Business_Goals.md'),
    configFile: at('ai-employee.yaml'),
    agentDir: at('.ai-employee'),
    stateFile: at('.ai-employee', 'state.json'),
    staging: at('.ai-employee', 'staging'),
  };
}

// Done/YYYY-MM for a completion time, in local time as the user reads it.
export function doneMonthFolder(layout: VaultLayout, when: Date): string {
  const month = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}`;
  return path.join(layout.done, month);
}

// §4 defaults for --log-file and --lock-file.
export function defaultLogFile(vault: string): string {
  return path.join(path.resolve(vault), 'Logs', 'ai_employee.log');
}

export function defaultLockFile(vault: string): string {
  return path.join(path.resolve(vault), 'Logs', '.ai_employee.lock');
}
