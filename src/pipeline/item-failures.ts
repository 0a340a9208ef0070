import { FileWriteError } from '../vault/write-error.js';
import type { StageContext, StageResult } from './stage.js';

const MAX_REMEMBERED = 1000;

// Logs a warning about `key` only the first time it is seen (remembered in state across runs). A
// notice is something left alone on purpose (a sub-folder in Inbox/): the dashboard does not call it failed.
export function warnOnce(ctx: StageContext, key: string, message: string, kind: 'problem' | 'notice' = 'problem'): void {
  if (ctx.state.failedItems.some((f) => f.item === key)) return;
  ctx.log.warn(message);
  rememberFailure(ctx, key, message, kind === 'notice' || undefined);
}

// A per-item failure: logged once, counted, kept in state for the dashboard, and survived.
export function noteFailure(ctx: StageContext, item: string, error: unknown, result: StageResult): void {
  const reason = describeError(error, ctx.vault.root);
  result.failed++;
  ctx.state.stats.errors++;
  ctx.state.stats.lastError = `${item}: ${reason}`;
  ctx.audit.record({ action: 'error', item, result: 'failed', detail: reason });
  if (ctx.state.failedItems.some((f) => f.item === item && f.reason === reason)) return;
  ctx.log.error(`${item}: ${reason} (left where it is; will retry)`);
  rememberFailure(ctx, item, reason);
}

// An item that now went through: forget its earlier failures so the dashboard stops warning.
export function clearFailure(ctx: StageContext, item: string): void {
  if (ctx.state.failedItems.length === 0) return;
  ctx.state.failedItems = ctx.state.failedItems.filter((f) => f.item !== item);
}

function rememberFailure(ctx: StageContext, item: string, reason: string, notice?: true): void {
  ctx.state.failedItems.push({ item, reason, at: ctx.now().toISOString(), ...(notice && { notice }) });
  if (ctx.state.failedItems.length > MAX_REMEMBERED) ctx.state.failedItems.splice(0, ctx.state.failedItems.length - MAX_REMEMBERED);
}

// The error's message, with its code in front when the message lacks it; a FileWriteError already says
// what it was doing, where (relative to `root` when given) and why.
export function describeError(error: unknown, root?: string): string {
  if (error instanceof FileWriteError) return root ? error.relativeTo(root) : error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.startsWith(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
