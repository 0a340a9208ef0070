// Waits for a condition by re-checking it (no fixed sleeps as waits); fails with `what` after `deadlineMs`.
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, deadlineMs = 15_000, everyMs = 25): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
