import { alreadyExists, Conflict, Decider, notFound, Role, RuleViolation, unknownEvent } from '../shared';
import { UserCommand } from './users.commands';
import { UserEvent } from './users.events';

export interface User {
  userId: string;
  name: string;
  role: Role;
  villages?: string[];
  revoked: boolean;
}

export interface Users {
  users: Record<string, User>;
}

const USER = { zh: '用户', en: 'User' };

const ROLE_NAMES: Record<Role, string> = { admin: '管理员', clerk: '录入员', auditor: '审计员', supervisor: '监督员' };

const find = (state: Users, userId: string): User | undefined =>
  Object.hasOwn(state.users, userId) ? state.users[userId] : undefined;

/** The built-in administrator signs in with SUNSHINE_ADMIN_TOKEN; no registered user may take its id. */
export const RESERVED_USER_ID = 'admin';

/**
 * A new id must not be mistaken for another: not the built-in admin's, and not an existing id
 * written in another case (`Li-Clerk` beside `li-clerk`), which a person reading the audit trail
 * would take for the same user.
 */
const distinctId = (state: Users, userId: string): void => {
  const folded = userId.toLowerCase();
  if (folded === RESERVED_USER_ID)
    throw new Conflict(
      'CONFLICT_USER_ID_RESERVED',
      {
        zh: `用户编号「${userId}」为系统内置管理员保留，请换一个编号`,
        en: `the user id "${userId}" is reserved for the built-in administrator`,
      },
      'data.userId',
    );
  const existingId = Object.keys(state.users).find((id) => id.toLowerCase() === folded);
  if (existingId !== undefined)
    throw new Conflict(
      'CONFLICT_ID_EXISTS',
      {
        zh: `用户「${existingId}」已存在（编号只差大小写也视为同一用户）`,
        en: `user "${existingId}" already exists (ids differing only in case are the same user)`,
      },
      'data.userId',
    );
};

const existing = (state: Users, userId: string): User => {
  const user = find(state, userId);
  if (!user) throw notFound(USER, userId, 'data.userId');
  return user;
};

const notRevoked = (user: User): User => {
  if (user.revoked)
    throw new RuleViolation(
      'RULE_USER_REVOKED',
      { zh: `用户「${user.userId}」已被停用`, en: `user ${user.userId} is revoked` },
      'data.userId',
    );
  return user;
};

export const usersDecider: Decider<UserCommand, UserEvent, Users> = {
  initialState: () => ({ users: {} }),

  evolve: (state, event) => {
    const user = find(state, event.data.userId);
    switch (event.type) {
      case 'UserRegistered':
        return { users: { ...state.users, [event.data.userId]: { ...event.data, revoked: false } } };
      case 'UserRoleChanged':
        return user ? { users: { ...state.users, [user.userId]: { ...user, role: event.data.role } } } : state;
      case 'UserRevoked':
        return user ? { users: { ...state.users, [user.userId]: { ...user, revoked: true } } } : state;
      default:
        return unknownEvent(event, state);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterUser': {
        const { userId, villages } = command.data;
        if (find(state, userId)) throw alreadyExists(USER, userId, 'data.userId');
        distinctId(state, userId);
        return [
          { type: 'UserRegistered', data: { ...command.data, ...(villages ? { villages: [...villages] } : {}) } },
        ];
      }
      case 'ChangeUserRole': {
        const { userId, role } = command.data;
        const user = notRevoked(existing(state, userId));
        if (user.role === role)
          throw new RuleViolation(
            'RULE_ROLE_UNCHANGED',
            { zh: `用户「${userId}」已经是${ROLE_NAMES[role]}`, en: `user ${userId} already has the role ${role}` },
            'data.role',
          );
        return [{ type: 'UserRoleChanged', data: { userId, role, previousRole: user.role } }];
      }
      case 'RevokeUser': {
        const user = existing(state, command.data.userId);
        if (user.revoked)
          throw new RuleViolation(
            'RULE_USER_ALREADY_REVOKED',
            { zh: `用户「${user.userId}」已被停用`, en: `user ${user.userId} is already revoked` },
            'data.userId',
          );
        return [{ type: 'UserRevoked', data: { ...command.data } }];
      }
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
};
