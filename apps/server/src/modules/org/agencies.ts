import type { OrgUnitSummary } from '@jing/contracts';

/**
 * `agencyOf(parent, type)` for hot paths (case intake, application
 * submission): the agency of a type directly under a unit, read from the org
 * module's cached children body (cleared by every org write) rather than the
 * database, since they ask on every request. The parsed list is remembered per body object, so the body cached
 * after an org write is parsed afresh (ADR 0014).
 */
export function agencyLookup(childrenJson: (code: string) => Promise<Buffer>) {
  const byBody = new WeakMap<Buffer, Map<string, OrgUnitSummary>>();
  return async (parent: string, type: string): Promise<OrgUnitSummary | null> => {
    const body = await childrenJson(parent).catch(() => null);
    if (!body) return null;
    let byType = byBody.get(body);
    if (!byType) {
      byType = new Map();
      for (const u of (JSON.parse(body.toString('utf8')) as { items: OrgUnitSummary[] }).items) {
        if (u.level === 'agency' && u.agencyType && !byType.has(u.agencyType)) byType.set(u.agencyType, u);
      }
      byBody.set(body, byType);
    }
    return byType.get(type) ?? null;
  };
}
