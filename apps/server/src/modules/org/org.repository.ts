import type { Kysely, Transaction } from 'kysely';
import { likeEscape, subtreeRange, type DialectHelper } from '@jing/db';
import type { OrgLevel } from '@jing/contracts';

export interface OrgUnitRow {
  code: string;
  name: string;
  level: OrgLevel;
  parent_code: string | null;
  path: string;
  depth: number;
  agency_type: string | null;
  child_count: number;
  updated_at: string;
}

interface Tables {
  org_units: OrgUnitRow;
}

export interface SearchFilter {
  q?: string;
  level?: OrgLevel;
  withinPath?: string;
  limit: number;
}

const COLUMNS = ['code', 'name', 'level', 'parent_code', 'path', 'depth', 'agency_type', 'child_count', 'updated_at'] as const;

/** The only SQL of the org tree. */
export class OrgRepository {
  private readonly db: Kysely<Tables>;
  constructor(
    db: Kysely<any>,
    private readonly dialect: DialectHelper,
  ) {
    this.db = db;
  }

  /** One unit; pass `trx` when inside a transaction. */
  get(code: string, trx?: Transaction<any>): Promise<OrgUnitRow | undefined> {
    return ((trx as Transaction<Tables> | undefined) ?? this.db).selectFrom('org_units').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  }

  getMany(codes: string[]): Promise<OrgUnitRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('org_units').select(COLUMNS).where('code', 'in', codes).execute();
  }

  children(code: string): Promise<OrgUnitRow[]> {
    return this.db.selectFrom('org_units').select(COLUMNS).where('parent_code', '=', code).orderBy('code').execute();
  }

  roots(): Promise<OrgUnitRow[]> {
    return this.db.selectFrom('org_units').select(COLUMNS).where('parent_code', 'is', null).orderBy('code').execute();
  }

  search(f: SearchFilter): Promise<OrgUnitRow[]> {
    let q = this.db.selectFrom('org_units').select(COLUMNS);
    if (f.q) {
      const term = f.q.trim();
      const pattern = `%${likeEscape(term)}%`;
      q = /^[0-9]+A?[0-9]*$/.test(term)
        ? q.where((eb) => eb.or([eb('code', 'like', `${likeEscape(term)}%`), eb('name', this.dialect.containsOp, pattern)]))
        : q.where('name', this.dialect.containsOp, pattern);
    }
    if (f.level) q = q.where('level', '=', f.level);
    if (f.withinPath) {
      const [lo, hi] = subtreeRange(f.withinPath);
      q = q.where('path', '>=', lo).where('path', '<', hi);
    }
    // Shallow units first: a search for 朝阳 should show the district before its communities.
    return q.orderBy('depth').orderBy('code').limit(f.limit).execute();
  }

  /** Every unit of a level inside a subtree (no limit: for league tables over all streets). */
  byLevelWithin(level: OrgLevel, path: string): Promise<OrgUnitRow[]> {
    const [lo, hi] = subtreeRange(path);
    return this.db.selectFrom('org_units').select(COLUMNS).where('level', '=', level).where('path', '>=', lo).where('path', '<', hi).orderBy('code').execute();
  }

  async insert(trx: Transaction<any>, row: OrgUnitRow): Promise<void> {
    const t = trx as Transaction<Tables>;
    await t.insertInto('org_units').values(row).execute();
    if (row.parent_code) {
      await t
        .updateTable('org_units')
        .set((eb) => ({ child_count: eb('child_count', '+', 1) }))
        .where('code', '=', row.parent_code)
        .execute();
    }
  }

  async rename(trx: Transaction<any>, code: string, name: string, at: string): Promise<void> {
    await (trx as Transaction<Tables>).updateTable('org_units').set({ name, updated_at: at }).where('code', '=', code).execute();
  }

  /**
   * Inserts or updates many units in one transaction, batch by batch. Rows
   * must come parent-first (their paths are computed by the caller).
   */
  async upsertBatch(trx: Transaction<any>, rows: OrgUnitRow[]): Promise<void> {
    const t = trx as Transaction<Tables>;
    const size = this.dialect.batchRows(COLUMNS.length);
    for (let i = 0; i < rows.length; i += size) {
      await t
        .insertInto('org_units')
        .values(rows.slice(i, i + size))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            path: eb.ref('excluded.path'),
            depth: eb.ref('excluded.depth'),
            agency_type: eb.ref('excluded.agency_type'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  /** Recomputes every unit's child count (after a bulk import). */
  async recountChildren(trx: Transaction<any>): Promise<void> {
    const t = trx as Transaction<Tables>;
    await t
      .updateTable('org_units')
      .set((eb) => ({
        child_count: eb
          .selectFrom('org_units as c')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('c.parent_code', '=', 'org_units.code'),
      }))
      .execute();
  }

  count(): Promise<number> {
    return this.db
      .selectFrom('org_units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }
}
