import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ROLES, type Permission } from '@jing/contracts/permissions';
import { api, ApiError } from '../../shared/api/index.ts';
import * as identity from './api.ts';
import type { Me } from './api.ts';

interface SessionValue {
  /** The signed-in account, `null` when signed out, `undefined` while the first check runs. */
  me: Me | null | undefined;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Replaces the account after a call that returns a fresh `Me` (act-as). */
  update(me: Me): void;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/**
 * Knows who is signed in, for all three portals: the cookie session is per
 * origin, so a sign-in in one portal is a sign-in in all of them. Keeps the
 * API client's CSRF token in step with the session.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const update = useCallback((next: Me | null) => {
    api.setCsrfToken(next?.csrfToken ?? null);
    setMe(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      update(await identity.fetchMe());
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unauthenticated') update(null);
      else throw err;
    }
  }, [update]);

  useEffect(() => {
    refresh().catch(() => update(null));
    // A 401 on any call means the session expired or was ended elsewhere.
    return api.onUnauthenticated(() => update(null));
  }, [refresh, update]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      update,
      refresh,
      login: async (username, password) => {
        const next = await identity.login(username, password);
        update(next);
        return next;
      },
      logout: async () => {
        try {
          await identity.logout();
        } finally {
          update(null);
        }
      },
    }),
    [me, update, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The current session and its actions. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** Whether the signed-in account holds a permission somewhere in the org tree. */
export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}

/**
 * Where a permission applies: the units of the grants whose role carries it
 * (each covers its subtree). The server decides; this only shapes what a page offers.
 *
 * @example
 * scopeOf(me, 'cases.read') // ['110105'] for a district supervisor
 */
export function scopeOf(me: Me | null | undefined, permission: Permission): string[] {
  const codes = (me?.grants ?? []).filter((g) => (ROLES[g.role] as readonly Permission[]).includes(permission)).map((g) => g.unitCode);
  return [...new Set(codes)];
}

