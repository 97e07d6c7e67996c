import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import { SENSING_POLLUTANTS, type DeviceType, type NewDevice, type Permission, type SensingDevice, type SensingPollutant } from '@jing/contracts';
import { holds, type Caller } from '../../platform/auth/context.ts';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import { hashKey, type DeviceDirectory } from './directory.ts';
import { HOUR_MS, type ReadingsRepository } from './readings.repository.ts';
import type { RollupService } from './rollup.service.ts';
import type { DeviceRow, DeviceWithNetwork, NetworkRow, SensingRepository } from './sensing.repository.ts';

type Ref = { code: string; name: string };

export interface SensingDeps {
  db: Kysely<any>;
  repo: SensingRepository;
  readings: ReadingsRepository;
  rollups: RollupService;
  directory: DeviceDirectory;
  audit: AuditLog;
  /** District and street of a point (the geo module). */
  locate(lng: number, lat: number): Promise<{ district: Ref | null; street: Ref | null }>;
  clock?: () => number;
}

/** A device row for bulk registration (CSV import, the air-data import). */
export interface DeviceImportRow {
  code: string;
  network: string;
  type: DeviceType;
  lng?: number | null;
  lat?: number | null;
  name?: string | null;
}

const DEFAULTS: Record<DeviceType, { pollutants: SensingPollutant[]; intervalSeconds: number }> = {
  station: { pollutants: [...SENSING_POLLUTANTS], intervalSeconds: 3600 },
  micro: { pollutants: ['pm25', 'pm10'], intervalSeconds: 60 },
  dust: { pollutants: ['pm10', 'pm25'], intervalSeconds: 60 },
};
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

const newKey = () => `jsk_${randomBytes(24).toString('base64url')}`;

/** The sensing registry: monitoring networks with their API keys, and their devices. */
export class SensingService {
  private readonly clock: () => number;
  constructor(private readonly deps: SensingDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  /** The CLI and jobs call as the system; HTTP callers must hold the permission (the route checks it too). */
  private authorize(caller: Caller, permission: Permission): void {
    if (caller.auth && !holds(caller.auth, permission)) throw forbidden(`requires permission ${permission}`);
  }

  async createNetwork(caller: Caller, input: { code: string; name?: string | undefined }) {
    this.authorize(caller, 'sensing.manage');
    if (!CODE.test(input.code)) throw invalidField('body.code', 'letters, digits, _ . - only');
    const apiKey = newKey();
    const row = await inTransaction(this.deps.db, async (trx) => {
      if (await this.deps.repo.network(input.code, trx)) throw conflict(`network ${input.code} exists`);
      const row: NetworkRow = {
        id: await this.deps.repo.nextId(trx, 'sensing_networks'),
        code: input.code,
        name: input.name ?? input.code,
        key_hash: hashKey(apiKey),
        key_prefix: apiKey.slice(0, 8),
        created_at: nowIso(this.clock),
        key_rotated_at: null,
      };
      await this.deps.repo.insertNetwork(trx, row);
      await this.deps.audit.record(trx, caller, { action: 'sensing.network.create', targetType: 'sensing_network', targetId: row.code, after: { name: row.name } });
      return row;
    });
    return { ...networkView(row, 0), apiKey };
  }

  async listNetworks(caller: Caller) {
    this.authorize(caller, 'sensing.read');
    return (await this.deps.repo.listNetworks()).map((r) => networkView(r, r.devices));
  }

  /** A new key for a network; the old one stops working at once. */
  async rotateKey(caller: Caller, code: string) {
    this.authorize(caller, 'sensing.manage');
    const apiKey = newKey();
    const row = await inTransaction(this.deps.db, async (trx) => {
      const row = await this.deps.repo.network(code, trx);
      if (!row) throw notFound('network', code);
      const at = nowIso(this.clock);
      await this.deps.repo.setKey(trx, row.id, hashKey(apiKey), apiKey.slice(0, 8), at);
      await this.deps.audit.record(trx, caller, { action: 'sensing.network.rotate_key', targetType: 'sensing_network', targetId: code });
      return { ...row, key_prefix: apiKey.slice(0, 8) };
    });
    this.deps.directory.keysChanged();
    const devices = (await this.deps.repo.listNetworks()).find((n) => n.code === code)?.devices ?? 0;
    return { ...networkView(row, devices), apiKey };
  }

  /** The network, created with a new key when missing (the air-data import's `national` network). */
  async ensureNetwork(caller: Caller, code: string, name: string): Promise<{ code: string; created: boolean }> {
    if (await this.deps.repo.network(code)) return { code, created: false };
    await this.createNetwork(caller, { code, name });
    return { code, created: true };
  }

  /** A network's id and code (for ingestion on the system's behalf, e.g. the air-data import). */
  async networkRef(code: string): Promise<{ id: number; code: string }> {
    const n = await this.deps.repo.network(code);
    if (!n) throw notFound('network', code);
    return { id: n.id, code: n.code };
  }

  async createDevice(caller: Caller, input: NewDevice): Promise<SensingDevice> {
    this.authorize(caller, 'sensing.manage');
    const { imported, skipped } = await this.registerDevices(caller, [{ ...input, type: input.type ?? 'micro' }], {
      pollutants: input.pollutants,
      intervalSeconds: input.intervalSeconds,
      calibrationNotes: input.calibrationNotes,
    });
    const s = skipped[0];
    if (s) throw s.reason.startsWith('exists') ? conflict(`device ${input.code} exists`) : invalidField(s.reason.startsWith('network') ? 'body.network' : 'body', s.reason);
    void imported;
    return this.getDevice(caller, input.code);
  }

  /**
   * Registers devices in one transaction; rows that cannot be registered are skipped with a reason (by their
   * index in `rows`). Locations are resolved to district and street.
   */
  async registerDevices(
    caller: Caller,
    rows: DeviceImportRow[],
    extra: { pollutants?: SensingPollutant[] | undefined; intervalSeconds?: number | undefined; calibrationNotes?: string | undefined } = {},
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ imported: number; skipped: { index: number; code: string; reason: string }[] }> {
    this.authorize(caller, 'sensing.manage');
    const skipped: { index: number; code: string; reason: string }[] = [];
    const now = nowIso(this.clock);
    const networks = new Map<string, NetworkRow | null>();
    const located: { index: number; row: DeviceImportRow; place: { district: Ref | null; street: Ref | null } }[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const bad = (reason: string) => skipped.push({ index: i, code: r.code, reason });
      if (!CODE.test(r.code ?? '')) { bad('code: letters, digits, _ . - only'); continue; }
      if (seen.has(r.code)) { bad('exists: the code appears twice in the input'); continue; }
      if (!DEFAULTS[r.type]) { bad(`type: must be station, micro or dust, got ${r.type}`); continue; }
      const hasLng = r.lng !== undefined && r.lng !== null;
      const hasLat = r.lat !== undefined && r.lat !== null;
      if (hasLng !== hasLat || (hasLng && !(Math.abs(r.lng!) <= 180 && Math.abs(r.lat!) <= 90))) { bad('lng/lat: give both, as WGS84 degrees'); continue; }
      if (!networks.has(r.network)) networks.set(r.network, (await this.deps.repo.network(r.network)) ?? null);
      if (!networks.get(r.network)) { bad(`network ${r.network} does not exist`); continue; }
      seen.add(r.code);
      located.push({ index: i, row: r, place: hasLng ? await this.deps.locate(r.lng!, r.lat!) : { district: null, street: null } });
    }
    const added: DeviceWithNetwork[] = [];
    await inTransaction(this.deps.db, async (trx) => {
      const existing = await this.deps.repo.existingCodes(trx, located.map((l) => l.row.code));
      let id = await this.deps.repo.nextId(trx, 'sensing_devices');
      const batch: DeviceRow[] = [];
      for (const { index, row: r, place } of located) {
        if (existing.has(r.code)) {
          skipped.push({ index, code: r.code, reason: 'exists: a device with this code is registered' });
          continue;
        }
        const d = DEFAULTS[r.type];
        const row: DeviceRow = {
          id: id++,
          code: r.code,
          network_id: networks.get(r.network)!.id,
          type: r.type,
          name: r.name ?? null,
          lng: r.lng ?? null,
          lat: r.lat ?? null,
          district_code: place.district?.code ?? null,
          district_name: place.district?.name ?? null,
          street_code: place.street?.code ?? null,
          street_name: place.street?.name ?? null,
          pollutants: (extra.pollutants ?? d.pollutants).join(','),
          interval_seconds: extra.intervalSeconds ?? d.intervalSeconds,
          calibration_notes: extra.calibrationNotes ?? null,
          created_at: now,
          updated_at: now,
        };
        batch.push(row);
        added.push({ ...row, network_code: r.network });
      }
      const chunk = 1000;
      for (let i = 0; i < batch.length; i += chunk) {
        await this.deps.repo.insertDevices(trx, batch.slice(i, i + chunk));
        onProgress?.(Math.min(i + chunk, batch.length), batch.length);
      }
      if (batch.length === 1) await this.deps.audit.record(trx, caller, { action: 'sensing.device.create', targetType: 'sensing_device', targetId: batch[0]!.code, unitCode: batch[0]!.district_code, after: { network: added[0]!.network_code, type: batch[0]!.type } });
      else if (batch.length > 1) await this.deps.audit.record(trx, caller, { action: 'sensing.device.import', targetType: 'sensing_device', targetId: `${batch[0]!.code}…`, after: { count: batch.length } });
    });
    if (added.length === 0) onProgress?.(0, 0);
    for (const d of added) this.deps.directory.added({ id: d.id, code: d.code, networkId: d.network_id, networkCode: d.network_code });
    skipped.sort((a, b) => a.index - b.index);
    return { imported: added.length, skipped };
  }

  async updateDevice(
    caller: Caller,
    code: string,
    patch: { name?: string | null | undefined; pollutants?: SensingPollutant[] | undefined; intervalSeconds?: number | undefined; calibrationNotes?: string | null | undefined },
  ): Promise<SensingDevice> {
    this.authorize(caller, 'sensing.manage');
    await inTransaction(this.deps.db, async (trx) => {
      const d = await this.deps.repo.device(code, trx);
      if (!d) throw notFound('device', code);
      const set: Partial<DeviceRow> = { updated_at: nowIso(this.clock) };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.pollutants) set.pollutants = patch.pollutants.join(',');
      if (patch.intervalSeconds) set.interval_seconds = patch.intervalSeconds;
      if (patch.calibrationNotes !== undefined) set.calibration_notes = patch.calibrationNotes;
      await this.deps.repo.updateDevice(trx, d.id, set);
      await this.deps.audit.record(trx, caller, { action: 'sensing.device.update', targetType: 'sensing_device', targetId: code, unitCode: d.district_code, before: pick(d, set), after: set });
    });
    return this.getDevice(caller, code);
  }

  /** A device row by code (for the air module); null when not registered. */
  async findDevice(code: string): Promise<DeviceWithNetwork | null> {
    return (await this.deps.repo.device(code)) ?? null;
  }

  async getDevice(caller: Caller, code: string): Promise<SensingDevice> {
    this.authorize(caller, 'sensing.read');
    const d = await this.deps.repo.device(code);
    if (!d) throw notFound('device', code);
    return (await this.withStatus([d]))[0]!;
  }

  async listDevices(caller: Caller, f: { network?: string | undefined; type?: DeviceType | undefined; district?: string | undefined; limit: number; offset: number }) {
    this.authorize(caller, 'sensing.read');
    let networkId: number | undefined;
    if (f.network) {
      const n = await this.deps.repo.network(f.network);
      if (!n) return { items: [], total: 0 };
      networkId = n.id;
    }
    const page = await this.deps.repo.listDevices({ networkId, type: f.type, districtCode: f.district }, f.limit, f.offset);
    return { items: await this.withStatus(page.items), total: page.total };
  }

  /** Every device of a type, without status (the air module's station list). */
  async devicesOfType(type: DeviceType): Promise<DeviceWithNetwork[]> {
    const out: DeviceWithNetwork[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.deps.repo.listDevices({ type }, 500, offset);
      out.push(...page.items);
      if (page.items.length < 500) return out;
    }
  }

  private async withStatus(rows: DeviceWithNetwork[]): Promise<SensingDevice[]> {
    await this.deps.rollups.runPending();
    const ids = rows.map((r) => r.id);
    const sinceHour = Math.floor((this.clock() - 24 * HOUR_MS) / HOUR_MS) + 1;
    const [status, counts] = await Promise.all([this.deps.readings.status(ids), this.deps.readings.countsSince(ids, sinceHour)]);
    return rows.map((r) => {
      const expected = Math.max(1, Math.floor(86400 / r.interval_seconds));
      const received = counts.get(r.id) ?? 0;
      const last = status.get(r.id)?.last;
      return {
        ...deviceView(r),
        status: {
          lastSeenAt: last === undefined ? null : new Date(last).toISOString(),
          readings24h: received,
          expected24h: expected,
          completeness24h: Math.min(1, received / expected),
        },
      };
    });
  }

  /** Raw readings of a device with their flags; at most 7 days. */
  async readings(caller: Caller, code: string, from: string, to: string) {
    this.authorize(caller, 'sensing.read');
    const [lo, hi] = range(from, to, 7 * 24 * HOUR_MS);
    const d = await this.deps.repo.device(code);
    if (!d) throw notFound('device', code);
    return this.deps.readings.readings(d.id, lo, hi);
  }

  /** Hourly rollups of a device; at most 400 days. */
  async hourly(caller: Caller, code: string, from: string, to: string) {
    this.authorize(caller, 'sensing.read');
    const [lo, hi] = range(from, to, 400 * 24 * HOUR_MS);
    const d = await this.deps.repo.device(code);
    if (!d) throw notFound('device', code);
    return this.hourlyOf(d.id, Math.floor(lo / HOUR_MS), Math.ceil(hi / HOUR_MS));
  }

  /** Hourly rollups of a device by id for hours [fromHour, toHour), up to date (for the air module). */
  async hourlyOf(deviceId: number, fromHour: number, toHour: number) {
    await this.deps.rollups.runPending();
    return this.deps.readings.hourly(deviceId, fromHour, toHour);
  }

  /** Hourly rollups of many devices for hours [fromHour, toHour), up to date (the air alerts' evaluation). */
  async hourlyOfMany(deviceIds: number[], fromHour: number, toHour: number) {
    await this.deps.rollups.runPending();
    return this.deps.readings.hourlyMany(deviceIds, fromHour, toHour);
  }

  /**
   * Hourly means of a device by id for hours [fromHour, toHour) as columns, up to date; a value counts only
   * where at least `minCount` readings made it (the air module's bulk read).
   */
  async hourlyColumnsOf(deviceId: number, fromHour: number, toHour: number, minCount: number) {
    await this.deps.rollups.runPending();
    return this.deps.readings.hourlyColumns(deviceId, fromHour, toHour, minCount);
  }

  /** First and last reading times of devices, up to date. */
  async statusOf(deviceIds: number[]) {
    await this.deps.rollups.runPending();
    return this.deps.readings.status(deviceIds);
  }
}

function range(from: string, to: string, max: number): [number, number] {
  const lo = Date.parse(from);
  const hi = Date.parse(to);
  if (!(hi > lo)) throw invalidField('query.to', 'must be after from');
  if (hi - lo > max) throw invalidField('query.to', `the range may span at most ${max / 86_400_000} days`);
  return [lo, hi];
}

function pick(d: DeviceRow, set: Partial<DeviceRow>): Partial<DeviceRow> {
  return Object.fromEntries(Object.keys(set).map((k) => [k, d[k as keyof DeviceRow]]));
}

function networkView(r: NetworkRow, devices: number) {
  return { code: r.code, name: r.name, keyPrefix: r.key_prefix, devices, createdAt: r.created_at };
}

export function deviceView(r: DeviceWithNetwork): Omit<SensingDevice, 'status'> {
  return {
    code: r.code,
    network: r.network_code,
    type: r.type as DeviceType,
    name: r.name,
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
    district: r.district_code ? { code: r.district_code, name: r.district_name ?? r.district_code } : null,
    street: r.street_code ? { code: r.street_code, name: r.street_name ?? r.street_code } : null,
    pollutants: r.pollutants.split(',').filter(Boolean) as SensingPollutant[],
    intervalSeconds: Number(r.interval_seconds),
    calibrationNotes: r.calibration_notes,
    createdAt: r.created_at,
  };
}
