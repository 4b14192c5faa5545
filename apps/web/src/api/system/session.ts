import { request } from '@/utils/request';

/** Who is signed in, as GET /api/v1/session answers. */
export interface SignedInUser {
  userId: string;
  role: string;
  roleName: string;
  name: string;
  township: string;
}

export interface NewSession extends SignedInUser {
  hasPassword: boolean;
  expiresAt: string;
}

export const currentUser = () => request<SignedInUser>('/session', { expectUnauthorized: true });

export const signInWithPassword = (userId: string, password: string) =>
  request<NewSession>('/session', { method: 'POST', body: { userId, password }, expectUnauthorized: true });

export const signInWithToken = (token: string) =>
  request<NewSession>('/session', { method: 'POST', body: { token }, expectUnauthorized: true });

export const signOut = () => request<void>('/session', { method: 'DELETE', expectUnauthorized: true });

/** Sets the signed-in user's password; the current one is needed once there is one. */
export const setOwnPassword = (password: string, currentPassword?: string) =>
  request<void>('/users/me/password', {
    method: 'PUT',
    body: currentPassword === undefined ? { password } : { password, currentPassword },
  });
