import { DomainEvent, Role } from '../shared';
import { RegisterUser, RevokeUser } from './users.commands';

/** No token, ever: the token is returned once by the API and stored only as a hash, outside the log. */
export type UserRegistered = DomainEvent<'UserRegistered', RegisterUser['data']>;
/** Carries the role it replaces, so the audit trail reads on its own. */
export type UserRoleChanged = DomainEvent<'UserRoleChanged', { userId: string; role: Role; previousRole: Role }>;
export type UserRevoked = DomainEvent<'UserRevoked', RevokeUser['data']>;

export type UserEvent = UserRegistered | UserRoleChanged | UserRevoked;

/** All users live in one stream, so a userId is unique. */
export const USERS_STREAM = 'users';
