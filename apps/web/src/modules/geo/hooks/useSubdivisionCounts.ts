import { listChildren, type OrgUnitSummary } from '../../org/index.ts';
import { useAsync, type AsyncState } from '../../../shared/useAsync.ts';

/** One district and how many 街道/乡镇 (streets and towns) it has. */
export interface SubdivisionCount {
  code: string;
  name: string;
  streets: number;
}

/** Streets and towns among a unit's children; agencies and other kinds are not counted. */
export function countStreets(children: readonly OrgUnitSummary[]): number {
  return children.filter((c) => c.level === 'street').length;
}

/**
 * The number of 街道/乡镇 in each district of the city: the city's children,
 * then the children of every district, in parallel (16 requests for Beijing).
 */
export function useSubdivisionCounts(cityCode: string | undefined): AsyncState<SubdivisionCount[]> {
  return useAsync(async (signal) => {
    if (!cityCode) return [];
    const districts = (await listChildren(cityCode, signal)).filter((u) => u.level === 'district');
    return Promise.all(
      districts.map(async (d) => ({ code: d.code, name: d.name, streets: countStreets(await listChildren(d.code, signal)) })),
    );
  }, [cityCode]);
}
