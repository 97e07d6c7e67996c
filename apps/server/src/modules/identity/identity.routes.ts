import { identityRoutes as r } from '@jing/contracts';
import { bind, type RouteBinding } from '../../platform/http/binding.ts';
import { SESSION_COOKIE } from '../../platform/http/server.ts';
import type { AccountService } from './account.service.ts';
import type { SessionService } from './session.service.ts';

export function identityBindings(sessions: SessionService, accounts: AccountService, sessionTtlMs: number): RouteBinding[] {
  return [
    bind(r.login, async (ctx) => {
      const { token, me } = await sessions.login(ctx.caller, ctx.body.username, ctx.body.password);
      ctx.setCookie(SESSION_COOKIE, token, { maxAgeSeconds: Math.floor(sessionTtlMs / 1000) });
      return me;
    }),
    bind(r.logout, async (ctx) => {
      await sessions.logout(ctx.caller);
      ctx.clearCookie(SESSION_COOKIE);
      return { ok: true as const };
    }),
    bind(r.me, async ({ auth }) => sessions.me(auth!)),
    bind(r.changePassword, async ({ caller, body }) => {
      await sessions.changePassword(caller, body.currentPassword, body.newPassword);
      return { ok: true as const };
    }),
    bind(r.actAs, ({ caller, body }) => sessions.actAs(caller, body.principalId)),
    bind(r.stopActing, ({ caller }) => sessions.actAs(caller, null)),
    bind(r.registerResident, ({ caller, body }) => accounts.registerResident(caller, body)),
    bind(r.registerBusiness, ({ caller, body }) => accounts.registerBusiness(caller, body)),
    bind(r.getAccount, ({ caller, params }) => accounts.get(caller, params.id)),
    bind(r.listStaff, async ({ params, query }) => ({ items: await accounts.listStaff(params.code, query.subtree === 'true') })),
    bind(r.createStaff, ({ caller, params, body }) => accounts.createStaff(caller, params.code, body)),
    bind(r.grantRole, async ({ caller, params, body }) => {
      await accounts.grantRole(caller, params.code, body.accountId, body.role);
      return { ok: true as const };
    }),
    bind(r.delegate, async ({ caller, body }) => {
      await accounts.delegate(caller, body.delegateId, body.until);
      return { ok: true as const };
    }),
  ];
}
