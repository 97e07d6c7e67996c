import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { inTransaction, nowIso, type DialectHelper } from '@jing/db';
import type { BodyOf, hallRoutes } from '@jing/contracts';
import { covers, type Caller } from '../../platform/auth/context.ts';
import { conflict, invalidField, notFound, unauthenticated } from '../../platform/errors.ts';
import type { AuditLog } from '../audit/index.ts';
import type { WorkingCalendar } from '../calendar/index.ts';
import type { AppointmentRow, HallRepository, HallRow, SlotRow, WindowRow } from './halls.repository.ts';
import { daysBetween, formatClock, isOpenAt, localNow, opensOn, parseClock, slotTimes } from './hours.ts';

type R = typeof hallRoutes;

/** What the halls module needs from the rest of Jing. */
export interface HallDeps {
  db: Kysely<any>;
  dialect: DialectHelper;
  repo: HallRepository;
  audit: AuditLog;
  calendar: WorkingCalendar;
  timeZone: string;
  org: { unitPath(code: string, trx?: Transaction<any>): Promise<string | null>; unitName(code: string): Promise<string> };
  /** The zh-CN name of a published catalogue item, or null when none is published. */
  itemName(code: string): Promise<string | null>;
  clock?: () => number;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const appointmentCode = () => Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const slotId = (hallId: string, date: string, start: number) => `${hallId}:${date}:${formatClock(start)}`;
const parseItems = (json: string): string[] => JSON.parse(json) as string[];

/** Rejects a day that is not a real calendar date. */
function assertDay(date: string, path: string): void {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw invalidField(path, `${date} is not a calendar date`);
}

/**
 * 政务服务大厅: halls run by org units, their windows and items, and
 * appointments in slots with capacity. The queue (tickets, calls, visits)
 * lives in {@link HallQueue}. Every change is audited in its transaction.
 */
export class HallService {
  /** The clock; tests replace it to stand at a given hour. */
  clock: () => number;

  constructor(readonly deps: HallDeps) {
    this.clock = deps.clock ?? Date.now;
  }

  // ── reading ──

  async list(q: { within?: string; item?: string; q?: string }) {
    const path = q.within ? await this.deps.org.unitPath(q.within) : null;
    if (q.within && !path) throw notFound('org unit', q.within);
    const rows = (await this.deps.repo.halls(path)).filter(
      (h) => (!q.item || parseItems(h.items_json).includes(q.item)) && (!q.q || h.name.includes(q.q) || h.address.includes(q.q)),
    );
    return Promise.all(rows.map((h) => this.summary(h)));
  }

  async get(id: string) {
    return this.view(await this.hall(id));
  }

  /** A hall row or 404. */
  async hall(id: string, trx?: Transaction<any>): Promise<HallRow> {
    const h = await this.deps.repo.hall(id, trx);
    if (!h) throw notFound('hall', id);
    return h;
  }

  isOpenNow(h: HallRow): boolean {
    return h.active === 1 && isOpenAt(h, this.clock(), this.deps.timeZone, this.deps.calendar);
  }

  async summary(h: HallRow) {
    return {
      id: h.id,
      name: h.name,
      nameEn: h.name_en,
      level: h.level,
      unit: { code: h.unit_code, name: await this.deps.org.unitName(h.unit_code) },
      address: h.address,
      location: h.lng != null && h.lat != null ? { lng: h.lng, lat: h.lat } : null,
      phone: h.phone,
      hours: { days: h.open_days, opens: h.opens, closes: h.closes, note: h.hours_note },
      openNow: this.isOpenNow(h),
      active: h.active === 1,
    };
  }

  async view(h: HallRow) {
    const items = parseItems(h.items_json);
    const windows = await this.deps.repo.windows(h.id);
    return {
      ...(await this.summary(h)),
      slotMinutes: h.slot_minutes,
      slotCapacity: h.slot_capacity,
      bookingDays: h.booking_days,
      items: await Promise.all(items.map(async (code) => ({ code, name: (await this.deps.itemName(code)) ?? code }))),
      windows: await this.windowViews(h, windows),
      version: h.version,
    };
  }

  async windowViews(h: HallRow, rows: WindowRow[]) {
    const visits = await this.deps.repo.visits(rows.map((w) => w.current_visit_id).filter((x): x is string => !!x));
    const hallItems = parseItems(h.items_json);
    return rows.map((w) => {
      const v = visits.find((x) => x.id === w.current_visit_id);
      return {
        id: w.id,
        hallId: w.hall_id,
        number: w.number,
        name: w.name,
        kind: w.kind,
        items: w.kind === 'general' ? hallItems : parseItems(w.items_json),
        active: w.active === 1,
        current: v && (v.status === 'called' || v.status === 'serving') ? { visitId: v.id, ticket: v.ticket_label, status: v.status } : null,
        version: w.version,
      };
    });
  }

  // ── administration (halls.manage) ──

  /** A hall within the caller's `halls.manage` scope, or 404. */
  async managed(caller: Caller, id: string, trx?: Transaction<any>): Promise<HallRow> {
    const h = await this.deps.repo.hall(id, trx);
    if (!h || !covers(caller.auth, 'halls.manage', h.unit_path)) throw notFound('hall', id);
    return h;
  }

  private async checkItems(items: string[], path: string, allowed?: string[]): Promise<void> {
    for (const [i, code] of items.entries()) {
      if (allowed && !allowed.includes(code)) throw invalidField(`${path}.${i}`, `${code} is not handled at this hall`);
      if (!allowed && !(await this.deps.itemName(code))) throw invalidField(`${path}.${i}`, `${code} is not a published service item`);
    }
  }

  private checkHours(hours: { opens: string; closes: string }, slotMinutes: number): void {
    if (parseClock(hours.closes) <= parseClock(hours.opens)) throw invalidField('body.hours.closes', 'must be later than the opening time');
    if (parseClock(hours.opens) + slotMinutes > parseClock(hours.closes)) throw invalidField('body.slotMinutes', 'no slot of this length fits between opening and closing');
  }

  async create(caller: Caller, input: BodyOf<R['create']>) {
    const path = await this.deps.org.unitPath(input.unitCode);
    if (!path || !covers(caller.auth, 'halls.manage', path)) throw invalidField('body.unitCode', `${input.unitCode} is not a unit within your scope`);
    this.checkHours(input.hours, input.slotMinutes);
    await this.checkItems(input.items, 'body.items');
    const row: HallRow = {
      id: input.id, name: input.name, name_en: input.nameEn ?? null, level: input.level, unit_code: input.unitCode, unit_path: path,
      address: input.address, lng: input.location?.lng ?? null, lat: input.location?.lat ?? null, phone: input.phone ?? null,
      open_days: input.hours.days, opens: input.hours.opens, closes: input.hours.closes, hours_note: input.hours.note,
      slot_minutes: input.slotMinutes, slot_capacity: input.slotCapacity, booking_days: input.bookingDays,
      items_json: JSON.stringify([...new Set(input.items)]), active: input.active === false ? 0 : 1, version: 0, created_at: nowIso(this.clock),
    };
    await inTransaction(this.deps.db, async (trx) => {
      if (await this.deps.repo.hall(row.id, trx)) throw conflict(`hall ${row.id} already exists`, { id: row.id });
      await this.deps.repo.insertHall(trx, row);
      await this.deps.audit.record(trx, caller, { action: 'halls.create', targetType: 'hall', targetId: row.id, unitCode: row.unit_code, after: { name: row.name, items: input.items.length } });
    });
    return this.get(row.id);
  }

  async update(caller: Caller, id: string, input: BodyOf<R['update']>) {
    const h = await this.managed(caller, id);
    if (h.version !== input.version) throw conflict('the hall changed since you loaded it', { current: h.version });
    const patch: Partial<HallRow> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.nameEn !== undefined) patch.name_en = input.nameEn;
    if (input.address !== undefined) patch.address = input.address;
    if (input.location !== undefined) Object.assign(patch, { lng: input.location?.lng ?? null, lat: input.location?.lat ?? null });
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.hours) Object.assign(patch, { open_days: input.hours.days, opens: input.hours.opens, closes: input.hours.closes, hours_note: input.hours.note });
    if (input.slotMinutes !== undefined) patch.slot_minutes = input.slotMinutes;
    if (input.slotCapacity !== undefined) patch.slot_capacity = input.slotCapacity;
    if (input.bookingDays !== undefined) patch.booking_days = input.bookingDays;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    if (input.items) {
      await this.checkItems(input.items, 'body.items');
      patch.items_json = JSON.stringify([...new Set(input.items)]);
    }
    this.checkHours({ opens: patch.opens ?? h.opens, closes: patch.closes ?? h.closes }, patch.slot_minutes ?? h.slot_minutes);
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.updateHall(trx, id, h.version, patch))) throw conflict('the hall changed since you loaded it');
      await this.deps.audit.record(trx, caller, { action: 'halls.update', targetType: 'hall', targetId: id, unitCode: h.unit_code, before: pick(h, Object.keys(patch)), after: patch });
    });
    return this.get(id);
  }

  async addWindow(caller: Caller, hallId: string, input: BodyOf<R['addWindow']>) {
    const h = await this.managed(caller, hallId);
    if (input.kind === 'item' && input.items.length === 0) throw invalidField('body.items', 'an item window serves at least one item');
    await this.checkItems(input.items, 'body.items', parseItems(h.items_json));
    const row: WindowRow = {
      id: randomUUID(), hall_id: hallId, number: input.number, name: input.name, kind: input.kind,
      items_json: JSON.stringify(input.kind === 'general' ? [] : [...new Set(input.items)]), active: input.active === false ? 0 : 1, current_visit_id: null, version: 0,
    };
    await inTransaction(this.deps.db, async (trx) => {
      if ((await this.deps.repo.windows(hallId, trx)).some((w) => w.number === input.number)) throw invalidField('body.number', `window ${input.number} exists already`);
      await this.deps.repo.insertWindow(trx, row);
      await this.deps.audit.record(trx, caller, { action: 'halls.window_add', targetType: 'hall_window', targetId: row.id, unitCode: h.unit_code, after: { hall: hallId, number: row.number, kind: row.kind, items: input.items } });
    });
    return (await this.windowViews(h, [row]))[0]!;
  }

  async updateWindow(caller: Caller, windowId: string, input: BodyOf<R['updateWindow']>) {
    const w = await this.deps.repo.window(windowId);
    const h = w ? await this.deps.repo.hall(w.hall_id) : undefined;
    if (!w || !h || !covers(caller.auth, 'halls.manage', h.unit_path)) throw notFound('window', windowId);
    if (w.version !== input.version) throw conflict('the window changed since you loaded it', { current: w.version });
    const kind = input.kind ?? w.kind;
    const items = input.items ?? parseItems(w.items_json);
    if (kind === 'item' && items.length === 0) throw invalidField('body.items', 'an item window serves at least one item');
    await this.checkItems(items, 'body.items', parseItems(h.items_json));
    const patch: Partial<WindowRow> = { kind, items_json: JSON.stringify(kind === 'general' ? [] : [...new Set(items)]) };
    if (input.name !== undefined) patch.name = input.name;
    if (input.active !== undefined) patch.active = input.active ? 1 : 0;
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.updateWindow(trx, windowId, w.version, patch))) throw conflict('the window changed since you loaded it');
      await this.deps.audit.record(trx, caller, { action: 'halls.window_update', targetType: 'hall_window', targetId: windowId, unitCode: h.unit_code, before: pick(w, Object.keys(patch)), after: patch });
    });
    return (await this.windowViews(h, [(await this.deps.repo.window(windowId))!]))[0]!;
  }

  // ── slots and appointments ──

  private slotView(h: HallRow, date: string, t: { start: number; end: number }, row: SlotRow | undefined) {
    const capacity = row?.capacity ?? h.slot_capacity;
    const booked = row?.booked ?? 0;
    return { start: formatClock(t.start), end: formatClock(t.end), capacity, booked, remaining: Math.max(0, capacity - booked), bookable: capacity > booked && this.withinBooking(h, date, t.end) === null };
  }

  /** Why a slot ending at `end` on `date` cannot be booked now, or null when it can. */
  private withinBooking(h: HallRow, date: string, end: number): string | null {
    const now = localNow(this.clock(), this.deps.timeZone);
    const ahead = daysBetween(now.date, date);
    if (h.active !== 1) return 'the hall is not taking appointments';
    if (ahead < 0 || (ahead === 0 && end <= now.minute)) return 'this slot is over';
    if (ahead > h.booking_days) return `appointments open ${h.booking_days} days ahead`;
    return null;
  }

  async slots(id: string, date: string) {
    assertDay(date, 'query.date');
    const h = await this.hall(id);
    if (!opensOn(h, date, this.deps.calendar)) return { date, open: false, slots: [] };
    const rows = await this.deps.repo.slots(id, date);
    return { date, open: true, slots: slotTimes(h).map((t) => this.slotView(h, date, t, rows.find((r) => r.start_min === t.start))) };
  }

  /** The slot of a day starting at `start`, checked against the hall's hours. */
  private slotAt(h: HallRow, date: string, start: string, path: string) {
    assertDay(date, `${path}.date`);
    if (!opensOn(h, date, this.deps.calendar)) throw invalidField(`${path}.date`, `${h.name} is closed on ${date}`);
    const t = slotTimes(h).find((s) => s.start === parseClock(start));
    if (!t) throw invalidField(`${path}.start`, `${start} is not the start of a slot (slots of ${h.slot_minutes} minutes from ${h.opens})`);
    return t;
  }

  async setSlotCapacity(caller: Caller, id: string, input: BodyOf<R['setSlotCapacity']>) {
    const h = await this.managed(caller, id);
    const t = this.slotAt(h, input.date, input.start, 'body');
    const sid = slotId(id, input.date, t.start);
    await inTransaction(this.deps.db, async (trx) => {
      await this.deps.repo.ensureSlots(trx, [{ id: sid, hall_id: id, date: input.date, start_min: t.start, end_min: t.end, capacity: h.slot_capacity, booked: 0 }]);
      const before = (await this.deps.repo.slots(id, input.date, trx)).find((s) => s.id === sid)!;
      if (!(await this.deps.repo.setCapacity(trx, sid, input.capacity))) throw conflict(`${before.booked} seats are booked already: the capacity cannot go below that`, { booked: before.booked });
      await this.deps.audit.record(trx, caller, { action: 'halls.slot_capacity', targetType: 'hall_slot', targetId: sid, unitCode: h.unit_code, before: { capacity: before.capacity }, after: { capacity: input.capacity } });
    });
    const row = (await this.deps.repo.slots(id, input.date)).find((s) => s.id === sid);
    return this.slotView(h, input.date, t, row);
  }

  /**
   * 预约: takes one seat of a slot for the caller (the principal: a business
   * when acting for one). The seat is taken by a conditional UPDATE, so two
   * bookings racing for the last seat get one 201 and one 409.
   */
  async book(caller: Caller, id: string, input: BodyOf<R['book']>) {
    const auth = caller.auth;
    if (!auth) throw unauthenticated();
    const h = await this.hall(id);
    const t = this.slotAt(h, input.date, input.start, 'body');
    const why = this.withinBooking(h, input.date, t.end);
    if (why) throw invalidField('body.start', why);
    if (input.itemCode && !parseItems(h.items_json).includes(input.itemCode)) throw invalidField('body.itemCode', `${input.itemCode} is not handled at ${h.name}`);
    const sid = slotId(id, input.date, t.start);
    const me = auth.principal.id;
    const row: AppointmentRow = {
      id: randomUUID(), hall_id: id, slot_id: sid, date: input.date, start_min: t.start, end_min: t.end, code: appointmentCode(),
      account_id: me, actor_id: auth.actor.id, item_code: input.itemCode ?? null, status: 'booked', active_key: `${sid}|${me}`,
      ticket_id: null, created_at: nowIso(this.clock), cancelled_at: null, version: 0,
    };
    const label = `${input.date} ${formatClock(t.start)}–${formatClock(t.end)}`;
    try {
      await inTransaction(this.deps.db, async (trx) => {
        await this.deps.repo.ensureSlots(trx, [{ id: sid, hall_id: id, date: input.date, start_min: t.start, end_min: t.end, capacity: h.slot_capacity, booked: 0 }]);
        if (!(await this.deps.repo.takeSeat(trx, sid))) throw conflict(`the slot ${label} is fully booked: pick another slot`, { reason: 'slot_full' });
        while (await this.deps.repo.appointmentByCode(id, row.code, trx)) row.code = appointmentCode();
        await this.deps.repo.insertAppointment(trx, row);
        await this.deps.audit.record(trx, caller, { action: 'halls.book', targetType: 'hall_appointment', targetId: row.id, unitCode: h.unit_code, after: { hall: id, date: input.date, start: input.start, item: row.item_code } });
      });
    } catch (err) {
      // The unique active_key: this person already holds a seat in this slot (checked by the index, so it holds under races too).
      if (this.deps.dialect.isUniqueViolation(err)) throw conflict(`you already have an appointment in the slot ${label}`, { reason: 'already_booked' });
      throw err;
    }
    return this.appointmentView(row, h);
  }

  async myAppointments(caller: Caller) {
    const rows = await this.deps.repo.appointmentsOf(caller.auth!.principal.id, 100);
    const halls = new Map<string, HallRow>();
    for (const r of rows) if (!halls.has(r.hall_id)) halls.set(r.hall_id, await this.hall(r.hall_id));
    return rows.map((r) => this.appointmentView(r, halls.get(r.hall_id)!));
  }

  async cancel(caller: Caller, id: string, version: number) {
    const a = await this.deps.repo.appointment(id);
    if (!a || a.account_id !== caller.auth?.principal.id) throw notFound('appointment', id);
    if (a.version !== version) throw conflict('the appointment changed since you loaded it', { current: a.version });
    if (a.status !== 'booked') throw conflict(`the appointment is ${a.status}: only a booked one can be cancelled`, { status: a.status });
    const h = await this.hall(a.hall_id);
    const patch = { status: 'cancelled' as const, active_key: null, cancelled_at: nowIso(this.clock) };
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.updateAppointment(trx, id, version, patch))) throw conflict('the appointment changed since you loaded it');
      await this.deps.repo.freeSeat(trx, a.slot_id);
      await this.deps.audit.record(trx, caller, { action: 'halls.cancel', targetType: 'hall_appointment', targetId: id, unitCode: h.unit_code, before: { status: a.status }, after: { status: 'cancelled' } });
    });
    return this.appointmentView({ ...a, ...patch, version: version + 1 }, h);
  }

  /** Minutes after a slot's end during which its appointment still gives a priority ticket. */
  static readonly LATE_MINUTES = 30;

  appointmentView(a: AppointmentRow, h: HallRow) {
    const now = localNow(this.clock(), this.deps.timeZone);
    const late = a.status === 'booked' && (a.date < now.date || (a.date === now.date && now.minute > a.end_min + HallService.LATE_MINUTES));
    return {
      id: a.id,
      code: a.code,
      hall: { id: h.id, name: h.name },
      date: a.date,
      start: formatClock(a.start_min),
      end: formatClock(a.end_min),
      itemCode: a.item_code,
      status: late ? ('expired' as const) : a.status,
      ticketId: a.ticket_id,
      createdAt: a.created_at,
      version: a.version,
    };
  }
}

function pick<T extends object>(o: T, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}
