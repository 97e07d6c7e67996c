import type { Kysely, Transaction } from 'kysely';

export interface ItemRow {
  code: string;
  published_version: number | null;
  latest_version: number;
  name: string;
  department_type: string;
  audience: string;
  search_text: string;
  updated_at: string;
}

export interface VersionRow {
  code: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  definition: string;
  published_at: string | null;
  retired_at: string | null;
  updated_by: string | null;
  updated_at: string;
}

type Db = Kysely<any> | Transaction<any>;

/** The only SQL of the service catalogue. */
export class ServiceRepository {
  constructor(private readonly db: Kysely<any>) {}

  async item(code: string, db: Db = this.db): Promise<ItemRow | undefined> {
    return (await db.selectFrom('service_items').selectAll().where('code', '=', code).executeTakeFirst()) as ItemRow | undefined;
  }

  async version(code: string, version: number, db: Db = this.db): Promise<VersionRow | undefined> {
    return (await db.selectFrom('service_item_versions').selectAll().where('code', '=', code).where('version', '=', version).executeTakeFirst()) as VersionRow | undefined;
  }

  async versions(code: string): Promise<VersionRow[]> {
    return (await this.db.selectFrom('service_item_versions').selectAll().where('code', '=', code).orderBy('version').execute()) as VersionRow[];
  }

  /** Every item that has a published version, with that version's definition. */
  async published(): Promise<Array<ItemRow & { definition: string }>> {
    return (await this.db
      .selectFrom('service_items as i')
      .innerJoin('service_item_versions as v', (j) => j.onRef('v.code', '=', 'i.code').onRef('v.version', '=', 'i.published_version'))
      .selectAll('i')
      .select('v.definition')
      .orderBy('i.code')
      .execute()) as Array<ItemRow & { definition: string }>;
  }

  /** Every item with the status and time of its latest version, and the competent department of that version. */
  async adminList(): Promise<Array<ItemRow & { latest_status: VersionRow['status']; latest_updated_at: string; department_name: string }>> {
    const rows = await this.db
      .selectFrom('service_items as i')
      .innerJoin('service_item_versions as v', (j) => j.onRef('v.code', '=', 'i.code').onRef('v.version', '=', 'i.latest_version'))
      .selectAll('i')
      .select(['v.status as latest_status', 'v.updated_at as latest_updated_at', 'v.definition'])
      .orderBy('i.code')
      .execute();
    return rows.map(({ definition, ...r }) => ({ ...r, department_name: (JSON.parse(definition) as { department: { name: { zh: string } } }).department.name.zh })) as never;
  }

  async upsertItem(trx: Transaction<any>, row: ItemRow): Promise<void> {
    const exists = await trx.selectFrom('service_items').select('code').where('code', '=', row.code).executeTakeFirst();
    if (exists) await trx.updateTable('service_items').set(row).where('code', '=', row.code).execute();
    else await trx.insertInto('service_items').values(row).execute();
  }

  async insertVersion(trx: Transaction<any>, row: VersionRow): Promise<void> {
    await trx.insertInto('service_item_versions').values(row).execute();
  }

  async updateVersion(trx: Transaction<any>, code: string, version: number, set: Partial<VersionRow>): Promise<void> {
    await trx.updateTable('service_item_versions').set(set).where('code', '=', code).where('version', '=', version).execute();
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('service_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
