import { timingSafeEqual, createHash } from 'node:crypto';
import { Actor, Role } from '@sunshine/domain';
import { EventStore } from '@sunshine/event-store';
import { SecretStore } from './secrets/secret-store';

export const ADMIN_USER_ID = 'admin';
export const USERS_STREAM = 'users';

export interface UserRecord {
  userId: string;
  name: string;
  role: Role;
  villages?: string[];
  revoked: boolean;
}

const BUILT_IN_ADMIN: Actor = { userId: ADMIN_USER_ID, role: 'admin' };

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Turns a bearer token into an actor. The bootstrap admin authenticates with
 * SUNSHINE_ADMIN_TOKEN; every other user through the hash of the token it was given, and its
 * role, villages and revocation come from the `users` stream, read up to its latest revision on
 * every request so that a revocation takes effect at once.
 */
export class Authenticator {
  private users = new Map<string, UserRecord>();
  private revision = -1;

  constructor(
    private readonly events: EventStore,
    private readonly secrets: SecretStore,
    private readonly adminToken: string | undefined,
  ) {}

  async authenticate(token: string): Promise<Actor | undefined> {
    if (this.adminToken !== undefined && timingSafeEqual(digest(token), digest(this.adminToken)))
      return { userId: ADMIN_USER_ID, role: 'admin' };
    const userId = this.secrets.userOfToken(token);
    if (userId === undefined) return undefined;
    // The id `admin` is the built-in administrator's alone. With SUNSHINE_ADMIN_TOKEN set it signs
    // in with that token only: a stored token under `admin` then belongs to a user registered
    // under that id before such ids were refused, and it authenticates no one.
    if (userId === ADMIN_USER_ID) return this.adminToken === undefined ? BUILT_IN_ADMIN : undefined;
    return this.activeUser(userId);
  }

  /**
   * The actor a user who authenticated earlier is now (a browser session): role and villages as
   * they stand, none once revoked. Only for a user id that came from a successful authenticate,
   * which for `admin` means the built-in administrator.
   */
  async actorOf(userId: string): Promise<Actor | undefined> {
    return userId === ADMIN_USER_ID ? BUILT_IN_ADMIN : this.activeUser(userId);
  }

  private async activeUser(userId: string): Promise<Actor | undefined> {
    if (userId === ADMIN_USER_ID) return undefined;
    const user = (await this.refresh()).get(userId);
    if (!user || user.revoked) return undefined;
    return { userId: user.userId, role: user.role, ...(user.villages ? { villages: user.villages } : {}) };
  }

  async user(userId: string): Promise<UserRecord | undefined> {
    return (await this.refresh()).get(userId);
  }

  /** Every registered user as the log has them now, revoked ones included, in the order registered. */
  async registeredUsers(): Promise<UserRecord[]> {
    return [...(await this.refresh()).values()];
  }

  private async refresh(): Promise<Map<string, UserRecord>> {
    const events = await this.events.readStream(USERS_STREAM, { fromRevision: this.revision + 1 });
    for (const event of events) {
      const data = event.data as Record<string, unknown>;
      const userId = String(data.userId);
      this.revision = event.revision;
      // Never a registered user: the built-in administrator's id (see authenticate).
      if (userId === ADMIN_USER_ID) continue;
      const current = this.users.get(userId);
      switch (event.type) {
        case 'UserRegistered':
          this.users.set(userId, {
            userId,
            name: String(data.name),
            role: data.role as Role,
            ...(Array.isArray(data.villages) ? { villages: data.villages as string[] } : {}),
            revoked: false,
          });
          break;
        case 'UserRoleChanged':
          if (current) this.users.set(userId, { ...current, role: data.role as Role });
          break;
        case 'UserRevoked':
          if (current) this.users.set(userId, { ...current, revoked: true });
          break;
      }
    }
    return this.users;
  }
}
