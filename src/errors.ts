// Typed errors: src/cli.ts is the one place that turns them into exit codes.

// A bad flag or flag value (exit 2).
export class UsageError extends Error {
  override name = 'UsageError';
}

// A bad ai-employee.yaml: the message names the file, the key, the value and what is allowed (exit 2).
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

// Another live instance holds the vault (exit 75).
export class LockHeldError extends Error {
  override name = 'LockHeldError';
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner | null,
  ) {
    super(
      owner
        ? `another ai-employee (pid ${owner.pid} on ${owner.host}, started ${owner.startedAt}) holds ${lockFile}`
        : `another ai-employee holds ${lockFile}`,
    );
  }
}

// The vault folder is missing or unreadable where one is required.
export class VaultError extends Error {
  override name = 'VaultError';
}
