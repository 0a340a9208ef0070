import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LockHeldError, type LockOwner } from '../errors.js';
import { ensureDir, removeFile, writeFileAtomic } from '../vault/files.js';
import { isOwnerAlive, ownerFileOf, readLockOwner } from './lock-owner.js';

// §5 single instance: proper-lockfile's directory lock plus an owner record, with immediate
// takeover of a lock whose process died on this host (another host's lock waits until stale).

const STALE_MS = 30_000;
const UPDATE_MS = 10_000;
// A claim left by a process killed mid-acquisition is ignored after this long.
const CLAIM_STALE_MS = 10_000;

export interface VaultLock {
  owner: LockOwner;
  release(): Promise<void>;
}

export async function acquireVaultLock(lockFile: string, startedAt: Date, onCompromised: (error: Error) => void): Promise<VaultLock> {
  const { default: lockfile } = await import('proper-lockfile');
  await ensureDir(path.dirname(lockFile));
  const options = { realpath: false, lockfilePath: lockFile, stale: STALE_MS, update: UPDATE_MS, retries: 0, onCompromised };
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: startedAt.toISOString() };
  // Acquisition is serialized by a mkdir claim, so nobody reads a half-written ownership.
  const claim = `${lockFile}.acquiring`;
  if (!(await claimAcquisition(claim).catch((error: Error) => Promise.reject(new Error(`could not take the vault lock ${lockFile}: ${error.message}`, { cause: error }))))) throw new LockHeldError(lockFile, await readLockOwner(lockFile));
  let release: () => Promise<void>;
  try {
    await removeDeadDrafts(claim);
    release = await lockOrTakeOver(lockFile, () => lockfile.lock(lockFile, options));
    await writeFileAtomic(ownerFileOf(lockFile), `${JSON.stringify(owner)}\n`);
  } finally {
    await releaseClaim(claim);
  }
  return {
    owner,
    async release() {
      // After a compromise the lock may belong to a newcomer: only our own record is removed.
      const current = await readLockOwner(lockFile);
      if (current?.pid === owner.pid && current.startedAt === owner.startedAt) await removeFile(ownerFileOf(lockFile));
      await release().catch(() => {});
    },
  };
}

// Takes a free lock; takes over at once a lock whose owner died on this host.
async function lockOrTakeOver(lockFile: string, lock: () => Promise<() => Promise<void>>): Promise<() => Promise<void>> {
  try {
    return await lock();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
  const owner = await readLockOwner(lockFile);
  if (!owner || (await isOwnerAlive(owner))) throw new LockHeldError(lockFile, owner);
  await fs.rm(lockFile, { recursive: true, force: true });
  try {
    return await lock();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new LockHeldError(lockFile, await readLockOwner(lockFile));
    throw error;
  }
}

// The claim is a folder renamed into place already holding its owner's pid, so a claim left by a
// process killed mid-acquisition is seen to be dead and taken over at once (§5), not after 10 s.
async function claimAcquisition(claim: string): Promise<boolean> {
  const draft = `${claim}-${process.pid}`;
  await fs.rm(draft, { recursive: true, force: true });
  try {
    await ensureDir(draft);
    await writeFileAtomic(path.join(draft, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
  } catch (error) {
    await fs.rm(draft, { recursive: true, force: true });
    throw error;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.rename(draft, claim);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
    if (!(await isClaimDead(claim))) break;
    await fs.rm(claim, { recursive: true, force: true });
  }
  await fs.rm(draft, { recursive: true, force: true });
  return false;
}

// Renamed away first, then removed: removing it in place would empty it for a moment, and another
// process's draft can be renamed onto an empty folder, so the rmdir would fail on that one's claim.
async function releaseClaim(claim: string): Promise<void> {
  const released = `${claim}-${process.pid}`;
  await fs.rename(claim, released).catch(() => {});
  await fs.rm(released, { recursive: true, force: true });
}

// Drafts of claims whose writers were killed before renaming them into place.
async function removeDeadDrafts(claim: string): Promise<void> {
  const prefix = `${path.basename(claim)}-`;
  const names = await fs.readdir(path.dirname(claim)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid === process.pid) continue;
    if (!(await isOwnerAlive({ pid, host: os.hostname(), startedAt: '' }))) await fs.rm(path.join(path.dirname(claim), name), { recursive: true, force: true });
  }
}

async function isClaimDead(claim: string): Promise<boolean> {
  const owner = await fs.readFile(path.join(claim, 'owner.json'), 'utf8').then((text) => JSON.parse(text) as LockOwner, () => undefined);
  if (owner && typeof owner.pid === 'number' && typeof owner.host === 'string') return !(await isOwnerAlive(owner));
  const stat = await fs.stat(claim).catch(() => undefined);
  return !stat || Date.now() - stat.mtimeMs >= CLAIM_STALE_MS;
}
