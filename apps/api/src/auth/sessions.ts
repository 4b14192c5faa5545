import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { AuthenticatedBy, Authenticator } from '@sunshine/application';
import { Actor } from '@sunshine/domain';
import { CLOCK } from '../runtime.tokens';

export const SESSION_COOKIE = 'sunshine_session';
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

interface Session {
  userId: string;
  expiresAt: number;
  /** What the user signed in with: a password change asks more of a session opened by a password. */
  by: AuthenticatedBy;
}

const keyOf = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url');

/**
 * Browser sessions, so that a page never carries the bearer token in a URL or in script-readable
 * storage: the cookie holds a random id, never the token. Kept in this process's memory only,
 * keyed by the id's hash; a restart signs everyone out, which costs each of them a sign-in.
 * The user is resolved anew on every request, so a revoked user's session stops at once.
 */
@Injectable()
export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private readonly clock: () => Date;

  constructor(
    @Inject(CLOCK) clock: () => Date,
    private readonly authenticator: Authenticator,
  ) {
    this.clock = clock;
  }

  /** Opens a session for a user who has just authenticated; the id goes into the cookie. */
  open(userId: string, by: AuthenticatedBy): { sessionId: string; expiresAt: Date } {
    const now = this.clock().getTime();
    for (const [key, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(key);
    const sessionId = randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_LIFETIME_MS;
    this.sessions.set(keyOf(sessionId), { userId, expiresAt, by });
    return { sessionId, expiresAt: new Date(expiresAt) };
  }

  /** The actor behind a session as the user stands now; none when unknown, expired or revoked. */
  async actorOf(sessionId: string): Promise<Actor | undefined> {
    return (await this.signedIn(sessionId))?.actor;
  }

  /** The actor behind a session and what it signed in with; none when unknown, expired or revoked. */
  async signedIn(sessionId: string): Promise<{ actor: Actor; by: AuthenticatedBy } | undefined> {
    const key = keyOf(sessionId);
    const session = this.sessions.get(key);
    if (!session) return undefined;
    if (session.expiresAt <= this.clock().getTime()) {
      this.sessions.delete(key);
      return undefined;
    }
    const actor = await this.authenticator.actorOf(session.userId);
    if (!actor) this.sessions.delete(key);
    return actor && { actor, by: session.by };
  }

  close(sessionId: string): void {
    this.sessions.delete(keyOf(sessionId));
  }

  /** Ends every session of a user but the one given (after a password change or reset). */
  closeAllOf(userId: string, except?: string): void {
    const kept = except === undefined ? undefined : keyOf(except);
    for (const [key, session] of this.sessions)
      if (session.userId === userId && key !== kept) this.sessions.delete(key);
  }
}
