import type { Kysely, Transaction } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import type { OrgLevel, OrgUnit, OrgUnitSummary } from '@jing/contracts';
import type { Caller } from '../../platform/auth/context.ts';
import { LruCache } from '../../platform/cache.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { OrgRepository, OrgUnitRow } from './org.repository.ts';

/** A unit to import: the caller gives parent-first order. */
export interface ImportUnit {
  code: string;
  name: string;
  parentCode: string | null;
  level: OrgLevel;
  agencyType?: string | null;
}

export function toSummary(r: OrgUnitRow): OrgUnitSummary {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    ...(r.agency_type ? { agencyType: r.agency_type } : {}),
    hasChildren: r.child_count > 0,
  };
}

/** Ancestor codes of a path, root first: '/a/b/c/' → ['a','b','c']. */
export function pathCodes(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * The org tree: Beijing's divisions and agencies (or the whole country).
 * Reads are cached (the tree changes rarely); every write clears the caches.
 * The caches are per process: another process's changes clear them through
 * the cache epochs (ADR 0019).
 */
export class OrgService {
  private readonly paths = new LruCache<string, string | null>(200_000);
  private readonly units = new LruCache<string, OrgUnit>(20_000);
  private readonly childrenCache = new LruCache<string, Buffer>(20_000);
  /** Agencies by type, parsed once per cached children body (see agencyOf). */
  private readonly agenciesByBody = new WeakMap<Buffer, Map<string, OrgUnitSummary>>();

  constructor(
    private readonly db: Kysely<any>,
    private readonly repo: OrgRepository,
    private readonly audit: AuditLog,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The materialised path of a unit, or null. O(1) when cached, one indexed read otherwise. */
  async unitPath(code: string, trx?: Transaction<any>): Promise<string | null> {
    const hit = this.paths.get(code);
    if (hit !== undefined) return hit;
    const row = await this.repo.get(code, trx);
    const path = row?.path ?? null;
    this.paths.set(code, path);
    return path;
  }

  /** True when `code` is `ancestor` or lies in its subtree. O(depth). */
  async isWithin(code: string, ancestor: string): Promise<boolean> {
    const [p, a] = await Promise.all([this.unitPath(code), this.unitPath(ancestor)]);
    return !!p && !!a && p.startsWith(a);
  }

  async getUnit(code: string): Promise<OrgUnit> {
    const hit = this.units.get(code);
    if (hit) return hit;
    const row = await this.repo.get(code);
    if (!row) throw notFound('org unit', code);
    const ancestors = await this.repo.getMany(pathCodes(row.path));
    const byCode = new Map(ancestors.map((a) => [a.code, a]));
    const unit: OrgUnit = {
      ...toSummary(row),
      path: pathCodes(row.path).flatMap((c) => {
        const a = byCode.get(c);
        return a ? [{ code: a.code, name: a.name, level: a.level }] : [];
      }),
    };
    this.units.set(code, unit);
    return unit;
  }

  /**
   * The children of a unit as the UTF-8 JSON body of the children route:
   * cached as bytes, so a hit costs neither serialising nor re-encoding.
   */
  async childrenJson(code: string): Promise<Buffer> {
    const hit = this.childrenCache.get(code);
    if (hit) return hit;
    const row = await this.repo.get(code);
    if (!row) throw notFound('org unit', code);
    const json = Buffer.from(JSON.stringify({ items: (await this.repo.children(code)).map(toSummary) }), 'utf8');
    this.childrenCache.set(code, json);
    return json;
  }

  async children(code: string): Promise<OrgUnitSummary[]> {
    return (JSON.parse((await this.childrenJson(code)).toString('utf8')) as { items: OrgUnitSummary[] }).items;
  }

  async search(q: { q?: string; level?: OrgLevel; within?: string; limit: number }) {
    let withinPath: string | undefined;
    if (q.within) {
      const p = await this.unitPath(q.within);
      if (!p) throw notFound('org unit', q.within);
      withinPath = p;
    }
    const rows = q.q || q.level || withinPath ? await this.repo.search({ q: q.q, level: q.level, withinPath, limit: q.limit }) : await this.repo.roots();
    // Give each hit its path of names, so a search result is recognisable (朝阳区 › 建外街道 › …).
    const ancestorCodes = [...new Set(rows.flatMap((r) => pathCodes(r.path)))];
    const names = new Map((await this.repo.getMany(ancestorCodes)).map((a) => [a.code, a]));
    return rows.map((r) => ({
      ...toSummary(r),
      path: pathCodes(r.path).flatMap((c) => {
        const a = names.get(c);
        return a ? [{ code: a.code, name: a.name, level: a.level }] : [];
      }),
    }));
  }

  /** Every unit of a level inside the subtree at `withinPath`. */
  async listLevel(level: OrgLevel, withinPath: string): Promise<{ code: string; name: string; path: string }[]> {
    return (await this.repo.byLevelWithin(level, withinPath)).map((r) => ({ code: r.code, name: r.name, path: r.path }));
  }

  /**
   * The agency of `agencyType` directly under `parentCode` (e.g. 朝阳区's
   * ecology bureau), or null. Read from the cached children body, since case
   * intake and application submission ask on every request; the agencies by
   * type are remembered per body object, so the body cached after an org
   * write is read afresh (ADR 0014).
   */
  async agencyOf(parentCode: string, agencyType: string): Promise<OrgUnitSummary | null> {
    const body = await this.childrenJson(parentCode).catch(() => null);
    if (!body) return null;
    let byType = this.agenciesByBody.get(body);
    if (!byType) {
      byType = new Map();
      for (const u of (JSON.parse(body.toString('utf8')) as { items: OrgUnitSummary[] }).items) {
        if (u.level === 'agency' && u.agencyType && !byType.has(u.agencyType)) byType.set(u.agencyType, u);
      }
      this.agenciesByBody.set(body, byType);
    }
    return byType.get(agencyType) ?? null;
  }

  async createUnit(caller: Caller, parentCode: string, input: { code: string; name: string; level: OrgLevel; agencyType?: string }): Promise<OrgUnitSummary> {
    const parent = await this.repo.get(parentCode);
    if (!parent) throw notFound('org unit', parentCode);
    // Division codes nest: 110105 → 110105001 → 110105001001; agencies append A00–A99.
    if (!input.code.startsWith(parentCode.replace(/0+$/, '')) || input.code === parentCode) {
      throw invalidField('body.code', `must start with the parent's code ${parentCode}`);
    }
    if (input.level === 'agency' && !input.agencyType) throw invalidField('body.agencyType', 'is required for an agency');
    if (await this.repo.get(input.code)) throw conflict(`org unit ${input.code} already exists`, { code: input.code });
    const at = nowIso(this.clock);
    const row: OrgUnitRow = {
      code: input.code,
      name: input.name,
      level: input.level,
      parent_code: parentCode,
      path: `${parent.path}${input.code}/`,
      depth: parent.depth + 1,
      agency_type: input.agencyType ?? null,
      child_count: 0,
      updated_at: at,
    };
    await inTransaction(this.db, async (trx) => {
      await this.repo.insert(trx, row);
      await this.audit.record(trx, caller, { action: 'org.unit.create', targetType: 'org_unit', targetId: row.code, unitCode: parentCode, after: toSummary(row) });
    });
    this.invalidate();
    return toSummary(row);
  }

  async renameUnit(caller: Caller, code: string, name: string): Promise<OrgUnitSummary> {
    const row = await this.repo.get(code);
    if (!row) throw notFound('org unit', code);
    const at = nowIso(this.clock);
    await inTransaction(this.db, async (trx) => {
      await this.repo.rename(trx, code, name, at);
      await this.audit.record(trx, caller, { action: 'org.unit.rename', targetType: 'org_unit', targetId: code, unitCode: code, before: { name: row.name }, after: { name } });
    });
    this.invalidate();
    return toSummary({ ...row, name, updated_at: at });
  }

  /**
   * Imports units in bulk (upsert), parent-first, in one transaction, and
   * records one audit entry for the import. Reports progress in rows.
   */
  async importUnits(caller: Caller, units: ImportUnit[], source: string, onProgress?: (done: number, total: number) => void): Promise<{ imported: number }> {
    const at = nowIso(this.clock);
    const paths = new Map<string, { path: string; depth: number }>();
    const rows: OrgUnitRow[] = new Array(units.length);
    let i = 0;
    for (const u of units) {
      let parent = u.parentCode ? paths.get(u.parentCode) : undefined;
      if (u.parentCode && !parent) {
        const p = await this.repo.get(u.parentCode);
        if (!p) throw invalidField(`units.${i}.parentCode`, `unknown parent ${u.parentCode} (rows must come parent-first)`);
        parent = { path: p.path, depth: p.depth };
        paths.set(u.parentCode, parent);
      }
      const path = `${parent?.path ?? '/'}${u.code}/`;
      const depth = (parent?.depth ?? -1) + 1;
      paths.set(u.code, { path, depth });
      rows[i++] = { code: u.code, name: u.name, level: u.level, parent_code: u.parentCode, path, depth, agency_type: u.agencyType ?? null, child_count: 0, updated_at: at };
    }
    const chunk = 20_000;
    await inTransaction(this.db, async (trx) => {
      for (let s = 0; s < rows.length; s += chunk) {
        await this.repo.upsertBatch(trx, rows.slice(s, s + chunk));
        onProgress?.(Math.min(s + chunk, rows.length), rows.length);
      }
      await this.repo.recountChildren(trx);
      await this.audit.record(trx, caller, { action: 'org.import', targetType: 'org_import', targetId: source, after: { source, units: rows.length } });
    });
    this.invalidate();
    return { imported: rows.length };
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Drops every cached read; called after any write to the tree. */
  invalidate(): void {
    this.paths.clear();
    this.units.clear();
    this.childrenCache.clear();
  }
}
