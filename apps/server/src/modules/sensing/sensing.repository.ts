import type { Kysely, Transaction } from 'kysely';
import type { DialectHelper } from '@jing/db';

export interface NetworkRow {
  id: number;
  code: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  created_at: string;
  key_rotated_at: string | null;
}

export interface DeviceRow {
  id: number;
  code: string;
  network_id: number;
  type: string;
  name: string | null;
  lng: number | null;
  lat: number | null;
  district_code: string | null;
  district_name: string | null;
  street_code: string | null;
  street_name: string | null;
  /** Comma-separated pollutant keys. */
  pollutants: string;
  interval_seconds: number;
  calibration_notes: string | null;
  created_at: string;
  updated_at: string;
}

/** A device with its network's code, as most reads want it. */
export type DeviceWithNetwork = DeviceRow & { network_code: string };

export interface DeviceFilter {
  networkId?: number;
  type?: string;
  districtCode?: string;
}

interface Tables {
  sensing_networks: NetworkRow;
  sensing_devices: DeviceRow;
}

// Lock keys for id allocation on PostgreSQL (SQLite's single writer already serialises it).
const LOCK = { sensing_networks: 0x5e4501, sensing_devices: 0x5e4502 } as const;

/** The only SQL of the sensing registry: networks and devices. */
export class SensingRepository {
  private readonly db: Kysely<Tables>;
  constructor(
    db: Kysely<any>,
    private readonly dialect: DialectHelper,
  ) {
    this.db = db;
  }

  private t(trx?: Transaction<any>) {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  /** The next free id of a table; the lock holds it for the caller's transaction, which may take a run of ids from it. */
  async nextId(trx: Transaction<any>, table: keyof typeof LOCK): Promise<number> {
    await this.dialect.lockResource(trx, LOCK[table]);
    const row = await this.t(trx).selectFrom(table).select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  async insertNetwork(trx: Transaction<any>, row: NetworkRow): Promise<void> {
    await this.t(trx).insertInto('sensing_networks').values(row).execute();
  }

  network(code: string, trx?: Transaction<any>): Promise<NetworkRow | undefined> {
    return this.t(trx).selectFrom('sensing_networks').selectAll().where('code', '=', code).executeTakeFirst();
  }

  networkByKeyHash(hash: string): Promise<NetworkRow | undefined> {
    return this.db.selectFrom('sensing_networks').selectAll().where('key_hash', '=', hash).executeTakeFirst();
  }

  async listNetworks(): Promise<(NetworkRow & { devices: number })[]> {
    const rows = await this.db
      .selectFrom('sensing_networks as n')
      .leftJoin('sensing_devices as d', 'd.network_id', 'n.id')
      .selectAll('n')
      .select((eb) => eb.fn.count<number>('d.id').as('devices'))
      .groupBy(['n.id', 'n.code', 'n.name', 'n.key_hash', 'n.key_prefix', 'n.created_at', 'n.key_rotated_at'])
      .orderBy('n.code')
      .execute();
    return rows.map((r) => ({ ...r, devices: Number(r.devices) }));
  }

  async setKey(trx: Transaction<any>, id: number, hash: string, prefix: string, at: string): Promise<void> {
    await this.t(trx).updateTable('sensing_networks').set({ key_hash: hash, key_prefix: prefix, key_rotated_at: at }).where('id', '=', id).execute();
  }

  async insertDevices(trx: Transaction<any>, rows: DeviceRow[]): Promise<void> {
    const size = this.dialect.batchRows(16);
    for (let i = 0; i < rows.length; i += size) await this.t(trx).insertInto('sensing_devices').values(rows.slice(i, i + size)).execute();
  }

  async updateDevice(trx: Transaction<any>, id: number, patch: Partial<DeviceRow>): Promise<void> {
    await this.t(trx).updateTable('sensing_devices').set(patch).where('id', '=', id).execute();
  }

  private devices(trx?: Transaction<any>) {
    return this.t(trx).selectFrom('sensing_devices as d').innerJoin('sensing_networks as n', 'n.id', 'd.network_id').selectAll('d').select('n.code as network_code');
  }

  device(code: string, trx?: Transaction<any>): Promise<DeviceWithNetwork | undefined> {
    return this.devices(trx).where('d.code', '=', code).executeTakeFirst();
  }

  devicesByCodes(codes: string[]): Promise<DeviceWithNetwork[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.devices().where('d.code', 'in', codes).execute();
  }

  /** Codes among `codes` that are already registered. */
  async existingCodes(trx: Transaction<any>, codes: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const size = this.dialect.batchRows(1);
    for (let i = 0; i < codes.length; i += size) {
      const rows = await this.t(trx).selectFrom('sensing_devices').select('code').where('code', 'in', codes.slice(i, i + size)).execute();
      for (const r of rows) out.add(r.code);
    }
    return out;
  }

  async listDevices(f: DeviceFilter, limit: number, offset: number): Promise<{ items: DeviceWithNetwork[]; total: number }> {
    let q = this.devices();
    let c = this.db.selectFrom('sensing_devices as d').select((eb) => eb.fn.countAll<number>().as('n'));
    if (f.networkId !== undefined) (q = q.where('d.network_id', '=', f.networkId)), (c = c.where('d.network_id', '=', f.networkId));
    if (f.type) (q = q.where('d.type', '=', f.type)), (c = c.where('d.type', '=', f.type));
    if (f.districtCode) (q = q.where('d.district_code', '=', f.districtCode)), (c = c.where('d.district_code', '=', f.districtCode));
    const [items, total] = await Promise.all([q.orderBy('d.code').limit(limit).offset(offset).execute(), c.executeTakeFirstOrThrow()]);
    return { items, total: Number(total.n) };
  }
}
