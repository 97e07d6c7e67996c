import { z } from 'zod';
import { defineRoute } from './route.ts';
import { OrgLevel, UnitCode } from './common.ts';

export const OrgUnitSummary = z
  .object({
    code: z.string().describe('Unit code'),
    name: z.string().describe('Official name, zh-CN'),
    level: OrgLevel,
    parentCode: z.string().nullable().describe('Code of the parent unit; null at the root'),
    agencyType: z.string().nullable().optional().describe('For agencies: the agency type key, e.g. `ecology`'),
    hasChildren: z.boolean().optional().describe('Whether the unit has children'),
  })
  .meta({ id: 'OrgUnitSummary' });
export type OrgUnitSummary = z.infer<typeof OrgUnitSummary>;

export const OrgPathItem = z.object({ code: z.string(), name: z.string(), level: OrgLevel });

export const OrgUnit = OrgUnitSummary.extend({
  path: z.array(OrgPathItem).describe('Ancestors from the root down to and including this unit'),
}).meta({ id: 'OrgUnit' });
export type OrgUnit = z.infer<typeof OrgUnit>;

const CodeParams = z.object({ code: UnitCode });

export const orgRoutes = {
  getUnit: defineRoute({
    id: 'org.getUnit',
    method: 'GET',
    path: '/api/v1/org/units/:code',
    summary: 'One org unit with its path from the root',
    tag: 'org',
    access: 'public',
    params: CodeParams,
    response: OrgUnit,
  }),
  listChildren: defineRoute({
    id: 'org.listChildren',
    method: 'GET',
    path: '/api/v1/org/units/:code/children',
    summary: 'All children of an org unit',
    tag: 'org',
    access: 'public',
    params: CodeParams,
    response: z.object({ items: z.array(OrgUnitSummary) }),
  }),
  search: defineRoute({
    id: 'org.search',
    method: 'GET',
    path: '/api/v1/org/units',
    summary: 'Search org units by name or code (or list the roots when q is empty)',
    tag: 'org',
    access: 'public',
    query: z.strictObject({
      q: z.string().max(100).optional().describe('Part of a name, or a code prefix'),
      level: OrgLevel.optional().describe('Only units of this level'),
      within: UnitCode.optional().describe('Only units inside this subtree'),
      limit: z.coerce.number().int().min(1).max(200).default(50).describe('Maximum items, 1–200'),
    }),
    response: z.object({ items: z.array(OrgUnitSummary.extend({ path: z.array(OrgPathItem).optional() })) }),
  }),
  createUnit: defineRoute({
    id: 'org.createUnit',
    method: 'POST',
    path: '/api/v1/org/units/:code/children',
    summary: 'Create a unit (e.g. an agency or a new community) under a parent',
    tag: 'org',
    access: { permission: 'org.write', scopeParam: 'code' },
    params: CodeParams,
    body: z.strictObject({
      code: UnitCode,
      name: z.string().min(1).max(100).describe('Official name'),
      level: OrgLevel,
      agencyType: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/).optional().describe('Agency type key, for agencies'),
    }),
    response: OrgUnitSummary,
    status: 201,
  }),
  renameUnit: defineRoute({
    id: 'org.renameUnit',
    method: 'PATCH',
    path: '/api/v1/org/units/:code',
    summary: 'Rename an org unit',
    tag: 'org',
    access: { permission: 'org.write', scopeParam: 'code' },
    params: CodeParams,
    body: z.strictObject({ name: z.string().min(1).max(100).describe('New official name') }),
    response: OrgUnitSummary,
  }),
} as const;
