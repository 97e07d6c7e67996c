import { sql, type Kysely, type Transaction } from 'kysely';
import { subtreeRange } from '@jing/db';
import type { RatingLevel, SubjectKind } from '@jing/contracts';

export interface RatingRow {
  id: string;
  subject_kind: SubjectKind;
  subject_id: string;
  rater_id: string;
  rater_name: string;
  actor_id: string;
  level: RatingLevel;
  dimensions_json: string;
  comment: string | null;
  bad: number;
  item_code: string | null;
  unit_code: string;
  unit_path: string;
  hall_id: string | null;
  created_at: string;
  rect_status: 'open' | 'rectified' | 'voided' | null;
  due_at: string | null;
  task_id: string | null;
  assignment_id: string | null;
  outcome_kind: 'fixed_now' | 'fix_by_date' | 'explained' | null;
  outcome_text: string | null;
  outcome_fix_by: string | null;
  outcome_at: string | null;
  outcome_by_id: string | null;
  outcome_by_name: string | null;
  appeal_status: 'pending' | 'upheld' | 'rejected' | null;
  appeal_reason: string | null;
  appeal_at: string | null;
  appeal_by_id: string | null;
  appeal_by_name: string | null;
  appeal_decided_at: string | null;
  appeal_decided_by_id: string | null;
  appeal_decided_by_name: string | null;
  appeal_comment: string | null;
  voided: number;
  version: number;
}

export interface CallbackRow {
  id: string;
  rating_id: string;
  at: string;
  logged_at: string;
  by_id: string;
  by_name: string;
  channel: 'phone' | 'sms' | 'visit' | 'online';
  reached: number;
  text: string;
}

interface Tables {
  ratings: RatingRow;
  rating_callbacks: CallbackRow;
}

export type RectFilter = 'open' | 'rectified' | 'voided' | 'appeal_pending' | 'all';

/** The only SQL of 好差评. */
export class RatingRepository {
  private readonly db: Kysely<Tables>;
  constructor(db: Kysely<any>) {
    this.db = db;
  }

  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  async insert(trx: Transaction<any>, row: RatingRow): Promise<void> {
    await this.t(trx).insertInto('ratings').values(row).execute();
  }

  get(id: string, trx?: Transaction<any>): Promise<RatingRow | undefined> {
    return this.t(trx).selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  bySubject(kind: SubjectKind, id: string): Promise<RatingRow | undefined> {
    return this.db.selectFrom('ratings').selectAll().where('subject_kind', '=', kind).where('subject_id', '=', id).executeTakeFirst();
  }

  byRater(raterId: string, limit: number): Promise<RatingRow[]> {
    return this.db.selectFrom('ratings').selectAll().where('rater_id', '=', raterId).orderBy('created_at', 'desc').limit(limit).execute();
  }

  /** Bad reviews of one unit, or within subtrees, by rectification state. */
  bad(where: { unitCode: string } | { paths: string[] }, status: RectFilter, limit: number): Promise<RatingRow[]> {
    let q = this.db.selectFrom('ratings').selectAll().where('bad', '=', 1);
    if ('unitCode' in where) q = q.where('unit_code', '=', where.unitCode);
    else {
      if (where.paths.length === 0) return Promise.resolve([]);
      q = q.where((eb) => eb.or(where.paths.map((p) => { const [lo, hi] = subtreeRange(p); return eb.and([eb('unit_path', '>=', lo), eb('unit_path', '<', hi)]); })));
    }
    if (status === 'appeal_pending') q = q.where('appeal_status', '=', 'pending');
    else if (status !== 'all') q = q.where('rect_status', '=', status);
    return q.orderBy('created_at', 'desc').limit(limit).execute();
  }

  async update(trx: Transaction<any>, id: string, version: number, patch: Partial<RatingRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('ratings').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertCallback(trx: Transaction<any>, row: CallbackRow): Promise<void> {
    await this.t(trx).insertInto('rating_callbacks').values(row).execute();
  }

  callbacksOf(ratingIds: string[], trx?: Transaction<any>): Promise<CallbackRow[]> {
    if (ratingIds.length === 0) return Promise.resolve([]);
    return this.t(trx).selectFrom('rating_callbacks').selectAll().where('rating_id', 'in', ratingIds).orderBy('at').orderBy('id').execute();
  }

  /**
   * Published figures grouped by item, unit or hall: voided ratings left out.
   * 满意 counts 基本满意 and better; rectified counts bad reviews with an outcome.
   */
  stats(by: 'item' | 'unit' | 'hall', withinPath: string | null, kind: SubjectKind | null) {
    const key = by === 'item' ? 'item_code' : by === 'unit' ? 'unit_code' : 'hall_id';
    const level = (l: RatingLevel) => sql<number>`sum(case when level = ${l} then 1 else 0 end)`;
    let q = this.db
      .selectFrom('ratings')
      .select([
        sql<string>`${sql.ref(key)}`.as('key'),
        sql<number>`count(*)`.as('count'),
        sql<number>`sum(case when bad = 0 then 1 else 0 end)`.as('satisfied'),
        sql<number>`sum(bad)`.as('bad'),
        sql<number>`sum(case when bad = 1 and rect_status = 'rectified' then 1 else 0 end)`.as('rectified'),
        level('very_satisfied').as('very_satisfied'),
        level('satisfied').as('l_satisfied'),
        level('basically_satisfied').as('basically_satisfied'),
        level('dissatisfied').as('dissatisfied'),
        level('very_dissatisfied').as('very_dissatisfied'),
      ])
      .where('voided', '=', 0)
      .where(sql.ref(key), 'is not', null);
    if (withinPath) {
      const [lo, hi] = subtreeRange(withinPath);
      q = q.where('unit_path', '>=', lo).where('unit_path', '<', hi);
    }
    if (kind) q = q.where('subject_kind', '=', kind);
    return q.groupBy(sql.ref(key)).orderBy(sql.ref(key)).execute();
  }
}
