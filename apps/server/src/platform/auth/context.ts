import type { AccountKind, Permission, Role } from '@jing/contracts';

/** An account as the rest of the system sees it. */
export interface Subject {
  id: string;
  kind: AccountKind;
  displayName: string;
  /** Staff: the unit the person belongs to. */
  unitCode: string | null;
}

/** A role held at an org unit; covers every unit whose path starts with `unitPath`. */
export interface ScopedGrant {
  role: Role;
  unitCode: string;
  unitPath: string;
}

/**
 * Who is calling. `actor` is the real person signed in; `principal` is whose
 * authority they use — the same account unless acting for someone (代理).
 * Permissions are the principal's.
 */
export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  actor: Subject;
  principal: Subject;
  grants: ScopedGrant[];
  permissions: ReadonlyMap<Permission, string[]>;
}

/** What a service needs to know about a call: who, and which request (for the audit log). */
export interface Caller {
  auth: AuthContext | null;
  requestId: string | null;
}

export const SYSTEM_CALLER: Caller = { auth: null, requestId: null };

/** True when the caller holds `permission` anywhere. */
export function holds(auth: AuthContext | null, permission: Permission): boolean {
  return !!auth && (auth.permissions.get(permission)?.length ?? 0) > 0;
}

/**
 * True when `permission` covers the unit at `unitPath`: some grant's path is a
 * prefix of it. Paths are `/110000/110105/…/`, so this is O(depth).
 */
export function covers(auth: AuthContext | null, permission: Permission, unitPath: string): boolean {
  const paths = auth?.permissions.get(permission);
  if (!paths) return false;
  for (const p of paths) if (unitPath.startsWith(p)) return true;
  return false;
}

/** Scope paths of a permission (for filtering lists with `path LIKE scope%`). */
export function scopePaths(auth: AuthContext | null, permission: Permission): string[] {
  return auth?.permissions.get(permission) ?? [];
}
