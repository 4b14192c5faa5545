import { randomBytes } from 'node:crypto';
import { Actor, FieldProblem, Forbidden, notFound, RuleViolation, ValidationFailed } from '@sunshine/domain';
import { ADMIN_USER_ID, Authenticator } from '../authentication';
import { SecretStore } from '../secrets/secret-store';
import { decoyHash, hashPassword, verifyPassword } from './password-hash';
import { SignInAttempts } from './sign-in-attempts';

export const MIN_PASSWORD_LENGTH = 10;
/** Long passphrases are welcome; the bound only keeps one request from hashing a megabyte. */
export const MAX_PASSWORD_LENGTH = 256;

/** Too many failed sign-ins of one user id: nothing is judged until `retryAfterSeconds` have passed. */
export class SignInLocked extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${retryAfterSeconds} s`);
    this.name = 'SignInLocked';
  }
}

/** The current password given to change it is wrong. */
export class WrongCurrentPassword extends Forbidden {
  readonly field = 'currentPassword';
  constructor() {
    super('CURRENT_PASSWORD_WRONG', { zh: '当前密码不正确', en: 'the current password is wrong' });
  }
}

/** How the request that changes a password was authenticated. */
export type AuthenticatedBy = 'token' | 'password';

/** What is wrong with a new password, if anything (lengths count characters, not bytes). */
export const passwordProblems = (password: unknown, path = 'password'): FieldProblem[] => {
  if (typeof password !== 'string') return [{ path, zh: '为必填项，应为文本', en: 'is required and must be a string' }];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return [
      {
        path,
        zh: `至少需要 ${MIN_PASSWORD_LENGTH} 个字符`,
        en: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
      },
    ];
  if (length > MAX_PASSWORD_LENGTH)
    return [
      {
        path,
        zh: `不能超过 ${MAX_PASSWORD_LENGTH} 个字符`,
        en: `must be at most ${MAX_PASSWORD_LENGTH} characters long`,
      },
    ];
  return [];
};

/**
 * Passwords for people who sign in at a browser; bearer tokens stay for API clients. Only a
 * salted scrypt hash is kept, in the secret store beside the token hashes, never in the log.
 */
export class Passwords {
  private readonly attempts: SignInAttempts;

  constructor(
    private readonly secrets: SecretStore,
    private readonly authenticator: Authenticator,
    clock: () => Date,
  ) {
    this.attempts = new SignInAttempts(clock);
  }

  hasPassword(userId: string): boolean {
    return this.secrets.passwordHash(userId) !== undefined;
  }

  /**
   * The actor for a user id and its password, or undefined when either is wrong, the user has no
   * password yet or is revoked (all alike to the caller). Throws SignInLocked after too many failures.
   */
  async signIn(userId: string, password: string): Promise<Actor | undefined> {
    if (!(await this.passwordMatches(userId, password))) return undefined;
    const actor = await this.authenticator.actorOf(userId);
    // A revoked user's right password is still a failed sign-in.
    if (!actor) this.attempts.failed(userId);
    return actor;
  }

  /**
   * Sets the actor's own password. The first one may be set by whoever holds the user's token;
   * once there is one, changing it needs the current one (a browser left signed in must not be
   * enough to take the account over).
   */
  async change(actor: Actor, by: AuthenticatedBy, password: unknown, currentPassword: unknown): Promise<void> {
    const problems = passwordProblems(password);
    if (currentPassword !== undefined && typeof currentPassword !== 'string')
      problems.push({ path: 'currentPassword', zh: '应为文本', en: 'must be a string' });
    if (this.hasPassword(actor.userId) && currentPassword === undefined)
      problems.push({
        path: 'currentPassword',
        zh: '已设置过密码，修改时须填写当前密码',
        en: 'is required to change a password already set',
      });
    if (problems.length > 0) throw new ValidationFailed(problems);
    if (this.hasPassword(actor.userId)) {
      if (!(await this.passwordMatches(actor.userId, currentPassword as string))) throw new WrongCurrentPassword();
    } else if (by !== 'token') {
      throw new Forbidden('TOKEN_REQUIRED', {
        zh: '首次设置密码须使用登记时发放的令牌',
        en: 'the first password is set with the token given at registration',
      });
    }
    await this.secrets.setPasswordHash(actor.userId, await hashPassword(password as string));
  }

  /**
   * An admin's reset: forgets the user's password and any lock on its id, and gives the user a new
   * token (the old one stops working), shown this once for the admin to hand over. With it the user
   * sets a new password at the sign-in page, as after registration; the admin never learns it.
   * The bootstrap admin's token comes from the configuration, so its reset only clears the password.
   */
  async reset(userId: string): Promise<{ token?: string }> {
    if (userId !== ADMIN_USER_ID) {
      const user = await this.authenticator.user(userId);
      if (!user) throw notFound({ zh: '用户', en: 'user' }, userId, 'userId');
      if (user.revoked)
        throw new RuleViolation(
          'RULE_USER_REVOKED',
          { zh: `用户「${userId}」已被停用`, en: `user ${userId} is revoked` },
          'userId',
        );
    }
    await this.secrets.clearPassword(userId);
    this.attempts.succeeded(userId);
    if (userId === ADMIN_USER_ID) return {};
    const token = randomBytes(32).toString('base64url');
    await this.secrets.setToken(userId, token);
    return { token };
  }

  /**
   * Judges one attempt under the lockout. The attempt counts as failed before the (slow) hash is
   * checked, so a burst of guesses sent at once meets the lock as surely as one after another.
   */
  private async passwordMatches(userId: string, password: string): Promise<boolean> {
    const locked = this.attempts.lockedFor(userId);
    if (locked !== undefined) throw new SignInLocked(locked);
    this.attempts.failed(userId);
    const stored = this.secrets.passwordHash(userId);
    const matches = await verifyPassword(password, stored ?? (await decoyHash()));
    if (matches && stored !== undefined) this.attempts.succeeded(userId);
    return matches && stored !== undefined;
  }
}
