/** Failed sign-ins of one user id that lock it, and how long the lock lasts. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

interface Attempts {
  /** When each failure still inside the window happened (ms), oldest first. */
  failures: number[];
  /** Set by the failure that locked the id: no attempt is judged before this instant. */
  lockedUntil?: number;
}

/**
 * Counts failed sign-ins per user id so that guessing a password costs days, not minutes:
 * the fifth failure within 15 minutes locks that id for 15 minutes, during which even the
 * right password is turned away (a lock that the right password lifted would tell a guesser when
 * it had guessed). Attempts during the lock are not judged and do not prolong it, so someone
 * else's mistyping keeps a clerk out for 15 minutes at most. Other ids are unaffected. Held in
 * memory: a restart forgives, which only the operator can cause.
 */
export class SignInAttempts {
  private readonly attempts = new Map<string, Attempts>();
  private lastSweep = 0;

  constructor(private readonly clock: () => Date) {}

  /** Seconds until the id may try again (rounded up), or undefined when it may try now. */
  lockedFor(userId: string): number | undefined {
    const now = this.clock().getTime();
    this.forgetOld(now);
    const lockedUntil = this.attempts.get(userId)?.lockedUntil;
    return lockedUntil !== undefined && lockedUntil > now ? Math.ceil((lockedUntil - now) / 1000) : undefined;
  }

  failed(userId: string): void {
    const now = this.clock().getTime();
    const attempts = this.attempts.get(userId) ?? { failures: [] };
    attempts.failures = [...attempts.failures.filter((at) => at > now - LOCK_WINDOW_MS), now];
    if (attempts.failures.length >= MAX_FAILED_SIGN_INS) attempts.lockedUntil = now + LOCK_WINDOW_MS;
    this.attempts.set(userId, attempts);
  }

  succeeded(userId: string): void {
    this.attempts.delete(userId);
  }

  /** Drops ids whose failures and lock are all past, so guessed ids do not pile up in memory. */
  private forgetOld(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [userId, { failures, lockedUntil }] of this.attempts) {
      const last = Math.max(failures[failures.length - 1] ?? 0, (lockedUntil ?? 0) - LOCK_WINDOW_MS);
      if (last <= now - LOCK_WINDOW_MS) this.attempts.delete(userId);
    }
  }
}
