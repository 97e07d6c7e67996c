import type { Kysely, Transaction } from 'kysely';
import { nowIso, type DialectHelper } from '@jing/db';
import type { CaseStatus } from '@jing/contracts';
import { covers, holds, type Caller } from '../../platform/auth/context.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import { DomainError, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { sortableId } from '../../platform/ids.ts';
import type { AuditLog } from '../audit/index.ts';
import type { InboxService } from '../inbox/index.ts';
import { toLocalDate, type WorkingCalendar } from '../calendar/index.ts';
import type { Catalogue, Category, LimitSpec } from './catalogue.ts';
import type { AttachmentRow, CaseEventRow, CaseRepository, CaseRow } from './cases.repository.ts';
import { GroupCommit } from '../../platform/group-commit.ts';
import { boxAround, cellsCovering, gridCell, metresBetween } from './geo-distance.ts';

export interface CaseDeps {
  db: Kysely<any>;
  /** Checks that uploaded file ids belong to the caller; names the first bad one. */
  ownFiles(caller: Caller, ids: string[], field: string): Promise<{ id: string; content_type: string }[]>;
  dialect: DialectHelper;
  repo: CaseRepository;
  audit: AuditLog;
  inbox: InboxService;
  calendar: WorkingCalendar;
  catalogue: Catalogue;
  crypto: FieldCrypto;
  timeZone: string;
  cityCode: string;
  locate(lng: number, lat: number): Promise<{ district: { code: string } | null; street: { code: string } | null }>;
  unitPath(code: string, trx?: Transaction<any>): Promise<string | null>;
  unitName(code: string): Promise<string>;
  parentOf(code: string): Promise<string | null>;
  agencyOf(parentCode: string, agencyType: string): Promise<{ code: string } | null>;
  clock?: () => number;
}

export interface Submission {
  type: string;
  categoryCode: string;
  description: string;
  location?: { lng: number; lat: number };
  streetCode?: string;
  address?: string;
  anonymous: boolean;
  caller?: { name: string; phone: string };
  photos?: string[];
}

const TYPE_NAMES: Record<string, string> = { consult: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议' };
export const caseLink = (id: string) => `/ban/cases/${id}`;
/** A tracking number, e.g. 12345-20261128-000042. */
const TRACKING_NUMBER = /^12345-[0-9]{8}-[0-9]{6}$/;

/** What an intake wrote beside the case: a fresh case has no links or participants yet. */
export interface Known {
  events: CaseEventRow[];
  attachments: AttachmentRow[];
}

/** Where a case came from and who reported it. */
export interface Source {
  channel: 'tong' | 'hotline' | 'open311';
  reporterId: string | null;
  name: string | null;
  phone: string | null;
  /** Whose idempotency keys these are (the account, or the Open311 app). */
  keyOwner: string;
}

const FIELDS = { location: 'body.location', street: 'body.streetCode', category: 'body.categoryCode' };

/** YYYY-MM-DD of an instant in the city's time zone (the calendar keeps one formatter per zone). */
const localDay = (iso: string, tz: string): string => toLocalDate(iso, tz);

/**
 * 接诉即办 intake and reading: every request is located, matched to the
 * dispatch catalogue, sent straight to the responsible street or agency
 * (直派) with its deadlines, and flagged when it looks like a duplicate.
 */
export class CaseService {
  readonly clock: () => number;
  /** Intakes share transactions (group commit, ADR 0014). */
  readonly commits: GroupCommit;
  constructor(readonly deps: CaseDeps) {
    this.clock = deps.clock ?? Date.now;
    this.commits = new GroupCommit(deps.db);
  }

  /** The due instant of a limit counted from `start` on the city's calendar. */
  due(start: string, limit: LimitSpec): string {
    const { calendar, timeZone } = this.deps;
    if ('hours' in limit) return calendar.addHours(start, limit.hours);
    // A day limit ends at the end of the n-th (working) day after the start
    // day, so it depends only on the start's local date: remembered per date
    // (every intake computes three deadlines; ADR 0014).
    const key = `${localDay(start, timeZone)}|${'calendarDays' in limit ? `c${limit.calendarDays}` : `w${limit.workingDays}`}`;
    let due = this.dayDues.get(key);
    if (due === undefined) {
      due = 'calendarDays' in limit ? calendar.addCalendarDays(start, limit.calendarDays, timeZone) : calendar.addWorkingDays(start, limit.workingDays, timeZone);
      if (this.dayDues.size >= 1000) this.dayDues.clear();
      this.dayDues.set(key, due);
    }
    return due;
  }
  private readonly dayDues = new Map<string, string>();

  /** The unit that handles a category at a place: the street, or the district's (else the city's) agency. */
  async handlerFor(category: Category, districtCode: string | null, streetCode: string | null, field: string): Promise<string> {
    if (category.handler === 'street') {
      if (!streetCode) throw invalidField(field, `is required for ${category.name['zh-CN']}: no street boundary covers this location, so name the street (streetCode)`);
      return streetCode;
    }
    const type = category.handler!.slice('agency:'.length);
    const agency = (districtCode ? await this.deps.agencyOf(districtCode, type) : null) ?? (await this.deps.agencyOf(this.deps.cityCode, type));
    if (!agency) throw new DomainError('unavailable', `no ${type} agency is set up to handle ${category.code}`);
    return agency.code;
  }

  /** A submission by a signed-in resident or business (Tong), or by an operator for a caller (hotline). */
  async submit(caller: Caller, input: Submission, idempotencyKey?: string) {
    const auth = caller.auth!;
    const principal = auth.principal;
    const operator = holds(auth, 'cases.intake');
    if (input.caller && !operator) throw invalidField('body.caller', 'only hotline operators take cases for callers');
    if (principal.kind === 'staff' && !input.caller) throw invalidField('body.caller', 'is required when staff take a case (who called?)');
    const source: Source = input.caller
      ? { channel: 'hotline', reporterId: null, name: input.caller.name, phone: input.caller.phone, keyOwner: principal.id }
      : { channel: 'tong', reporterId: principal.id, name: principal.displayName, phone: null, keyOwner: principal.id };
    return this.take(caller, input, source, idempotencyKey);
  }

  /** Takes in a case from any channel: validate, locate, dispatch, record. */
  async intake(caller: Caller, input: Submission, source: Source, idempotencyKey?: string, fields: { location: string; street: string; category: string } = FIELDS): Promise<CaseRow> {
    return (await this.take(caller, input, source, idempotencyKey, fields)).row;
  }

  /**
   * Intake, returning also what it wrote beside the case (its first events and
   * photos), so the answer needs no reads back (`known` is null when an
   * idempotency key returned an earlier case).
   */
  async take(caller: Caller, input: Submission, source: Source, idempotencyKey?: string, fields: { location: string; street: string; category: string } = FIELDS): Promise<{ row: CaseRow; known: Known | null }> {
    const key = idempotencyKey ? `${source.keyOwner}:${idempotencyKey}` : null;
    if (key) {
      const first = await this.deps.repo.byIdempotencyKey(key);
      if (first) return { row: first, known: null };
    }
    const category = this.deps.catalogue.leaf(input.categoryCode);
    if (!category) throw invalidField(fields.category, `unknown category ${input.categoryCode} (use a leaf of GET /api/v1/cases/categories)`);

    let districtCode: string | null = null;
    let streetCode: string | null = null;
    if (input.location) {
      const here = await this.deps.locate(input.location.lng, input.location.lat);
      if (!here.district) throw invalidField(fields.location, 'is outside the city');
      districtCode = here.district.code;
      streetCode = here.street?.code ?? null;
    }
    if (input.streetCode) {
      const path = await this.deps.unitPath(input.streetCode);
      const parent = path ? await this.deps.parentOf(input.streetCode) : null;
      if (!path || !path.includes(`/${this.deps.cityCode}/`) || input.streetCode.length !== 9) throw invalidField(fields.street, 'is not a street or town of the city');
      if (districtCode && parent !== districtCode) throw invalidField(fields.street, 'is not in the district where the location is');
      if (!streetCode) streetCode = input.streetCode;
      districtCode ??= parent;
    }
    if (!districtCode) throw invalidField(fields.location, 'give a location on the map or a streetCode');
    const handler = await this.handlerFor(category, districtCode, streetCode, fields.street);
    const handlerPath = (await this.deps.unitPath(handler))!;
    const photos = input.photos?.length ? await this.deps.ownFiles(caller, input.photos, 'body.photos') : [];
    if (photos.some((p) => !p.content_type.startsWith('image/'))) throw invalidField('body.photos', 'must be images');

    const now = nowIso(this.clock);
    const limits = category.limits!;
    const duplicateOf = input.location ? await this.findDuplicate(category.code, input.location, now) : null;
    const phone = source.phone;
    const row: CaseRow = {
      id: sortableId(),
      number: '',
      type: input.type,
      channel: source.channel,
      category_code: category.code,
      description: input.description,
      lng: input.location?.lng ?? null,
      lat: input.location?.lat ?? null,
      address: input.address ?? null,
      district_code: districtCode,
      street_code: streetCode,
      status: 'dispatched',
      handler_unit_code: handler,
      handler_unit_path: handlerPath,
      anonymous: input.anonymous ? 1 : 0,
      reporter_id: source.reporterId,
      reporter_name: source.name,
      reporter_phone_enc: phone ? this.deps.crypto.encrypt(phone) : null,
      reporter_phone_index: phone ? this.deps.crypto.blindIndex(phone) : null,
      reporter_phone_masked: phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null,
      sign_due_at: this.due(now, limits.sign),
      contact_due_at: this.due(now, limits.contact),
      resolve_due_at: this.due(now, limits.resolve),
      signed_at: null, contacted_at: null, replied_at: null, closed_at: null, contacted_on_time: null, reopened: 0,
      duplicate_of: duplicateOf,
      rating_contacted: null, rating_resolved: null, rating_satisfaction: null,
      month: localDay(now, this.deps.timeZone).slice(0, 7),
      extension_due_at: null,
      extension_reason: null,
      geo_cell: input.location ? gridCell(input.location) : null,
      idempotency_key: key,
      version: 0,
      created_at: now,
      updated_at: now,
    };
    const day = localDay(now, this.deps.timeZone);
    const attachments: AttachmentRow[] = photos.map((p) => ({ case_id: row.id, file_id: p.id, kind: 'photo', content_type: p.content_type, added_by: caller.auth?.actor.id ?? null, added_at: now }));
    let events: CaseEventRow[] = [];
    try {
      // Shares a transaction with the intakes arriving at the same time (group
      // commit, ADR 0014); answered only once that transaction has committed.
      // May run twice (alone, if another write of its batch failed), so it
      // rebuilds everything it writes.
      await this.commits.run(async (trx) => {
        row.number = `12345-${day.replaceAll('-', '')}-${String(await this.deps.repo.nextNumber(trx, day)).padStart(6, '0')}`;
        await this.deps.repo.insert(trx, row);
        events = [
          this.eventRow(caller, row.id, 'submit', null, `${TYPE_NAMES[row.type]} · ${category.name['zh-CN']}`),
          this.eventRow(caller, row.id, 'dispatch', handler, duplicateOf ? 'possible duplicate' : null),
        ];
        await this.deps.repo.insertEvents(trx, events);
        await this.deps.inbox.post(trx, { module: 'cases', kind: 'case.handle', sourceId: row.id, title: `【${TYPE_NAMES[row.type]}】${category.name['zh-CN']}`, summary: row.description.slice(0, 200), link: caseLink(row.id), unitCode: handler, dueAt: row.resolve_due_at });
        await this.deps.repo.bump(trx, row.month, handler, handlerPath, { cases: 1 });
        if (streetCode) await this.deps.repo.bumpCategory(trx, row.month, streetCode, category.code);
        await this.deps.repo.attach(trx, attachments);
        await this.deps.audit.record(trx, caller, { action: 'cases.submit', targetType: 'case', targetId: row.id, unitCode: handler, after: { number: row.number, category: row.category_code, handler, duplicateOf } });
      });
    } catch (err) {
      // Two retries with the same key at once: the loser returns the winner's case.
      if (key && this.deps.dialect.isUniqueViolation(err)) {
        const first = await this.deps.repo.byIdempotencyKey(key);
        if (first) return { row: first, known: null };
      }
      throw err;
    }
    return { row, known: { events, attachments } };
  }

  private async findDuplicate(category: string, at: { lng: number; lat: number }, now: string): Promise<string | null> {
    const { radiusMeters, windowHours } = this.deps.catalogue.duplicate;
    const since = new Date(Date.parse(now) - windowHours * 3600_000).toISOString();
    const box = boxAround(at, radiusMeters);
    const near = await this.deps.repo.nearby(category, since, box, cellsCovering(box));
    const hit = near.find((c) => c.lng !== null && c.lat !== null && metresBetween(at, { lng: c.lng, lat: c.lat }) <= radiusMeters);
    return hit ? (hit.duplicate_of ?? hit.id) : null;
  }

  /** Who may see a case: its reporter, the handling unit, and staff whose cases.read/dispatch scope covers it. */
  canSee(caller: Caller, c: CaseRow, participantUnits: string[] = []): boolean {
    const me = caller.auth?.principal;
    if (!me) return false;
    if (c.reporter_id && c.reporter_id === me.id) return true;
    if (me.kind === 'staff' && me.unitCode === c.handler_unit_code) return true;
    if (me.kind === 'staff' && me.unitCode && participantUnits.includes(me.unitCode)) return true;
    const path = c.handler_unit_path ?? '#';
    return covers(caller.auth, 'cases.read', path) || covers(caller.auth, 'cases.dispatch', path) || (covers(caller.auth, 'cases.intake', path) && !c.reporter_id);
  }

  private async linksView(id: string) {
    const links = await this.deps.repo.links(id);
    const merged = links.find((l) => l.kind === 'merge' && l.from_id === id);
    return {
      mergedInto: merged ? { id: merged.to_id, number: merged.to_number } : null,
      related: links
        .filter((l) => !(l.kind === 'merge' && l.from_id === id))
        .map((l) =>
          l.kind === 'merge'
            ? { id: l.from_id, number: l.from_number, relation: 'merged_from' as const }
            : l.from_id === id
              ? { id: l.to_id, number: l.to_number, relation: 'split_into' as const }
              : { id: l.from_id, number: l.from_number, relation: 'split_from' as const },
        ),
    };
  }

  /** Whether the caller may see a case holding this file (the files module asks). */
  async mayReadFile(caller: Caller, fileId: string): Promise<boolean> {
    for (const id of await this.deps.repo.casesHoldingFile(fileId)) {
      const ok = await this.load(caller, id).then(() => true, () => false);
      if (ok) return true;
    }
    return false;
  }

  /** A case the caller may see, by its id or its tracking number (what people read out on the phone). */
  async load(caller: Caller, idOrNumber: string): Promise<CaseRow> {
    const c = (await this.deps.repo.get(idOrNumber)) ?? (TRACKING_NUMBER.test(idOrNumber) ? (await this.deps.repo.byNumbers([idOrNumber]))[0] : undefined);
    if (!c) throw notFound('case', idOrNumber);
    const participants = (await this.deps.repo.participants(c.id)).map((p) => p.unit_code);
    if (this.canSee(caller, c, participants)) return c;
    // The reporter of a case merged into this one follows it here.
    const me = caller.auth?.principal.id;
    const links = me ? await this.deps.repo.links(c.id) : [];
    if (links.some((l) => l.kind === 'merge' && l.to_id === c.id && l.from_reporter === me)) return c;
    throw notFound('case', idOrNumber);
  }

  /** The case as the API shows it to this caller; `known` (a case just taken in) spares reading back what intake wrote. */
  async view(caller: Caller, c: CaseRow, withEvents = true, known: Known | null = null) {
    const me = caller.auth?.principal;
    const isReporter = !!c.reporter_id && c.reporter_id === me?.id;
    // Anonymous to the handling unit: only the reporter and the 12345 centre see who it was.
    const showReporter = isReporter || !c.anonymous || holds(caller.auth, 'cases.intake') || holds(caller.auth, 'cases.dispatch');
    const category = this.deps.catalogue.get(c.category_code)!;
    const ref = async (code: string | null) => (code ? { code, name: await this.deps.unitName(code) } : null);
    return {
      id: c.id,
      number: c.number,
      type: c.type as 'consult',
      channel: c.channel as 'tong',
      category: { code: category.code, name: category.name },
      description: c.description,
      location: c.lng !== null && c.lat !== null ? { lng: c.lng, lat: c.lat } : null,
      address: c.address,
      district: await ref(c.district_code),
      street: await ref(c.street_code),
      status: c.status,
      handler: await ref(c.handler_unit_code),
      anonymous: c.anonymous === 1,
      reporter: showReporter ? { name: c.reporter_name, phoneMasked: c.reporter_phone_masked } : null,
      signDueAt: c.sign_due_at,
      contactDueAt: c.contact_due_at,
      resolveDueAt: c.resolve_due_at,
      contactedAt: c.contacted_at,
      repliedAt: c.replied_at,
      closedAt: c.closed_at,
      duplicateOf: c.duplicate_of,
      ...(known ? { mergedInto: null, related: [] } : await this.linksView(c.id)),
      attachments: (known ? known.attachments : await this.deps.repo.attachments(c.id)).map((a) => ({ fileId: a.file_id, kind: a.kind, contentType: a.content_type, url: `/api/v1/files/${a.file_id}` })),
      rating: c.rating_satisfaction ? { contacted: c.rating_contacted === 1, resolved: c.rating_resolved === 1, satisfaction: c.rating_satisfaction } : null,
      extension: c.extension_due_at ? { requestedDueAt: c.extension_due_at, reason: c.extension_reason ?? '' } : null,
      participants: await Promise.all(
        (known ? [] : await this.deps.repo.participants(c.id)).map(async (p) => ({
          unit: { code: p.unit_code, name: await this.deps.unitName(p.unit_code) },
          role: p.role,
          invitedAt: p.invited_at,
          checkinDueAt: p.checkin_due_at,
          checkedInAt: p.checked_in_at,
          score: p.score,
        })),
      ),
      version: c.version,
      createdAt: c.created_at,
      events: withEvents
        ? (known ? known.events : await this.deps.repo.events(c.id)).map((e) => ({ at: e.at, type: e.type, actorId: isReporter ? null : e.actor_id, unitCode: e.unit_code, text: e.text }))
        : [],
    };
  }

  async list(caller: Caller, q: { scope: 'mine' | 'unit'; unit?: string; status?: CaseStatus; callerPhone?: string; limit: number }) {
    const me = caller.auth!.principal;
    let rows: CaseRow[];
    if (q.unit && q.scope !== 'unit') throw invalidField('query.unit', 'applies to scope=unit only');
    if (q.callerPhone) {
      if (!holds(caller.auth, 'cases.intake')) throw forbidden('only hotline operators look up callers');
      rows = await this.deps.repo.list({ phoneIndex: this.deps.crypto.blindIndex(q.callerPhone), status: q.status, limit: q.limit });
    } else if (q.scope === 'unit') {
      if (me.kind !== 'staff' || !me.unitCode) throw forbidden('the unit list is for staff');
      const unit = q.unit ?? me.unitCode;
      if (unit !== me.unitCode) {
        // Another unit's cases: for holders of cases.read whose scope covers it; outside the scope it does not exist.
        const path = await this.deps.unitPath(unit);
        if (!path || !covers(caller.auth, 'cases.read', path)) throw notFound('unit', unit);
      }
      rows = await this.deps.repo.list({ handlerUnit: unit, status: q.status, limit: q.limit });
    } else rows = await this.deps.repo.list({ reporterId: me.id, status: q.status, limit: q.limit });
    return Promise.all(rows.map(async (r) => {
      const { events: _e, ...rest } = await this.view(caller, r, false);
      return rest;
    }));
  }

  event(trx: Transaction<any>, caller: Caller, caseId: string, type: string, unitCode: string | null, text: string | null) {
    return this.deps.repo.insertEvent(trx, this.eventRow(caller, caseId, type, unitCode, text));
  }

  private eventRow(caller: Caller, caseId: string, type: string, unitCode: string | null, text: string | null): CaseEventRow {
    return { id: sortableId(), case_id: caseId, at: nowIso(this.clock), type, actor_id: caller.auth?.actor.id ?? null, unit_code: unitCode, text };
  }
}
