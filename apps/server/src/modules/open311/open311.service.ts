import { randomBytes, randomUUID } from 'node:crypto';
import { sha256 } from '../../platform/hash.ts';
import type { Kysely } from 'kysely';
import { inTransaction, nowIso } from '@jing/db';
import type { Caller } from '../../platform/auth/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { CaseService } from '../cases/index.ts';
import type { CaseRepository } from '../cases/cases.repository.ts';

interface KeyRow {
  id: string;
  name: string;
  key_hash: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  requests: number;
}

/** A GeoReport v2 error: HTTP status and the description shown to the user. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const hashKey = (k: string) => sha256(k);
const one = (v: unknown): string | undefined => (Array.isArray(v) ? one(v[0]) : typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const CASE_TYPES = new Set(['consult', 'help', 'complaint', 'report', 'suggestion']);

/**
 * Open311 GeoReport v2 over the 接诉即办 cases: services are the dispatch
 * catalogue's leaves, requests are cases. Realtime only: every POST returns
 * a service_request_id (the case's tracking number), never a token.
 */
export class Open311Service {
  constructor(
    private readonly db: Kysely<any>,
    private readonly cases: CaseService,
    private readonly caseRepo: CaseRepository,
    private readonly audit: AuditLog,
    private readonly streets: () => Promise<{ code: string; name: string }[]>,
    private readonly clock: () => number = Date.now,
  ) {}

  async createKey(caller: Caller, name: string) {
    const apiKey = `o311_${randomBytes(24).toString('base64url')}`;
    const row: KeyRow = { id: randomUUID(), name, key_hash: hashKey(apiKey), created_by: caller.auth?.actor.id ?? null, created_at: nowIso(this.clock), revoked_at: null, requests: 0 };
    await inTransaction(this.db, async (trx) => {
      await trx.insertInto('open311_keys').values(row).execute();
      await this.audit.record(trx, caller, { action: 'open311.key.create', targetType: 'open311_key', targetId: row.id, after: { name } });
    });
    return { id: row.id, name, apiKey, createdAt: row.created_at };
  }

  async listKeys() {
    const rows = (await this.db.selectFrom('open311_keys').selectAll().orderBy('created_at').execute()) as KeyRow[];
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at, requests: Number(r.requests) }));
  }

  private async app(apiKey: string | undefined): Promise<KeyRow> {
    if (!apiKey) throw new Open311Error(403, 'api_key is required to create a request');
    const row = (await this.db.selectFrom('open311_keys').selectAll().where('key_hash', '=', hashKey(apiKey)).executeTakeFirst()) as KeyRow | undefined;
    if (!row || row.revoked_at) throw new Open311Error(403, 'Invalid api_key received -- can not proceed with create_request');
    return row;
  }

  services() {
    const cat = this.cases.deps.catalogue;
    return cat.categories
      .filter((c) => c.handler)
      .map((c) => ({
        service_code: c.code,
        service_name: c.name['zh-CN'],
        description: `${c.name['zh-CN']} (${c.name.en})`,
        metadata: false,
        type: 'realtime',
        keywords: [c.name.en.toLowerCase()].join(','),
        group: c.parent ? (cat.get(c.parent)?.name['zh-CN'] ?? c.parent) : '',
      }));
  }

  service(code: string) {
    if (!this.cases.deps.catalogue.leaf(code)) throw new Open311Error(404, `service_code ${code} not found`);
    return { service_code: code, attributes: [] as unknown[] };
  }

  async createRequest(body: Record<string, unknown>) {
    const app = await this.app(one(body.api_key));
    const serviceCode = one(body.service_code);
    if (!serviceCode) throw new Open311Error(400, 'service_code is required');
    if (!this.cases.deps.catalogue.leaf(serviceCode)) throw new Open311Error(404, `service_code ${serviceCode} not found`);
    const lat = one(body.lat);
    const lng = one(body.long);
    const address = one(body.address_string);
    let location: { lng: number; lat: number } | undefined;
    let streetCode: string | undefined;
    if (lat !== undefined || lng !== undefined) {
      const la = Number(lat);
      const lo = Number(lng);
      if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || Math.abs(lo) > 180) throw new Open311Error(400, 'lat and long must both be WGS84 decimal degrees');
      location = { lng: lo, lat: la };
    } else if (address) {
      // No geocoder: an address that names a street or town of the city places the case there.
      const match = (await this.streets()).find((s) => address.includes(s.name) || address.includes(s.name.replace(/(街道|地区|镇|乡)$/, '')));
      if (!match) throw new Open311Error(400, 'address_string does not name a street or town of the city; send lat and long');
      streetCode = match.code;
    } else throw new Open311Error(400, 'a location is required: lat and long, or address_string');
    const street = one(body['attribute[street_code]']);
    if (street) streetCode = street;
    const type = one(body['attribute[type]']) ?? 'report';
    if (!CASE_TYPES.has(type)) throw new Open311Error(400, 'attribute[type] must be one of consult, help, complaint, report, suggestion');
    const description = one(body.description) ?? this.cases.deps.catalogue.leaf(serviceCode)!.name['zh-CN'];
    if (description.length > 4000) throw new Open311Error(400, 'description may have at most 4000 characters');
    const name = [one(body.last_name), one(body.first_name)].filter(Boolean).join('') || null;
    const phoneRaw = one(body.phone);
    const phone = phoneRaw && /^1[3-9][0-9]{9}$/.test(phoneRaw) ? phoneRaw : null;
    const mediaUrl = one(body.media_url);
    if (mediaUrl && !/^https?:\/\/\S{1,2000}$/.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http(s) URL');
    const caller: Caller = { auth: null, requestId: null };
    let row;
    try {
      row = await this.cases.intake(
        caller,
        { type, categoryCode: serviceCode, description: description.length >= 5 ? description : `${description}（Open311）`, location, streetCode, anonymous: false },
        { channel: 'open311', reporterId: null, name, phone, keyOwner: `open311:${app.id}` },
        undefined,
        { location: 'lat', street: 'address_string', category: 'service_code' },
      );
    } catch (err) {
      if (err instanceof DomainError && err.code === 'validation_failed') throw new Open311Error(400, err.message.replace(/^body\./, ''));
      throw err;
    }
    await this.db.updateTable('open311_keys').set((eb) => ({ requests: eb('requests', '+', 1) })).where('id', '=', app.id).execute();
    if (mediaUrl) await inTransaction(this.db, (trx) => this.cases.event(trx, caller, row.id, 'media', null, mediaUrl));
    return [{ service_request_id: row.number, service_notice: `已受理，请凭编号 ${row.number} 查询办理进度`, account_id: null }];
  }

  async requests(q: Record<string, unknown>) {
    const ids = one(q.service_request_id);
    let rows;
    if (ids) rows = await this.caseRepo.byNumbers(ids.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 200));
    else {
      const now = this.clock();
      const end = one(q.end_date) ? Date.parse(one(q.end_date)!) : now;
      const start = one(q.start_date) ? Date.parse(one(q.start_date)!) : end - 90 * 86400_000;
      if (Number.isNaN(start) || Number.isNaN(end)) throw new Open311Error(400, 'start_date and end_date must be W3C date-times');
      if (end - start > 90 * 86400_000) throw new Open311Error(400, 'the date range may not span more than 90 days');
      const statuses = (one(q.status) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed');
      const closed = statuses.length === 1 ? statuses[0] === 'closed' : undefined;
      const codes = one(q.service_code)?.split(',').map((s) => s.trim()).filter(Boolean);
      rows = await this.caseRepo.query({ categories: codes, from: new Date(start).toISOString(), to: new Date(end).toISOString(), closed, limit: 1000 });
    }
    return Promise.all(rows.map((r) => this.toRequest(r)));
  }

  async request(number: string) {
    const [row] = await this.caseRepo.byNumbers([number]);
    if (!row) throw new Open311Error(404, `service_request_id ${number} not found`);
    return [await this.toRequest(row)];
  }

  token(token: string): never {
    throw new Open311Error(404, `token ${token} not found (this endpoint is realtime: requests get an id at once)`);
  }

  private async toRequest(r: Awaited<ReturnType<CaseRepository['get']>> & object) {
    const cat = this.cases.deps.catalogue.get(r.category_code);
    const closed = r.status === 'closed' || r.status === 'answered';
    const events = await this.caseRepo.events(r.id);
    const last = events.at(-1);
    return {
      service_request_id: r.number,
      status: closed ? 'closed' : 'open',
      status_notes: last ? `${last.type}` : null,
      service_name: cat?.name['zh-CN'] ?? r.category_code,
      service_code: r.category_code,
      // Only what was posted to this public API is shown publicly; other channels' words stay private.
      description: r.channel === 'open311' ? r.description : null,
      agency_responsible: r.handler_unit_code ? await this.cases.deps.unitName(r.handler_unit_code) : null,
      service_notice: null,
      requested_datetime: r.created_at,
      updated_datetime: r.closed_at ?? r.updated_at,
      expected_datetime: r.resolve_due_at,
      address: r.address,
      address_id: null,
      zipcode: null,
      lat: r.lat,
      long: r.lng,
      media_url: events.find((e) => e.type === 'media')?.text ?? null,
    };
  }
}
