import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LockHeldError, type LockOwner } from '../errors.js';
import { ensureDir, removeFile, writeFileAtomic } from '../vault/files.js';
import { isOwnerAlive, isSameOwner, ownerFileOf, ownOwnerRecord, readLockOwner, STALE_MS, type OwnerRecord } from './lock-owner.js';

export { lockStaleMs } from './lock-owner.js';

// §5 single instance: proper-lockfile's directory lock plus an owner record, with immediate
// takeover of a lock whose process died on this host (another host's lock waits until stale).
// A live owner on this host is never robbed, however old its lock: a process stopped past the stale
// window (SIGSTOP, a closed lid, a VM pause) is alive. Resumed, the owner re-asserts its lock and
// goes on; it stops only when the record shows that another owner took over.

const UPDATE_MS = 10_000;
// A claim left by a process killed mid-acquisition is ignored after this long.
const CLAIM_STALE_MS = 10_000;
// How long a re-assertion waits for another process's acquisition claim (that process will see us alive).
const REASSERT_CLAIM_TRIES = 50;
const REASSERT_CLAIM_WAIT_MS = 100;

export interface VaultLock {
  owner: LockOwner;
  release(): Promise<void>;
}

export interface LockOptions {
  // The stale window (at least 2 s): a test shortens it, the product keeps §5's 30 s.
  staleMs?: number;
  // A pause noticed and survived, or a lock re-asserted: for the log.
  onNotice?: (message: string) => void;
}

// Takes the vault's lock; `onCompromised` is called when it is lost for good (another owner took over).
export async function acquireVaultLock(lockFile: string, startedAt: Date, onCompromised: (error: Error) => void, options: LockOptions = {}): Promise<VaultLock> {
  const { default: lockfile } = await import('proper-lockfile');
  await ensureDir(path.dirname(lockFile));
  const staleMs = Math.max(2000, options.staleMs ?? STALE_MS);
  const notice = options.onNotice ?? (() => {});
  const owner = ownOwnerRecord(startedAt);
  let release: () => Promise<void> = async () => {};
  let closed = false;
  let checking: Promise<void> = Promise.resolve();
  let watchdog = { stop() {} };
  // Re-assertions and pause checks run one at a time.
  const serially = (task: () => Promise<void>) => {
    checking = checking.then(task).catch((error: Error) => lose(error));
  };
  const lose = (error: Error) => {
    if (closed) return;
    closed = true;
    watchdog.stop();
    onCompromised(error);
  };
  const lockOptions = {
    realpath: false,
    lockfilePath: lockFile,
    stale: staleMs,
    update: Math.min(UPDATE_MS, staleMs / 2),
    retries: 0,
    onCompromised: (error: Error) => serially(async () => {
      if (closed) return;
      release = await reassertLock(lockFile, owner, error, () => lockfile.lock(lockFile, lockOptions));
      notice(`re-asserted the vault lock ${lockFile} (${error.message}); going on`);
    }),
  };
  // Acquisition is serialized by a mkdir claim, so nobody reads a half-written ownership.
  const claim = `${lockFile}.acquiring`;
  const claimed = await claimAcquisition(claim).catch((error: Error) => Promise.reject(new Error(`could not take the vault lock ${lockFile}: ${error.message}`, { cause: error })));
  if (!claimed) throw new LockHeldError(lockFile, await readLockOwner(lockFile));
  try {
    await removeDeadDrafts(claim);
    release = await lockOrTakeOver(lockFile, () => lockfile.lock(lockFile, lockOptions), claimed === 'after a dead acquirer');
    await writeFileAtomic(ownerFileOf(lockFile), `${JSON.stringify(owner)}\n`);
  } finally {
    await releaseClaim(claim);
  }
  watchdog = watchForPauses(lockOptions.update, staleMs, (pausedMs) => serially(async () => {
    if (closed) return;
    const current = await readLockOwner(lockFile);
    if (current && !isSameOwner(current, owner)) throw takenOverError(lockFile, current);
    notice(`resumed after a pause of about ${Math.round(pausedMs / 1000)} s (longer than the lock's ${Math.round(staleMs / 1000)} s stale window); the vault lock is still ours: going on`);
  }));
  return {
    owner,
    async release() {
      closed = true;
      watchdog.stop();
      await checking;
      // After a compromise the lock may belong to a newcomer: only our own record is removed.
      const current = await readLockOwner(lockFile);
      if (current && isSameOwner(current, owner)) await removeFile(ownerFileOf(lockFile));
      await release().catch(() => {});
    },
  };
}

// proper-lockfile found our lock removed or touched by someone else (often after a pause past the
// stale window). Under the acquisition claim: if the record still names us (or nobody, or a dead
// owner on this host), nobody holds the vault and we take the lock again; else we have lost it.
async function reassertLock(lockFile: string, owner: OwnerRecord, why: Error, lock: () => Promise<() => Promise<void>>): Promise<() => Promise<void>> {
  const claim = `${lockFile}.acquiring`;
  let claimed = false;
  for (let attempt = 0; attempt < REASSERT_CLAIM_TRIES && !claimed; attempt++) {
    claimed = (await claimAcquisition(claim)) !== false;
    if (!claimed) await new Promise((resolve) => setTimeout(resolve, REASSERT_CLAIM_WAIT_MS));
  }
  if (!claimed) throw new Error(`the lock was compromised (${why.message}) and could not be re-asserted: another process kept taking it`);
  try {
    const current = await readLockOwner(lockFile);
    if (current && !isSameOwner(current, owner) && (current.host !== os.hostname() || (await isOwnerAlive(current)))) throw takenOverError(lockFile, current);
    await fs.rm(lockFile, { recursive: true, force: true });
    const release = await lock();
    await writeFileAtomic(ownerFileOf(lockFile), `${JSON.stringify(owner)}\n`);
    return release;
  } finally {
    await releaseClaim(claim);
  }
}

function takenOverError(lockFile: string, current: OwnerRecord): Error {
  return new Error(`${lockFile} was taken over by pid ${current.pid} on ${current.host} (started ${current.startedAt}) while this process was paused`);
}

// Calls `onPause` when the gap between two ticks is longer than the stale window: the process (or the
// machine) was stopped, and another run may have looked at the lock meanwhile. Unref'd, like proper-lockfile's.
function watchForPauses(everyMs: number, staleMs: number, onPause: (pausedMs: number) => void): { stop(): void } {
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    if (now - last > staleMs) onPause(now - last);
    last = now;
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

// Takes a free lock; takes over at once a lock whose owner died on this host; never one whose owner
// lives on this host, even when proper-lockfile would call it stale (the owner was stopped, not dead).
// A lock with no owner record, found under a claim whose holder had died, is that holder's: it was
// killed between taking the lock and writing its record (a live owner writes it before letting the claim go).
async function lockOrTakeOver(lockFile: string, lock: () => Promise<() => Promise<void>>, acquirerDied = false): Promise<() => Promise<void>> {
  const recorded = await readLockOwner(lockFile);
  if (recorded && recorded.host === os.hostname() && recorded.pid !== process.pid && (await isOwnerAlive(recorded))) throw new LockHeldError(lockFile, recorded);
  try {
    return await lock();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
  }
  const owner = await readLockOwner(lockFile);
  if (owner ? await isOwnerAlive(owner) : !acquirerDied) throw new LockHeldError(lockFile, owner);
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
async function claimAcquisition(claim: string): Promise<false | 'claimed' | 'after a dead acquirer'> {
  const draft = `${claim}-${process.pid}`;
  await fs.rm(draft, { recursive: true, force: true });
  try {
    await ensureDir(draft);
    await writeFileAtomic(path.join(draft, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() }));
  } catch (error) {
    await fs.rm(draft, { recursive: true, force: true });
    throw error;
  }
  let acquirerDied = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.rename(draft, claim);
      return acquirerDied ? 'after a dead acquirer' : 'claimed';
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
    if (!(await isClaimDead(claim))) break;
    await fs.rm(claim, { recursive: true, force: true });
    acquirerDied = true;
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
