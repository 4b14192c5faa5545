import { Role } from '../shared';

export interface RegisterUser {
  type: 'RegisterUser';
  /** villages: the ids a clerk may record for; absent means all. They restrict only a clerk. */
  data: { userId: string; name: string; role: Role; villages?: string[] };
}

export interface ChangeUserRole {
  type: 'ChangeUserRole';
  data: { userId: string; role: Role };
}

export interface RevokeUser {
  type: 'RevokeUser';
  data: { userId: string; reason: string };
}

export type UserCommand = RegisterUser | ChangeUserRole | RevokeUser;
