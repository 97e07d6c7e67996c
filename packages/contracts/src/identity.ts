import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, Ok, UnitCode } from './common.ts';
import { ROLE_NAMES } from './permissions.ts';

export const AccountKind = z.enum(['resident', 'business', 'staff']).describe('resident 自然人 | business 法人 | staff 工作人员');
export type AccountKind = z.infer<typeof AccountKind>;

const Username = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'may contain letters, digits and _ . @ - only')
  .describe('Login name');
const Password = z.string().min(10, 'must be at least 10 characters').max(200).describe('Password, 10–200 characters');

export const Grant = z.object({
  role: z.enum(ROLE_NAMES),
  unitCode: z.string().describe('The grant covers this unit and its subtree'),
});

export const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    kind: AccountKind,
    displayName: z.string(),
    unit: z.object({ code: z.string(), name: z.string() }).nullable().describe('Staff: the unit the person belongs to'),
    position: z.string().nullable().describe('Staff: position (职务)'),
    idNumberMasked: z.string().nullable().describe('Residents: identity number, masked'),
    grants: z.array(Grant).describe('Roles held, each scoped to an org subtree'),
    permissions: z.array(z.string()).describe('Permissions held somewhere'),
    actingFor: z
      .object({ id: z.string(), displayName: z.string(), kind: AccountKind })
      .nullable()
      .describe('代理: the principal this session acts for, if any'),
    canActFor: z.array(z.object({ id: z.string(), displayName: z.string(), kind: AccountKind })).describe('Principals this account may act for'),
    csrfToken: z.string().describe('Send back in the `x-csrf-token` header on every state-changing request'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const StaffMember = z
  .object({
    id: z.string(),
    displayName: z.string(),
    position: z.string().nullable(),
    unitCode: z.string(),
    phoneMasked: z.string().nullable(),
  })
  .meta({ id: 'StaffMember' });

export const AccountView = z
  .object({
    id: z.string(),
    username: z.string(),
    kind: AccountKind,
    displayName: z.string(),
    unitCode: z.string().nullable(),
    position: z.string().nullable(),
    idNumber: z.string().nullable().describe('Full for the person and for staff holding users.read_pii; masked otherwise'),
    uscc: z.string().nullable().describe('Businesses: unified social credit code'),
    createdAt: Instant,
  })
  .meta({ id: 'AccountView' });

export const identityRoutes = {
  login: defineRoute({
    id: 'auth.login',
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in with username and password; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }),
    response: Me,
  }),
  logout: defineRoute({
    id: 'auth.logout',
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'End the current session',
    tag: 'auth',
    access: 'session',
    response: Ok,
  }),
  me: defineRoute({
    id: 'auth.me',
    method: 'GET',
    path: '/api/v1/auth/me',
    summary: 'The signed-in account',
    tag: 'auth',
    access: 'session',
    response: Me,
  }),
  changePassword: defineRoute({
    id: 'auth.changePassword',
    method: 'POST',
    path: '/api/v1/auth/password',
    summary: 'Change the password; ends every other session of the account',
    tag: 'auth',
    access: 'session',
    body: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password }),
    response: Ok,
  }),
  actAs: defineRoute({
    id: 'auth.actAs',
    method: 'POST',
    path: '/api/v1/auth/act-as',
    summary: '代理: act for a principal (a business you represent, or a colleague who delegated to you)',
    tag: 'auth',
    access: 'session',
    body: z.strictObject({ principalId: z.string().min(1).max(64).describe('Account id of the principal') }),
    response: Me,
  }),
  stopActing: defineRoute({
    id: 'auth.stopActing',
    method: 'DELETE',
    path: '/api/v1/auth/act-as',
    summary: 'Stop acting for a principal',
    tag: 'auth',
    access: 'session',
    response: Me,
  }),
  registerResident: defineRoute({
    id: 'accounts.registerResident',
    method: 'POST',
    path: '/api/v1/accounts/residents',
    summary: 'Register a resident (natural person) account',
    tag: 'accounts',
    access: 'public',
    body: z.strictObject({
      username: Username,
      password: Password,
      name: z.string().min(1).max(50).describe('Real name'),
      idNumber: z.string().describe('18-character resident identity number (GB 11643)'),
      phone: z.string().regex(/^1[3-9][0-9]{9}$/, 'must be an 11-digit mainland mobile number').optional(),
    }),
    response: AccountView,
    status: 201,
  }),
  registerBusiness: defineRoute({
    id: 'accounts.registerBusiness',
    method: 'POST',
    path: '/api/v1/accounts/businesses',
    summary: 'Register a business (legal person); the signed-in resident becomes its representative',
    tag: 'accounts',
    access: 'session',
    body: z.strictObject({
      name: z.string().min(1).max(100).describe('Registered name'),
      uscc: z.string().describe('18-character unified social credit code (GB 32100)'),
    }),
    response: AccountView,
    status: 201,
  }),
  getAccount: defineRoute({
    id: 'accounts.get',
    method: 'GET',
    path: '/api/v1/accounts/:id',
    summary: 'One account; the identity number is shown in full only to the person and to staff with users.read_pii',
    tag: 'accounts',
    access: 'session',
    params: z.object({ id: z.string().min(1).max(64) }),
    response: AccountView,
  }),
  listStaff: defineRoute({
    id: 'directory.listStaff',
    method: 'GET',
    path: '/api/v1/org/units/:code/staff',
    summary: 'People of a unit (and optionally its subtree)',
    tag: 'directory',
    access: { permission: 'directory.read', scopeParam: 'code' },
    params: z.object({ code: UnitCode }),
    query: z.strictObject({ subtree: z.enum(['true', 'false']).default('false').describe('Include the whole subtree') }),
    response: z.object({ items: z.array(StaffMember) }),
  }),
  createStaff: defineRoute({
    id: 'accounts.createStaff',
    method: 'POST',
    path: '/api/v1/org/units/:code/staff',
    summary: 'Create a staff account in a unit',
    tag: 'directory',
    access: { permission: 'users.manage', scopeParam: 'code' },
    params: z.object({ code: UnitCode }),
    body: z.strictObject({
      username: Username,
      password: Password,
      name: z.string().min(1).max(50),
      position: z.string().min(1).max(50).describe('职务, e.g. 科员'),
      phone: z.string().regex(/^1[3-9][0-9]{9}$/, 'must be an 11-digit mainland mobile number').optional(),
      roles: z.array(z.enum(ROLE_NAMES)).max(10).default([]).describe('Extra roles, granted at this unit'),
    }),
    response: AccountView,
    status: 201,
  }),
  grantRole: defineRoute({
    id: 'accounts.grantRole',
    method: 'POST',
    path: '/api/v1/org/units/:code/grants',
    summary: 'Grant a role at a unit (covering its subtree) to a staff account',
    tag: 'directory',
    access: { permission: 'users.manage', scopeParam: 'code' },
    params: z.object({ code: UnitCode }),
    body: z.strictObject({ accountId: z.string().min(1).max(64), role: z.enum(ROLE_NAMES) }),
    response: Ok,
    status: 201,
  }),
  delegate: defineRoute({
    id: 'accounts.delegate',
    method: 'POST',
    path: '/api/v1/delegations',
    summary: '委托: let a colleague act for you until a date',
    tag: 'directory',
    access: 'session',
    body: z.strictObject({
      delegateId: z.string().min(1).max(64).describe('Account id of the colleague'),
      until: z.iso.datetime({ offset: true }).describe('End of the delegation, ISO 8601'),
    }),
    response: Ok,
    status: 201,
  }),
} as const;
