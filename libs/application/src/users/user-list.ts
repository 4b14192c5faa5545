import { Role, wordFor } from '@sunshine/domain';
import { ADMIN_USER_ID, Authenticator } from '../authentication';
import { NameBook } from '../records/name-book';

/** A user as the administrator's page lists it: never a token or a password, only whether one is set. */
export interface UserListing {
  userId: string;
  name: string;
  role: Role;
  roleText: string;
  /** The villages a clerk may record for, by name; null: all villages. */
  villages: { villageId: string; name: string | null }[] | null;
  revoked: boolean;
  passwordSet: boolean;
  /** The bootstrap administrator: it authenticates with the configured token and is not in the log. */
  builtIn: boolean;
}

export const listUsers = async (
  authenticator: Authenticator,
  names: NameBook,
  passwordSet: (userId: string) => boolean,
): Promise<UserListing[]> => {
  const admin: UserListing = {
    userId: ADMIN_USER_ID,
    name: wordFor('role', 'admin'),
    role: 'admin',
    roleText: wordFor('role', 'admin'),
    villages: null,
    revoked: false,
    passwordSet: passwordSet(ADMIN_USER_ID),
    builtIn: true,
  };
  const registered = await authenticator.registeredUsers();
  return [
    admin,
    ...(await Promise.all(
      registered.map(async (user) => ({
        userId: user.userId,
        name: user.name,
        role: user.role,
        roleText: wordFor('role', user.role),
        villages: user.villages
          ? await Promise.all(
              user.villages.map(async (villageId) => ({ villageId, name: await names.villageName(villageId) })),
            )
          : null,
        revoked: user.revoked,
        passwordSet: passwordSet(user.userId),
        builtIn: false,
      })),
    )),
  ];
};
