import type { Kysely } from 'kysely';
import { z } from 'zod';
import { inTransaction, nowIso } from '@jing/db';
import { BoundaryGeometry, type OrgUnit } from '@jing/contracts';
import type { Caller } from '../../platform/auth/context.ts';
import { invalid, invalidField } from '../../platform/errors.ts';
import { toFieldIssues } from '../../platform/http/validate.ts';
import type { AuditLog } from '../audit/index.ts';
import type { GeoRepository, BoundaryRow } from './geo.repository.ts';
import { bboxOf, contains, inBBox, ringProblem, type BBox } from './geometry.ts';

interface Indexed {
  row: BoundaryRow;
  geometry: BoundaryGeometry;
  bbox: BBox;
}

type Ref = { code: string; name: string };

/** Accepts a bare geometry, a Feature, or a FeatureCollection holding exactly one feature. */
function geometryFrom(body: unknown, where = 'body'): BoundaryGeometry {
  let g: unknown = body;
  let path = where;
  const obj = body as { type?: unknown; features?: unknown[]; geometry?: unknown } | null;
  if (obj && obj.type === 'FeatureCollection') {
    if (!Array.isArray(obj.features) || obj.features.length !== 1) throw invalidField(`${where}.features`, 'must hold exactly one feature');
    g = (obj.features[0] as { geometry?: unknown })?.geometry;
    path = `${where}.features.0.geometry`;
  } else if (obj && obj.type === 'Feature') {
    g = obj.geometry;
    path = `${where}.geometry`;
  }
  const r = BoundaryGeometry.safeParse(g);
  if (!r.success) throw invalid(toFieldIssues(path, r.error as z.ZodError));
  const ring = ringProblem(r.data);
  if (ring) throw invalidField(`${path}.coordinates`, ring);
  return r.data;
}

/**
 * Boundaries of org units and point location. All boundaries are held in
 * memory once read (a city's districts and streets are a few MB), with a
 * bounding-box check before the exact test.
 */
export class GeoService {
  private index: Indexed[] | null = null;

  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: GeoRepository,
    private readonly audit: AuditLog,
    private readonly getUnit: (code: string) => Promise<OrgUnit>,
    private readonly cityCode: string,
    private readonly clock: () => number = Date.now,
  ) {}

  private async loaded(): Promise<Indexed[]> {
    if (!this.index) {
      const rows = await this.repo.all();
      this.index = rows.map((row) => {
        const geometry = JSON.parse(row.geometry) as BoundaryGeometry;
        return { row, geometry, bbox: [row.min_lng, row.min_lat, row.max_lng, row.max_lat] as BBox };
      });
    }
    return this.index;
  }

  /** Drops the boundaries held in memory (another process changed them: ADR 0019). */
  invalidate(): void {
    this.index = null;
  }

  /** The district (of the city) and street containing a point; null where none is loaded. */
  async locate(lng: number, lat: number): Promise<{ district: Ref | null; street: Ref | null }> {
    const all = await this.loaded();
    const hit = (pred: (i: Indexed) => boolean) => all.find((i) => pred(i) && inBBox(i.bbox, lng, lat) && contains(i.geometry, lng, lat));
    const d = hit((i) => i.row.level === 'district' && i.row.parent_code === this.cityCode);
    if (!d) return { district: null, street: null };
    const s = hit((i) => i.row.level === 'street' && i.row.parent_code === d.row.unit_code);
    return { district: { code: d.row.unit_code, name: d.row.name }, street: s ? { code: s.row.unit_code, name: s.row.name } : null };
  }

  /** Boundaries of the children of `parent`, as a GeoJSON FeatureCollection. */
  async boundaries(parent: string) {
    const all = await this.loaded();
    return {
      type: 'FeatureCollection' as const,
      features: all
        .filter((i) => i.row.parent_code === parent)
        .sort((a, b) => a.row.unit_code.localeCompare(b.row.unit_code))
        .map((i) => ({
          type: 'Feature' as const,
          id: i.row.unit_code,
          properties: { code: i.row.unit_code, name: i.row.name, level: i.row.level },
          geometry: i.geometry,
        })),
    };
  }

  /** Sets a unit's boundary from GeoJSON (geometry, Feature or one-feature FeatureCollection). */
  async putBoundary(caller: Caller, code: string, body: unknown, source = 'api'): Promise<{ code: string; bbox: BBox }> {
    const geometry = geometryFrom(body);
    const unit = await this.getUnit(code);
    const bbox = bboxOf(geometry);
    const before = await this.repo.get(code);
    const row: BoundaryRow = {
      unit_code: code,
      parent_code: unit.parentCode,
      level: unit.level,
      name: unit.name,
      geometry: JSON.stringify(geometry),
      min_lng: bbox[0],
      min_lat: bbox[1],
      max_lng: bbox[2],
      max_lat: bbox[3],
      source,
      updated_at: nowIso(this.clock),
    };
    await inTransaction(this.db, async (trx) => {
      await this.repo.upsert(trx, row);
      await this.audit.record(trx, caller, {
        action: 'geo.boundary.set',
        targetType: 'org_unit',
        targetId: code,
        unitCode: code,
        before: before ? { source: before.source, bbox: [before.min_lng, before.min_lat, before.max_lng, before.max_lat] } : null,
        after: { source, bbox },
      });
    });
    this.index = null;
    return { code, bbox };
  }

  /**
   * Imports many boundaries from a FeatureCollection: each feature names its
   * unit by the property `codeProperty`. Returns the codes set and the features skipped, with why.
   */
  async importCollection(caller: Caller, fc: unknown, codeProperty: string, source: string, onProgress?: (done: number, total: number) => void) {
    const features = (fc as { type?: string; features?: unknown[] })?.type === 'FeatureCollection' ? (fc as { features: unknown[] }).features : null;
    if (!features) throw invalidField('file', 'must be a GeoJSON FeatureCollection');
    const done: string[] = [];
    const skipped: { index: number; reason: string }[] = [];
    for (let i = 0; i < features.length; i++) {
      const f = features[i] as { properties?: Record<string, unknown>; id?: unknown };
      const code = String(f?.properties?.[codeProperty] ?? f?.id ?? '');
      try {
        await this.putBoundary(caller, code, f, source);
        done.push(code);
      } catch (err) {
        skipped.push({ index: i, reason: `${code || '(no code)'}: ${(err as Error).message}` });
      }
      onProgress?.(i + 1, features.length);
    }
    return { imported: done.length, skipped };
  }
}
