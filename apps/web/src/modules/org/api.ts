import type { identityRoutes, OrgLevel, OrgUnit, OrgUnitSummary, orgRoutes, ResponseOf } from '@jing/contracts';
import { api, seg } from '../../shared/api/index.ts';

export type { OrgLevel, OrgUnit, OrgUnitSummary };
export type UnitSearchHit = ResponseOf<typeof orgRoutes.search>['items'][number];
export type StaffMember = ResponseOf<typeof identityRoutes.listStaff>['items'][number];

/** One org unit with its path from the root. */
export function getUnit(code: string, signal?: AbortSignal): Promise<OrgUnit> {
  return api.get<OrgUnit>(`/api/v1/org/units/${seg(code)}`, { signal });
}

/** All children of an org unit (streets of a district, agencies, communities…). */
export async function listChildren(code: string, signal?: AbortSignal): Promise<OrgUnitSummary[]> {
  const res = await api.get<ResponseOf<typeof orgRoutes.listChildren>>(`/api/v1/org/units/${seg(code)}/children`, { signal });
  return res.items;
}

/** Units whose name contains `q` or whose code starts with it, optionally of one level and within a subtree. */
export async function searchUnits(q: string, limit = 20, signal?: AbortSignal, filter: { level?: OrgLevel; within?: string } = {}): Promise<UnitSearchHit[]> {
  const res = await api.get<ResponseOf<typeof orgRoutes.search>>('/api/v1/org/units', { query: { q, limit, ...filter }, signal });
  return res.items;
}

/**
 * People of a unit (with `subtree`, of everything under it too). Needs
 * `directory.read` covering the unit; outside the caller's scope the server
 * answers `not_found`, exactly as for a unit that does not exist.
 */
export async function listStaff(code: string, subtree: boolean, signal?: AbortSignal): Promise<StaffMember[]> {
  const res = await api.get<ResponseOf<typeof identityRoutes.listStaff>>(`/api/v1/org/units/${seg(code)}/staff`, {
    query: { subtree: String(subtree) },
    signal,
  });
  return res.items;
}
