import type { BodyOf, identityRoutes, Me, ResponseOf } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

// Types come from the contract package (type-only imports: no zod in the bundle).
type Routes = typeof identityRoutes;
export type { Me };
export type AccountView = ResponseOf<Routes['getAccount']>;
export type RegisterResidentInput = BodyOf<Routes['registerResident']>;

/** Signs in; the server sets the session cookie. Fails with `invalid_credentials` or `rate_limited`. */
export function login(username: string, password: string): Promise<Me> {
  return api.post<Me>('/api/v1/auth/login', { username, password });
}

/** The signed-in account; fails with `unauthenticated` when there is no session. */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return api.get<Me>('/api/v1/auth/me', { signal });
}

/** Ends the session. */
export function logout(): Promise<void> {
  return api.post<void>('/api/v1/auth/logout');
}

/** Changes the password; the server ends every other session of the account. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/v1/auth/password', { currentPassword, newPassword });
}

/** 代理: act for a principal (a business the person represents). */
export function actAs(principalId: string): Promise<Me> {
  return api.post<Me>('/api/v1/auth/act-as', { principalId });
}

/** Stops acting for a principal. */
export function stopActing(): Promise<Me> {
  return api.delete<Me>('/api/v1/auth/act-as');
}

/** Registers a resident (自然人) account; does not sign in. */
export function registerResident(input: RegisterResidentInput): Promise<AccountView> {
  return api.post<AccountView>('/api/v1/accounts/residents', input);
}

/** One account; the identity number is full only for the person themself. */
export function getAccount(id: string, signal?: AbortSignal): Promise<AccountView> {
  return api.get<AccountView>(`/api/v1/accounts/${seg(id)}`, { signal });
}
