import { sql, type Kysely, type Transaction } from 'kysely';
import { engineOf, SequenceCounter, subtreeRange } from '@jing/db';

export interface HallRow {
  id: string;
  name: string;
  name_en: string | null;
  level: 'municipal' | 'district' | 'street';
  unit_code: string;
  unit_path: string;
  address: string;
  lng: number | null;
  lat: number | null;
  phone: string | null;
  open_days: 'working_days' | 'every_day';
  opens: string;
  closes: string;
  hours_note: string | null;
  slot_minutes: number;
  slot_capacity: number;
  booking_days: number;
  items_json: string;
  active: number;
  version: number;
  created_at: string;
}

export interface WindowRow {
  id: string;
  hall_id: string;
  number: number;
  name: string;
  kind: 'general' | 'item';
  items_json: string;
  active: number;
  current_visit_id: string | null;
  version: number;
}

export interface SlotRow {
  id: string;
  hall_id: string;
  date: string;
  start_min: number;
  end_min: number;
  capacity: number;
  booked: number;
}

export interface AppointmentRow {
  id: string;
  hall_id: string;
  slot_id: string;
  date: string;
  start_min: number;
  end_min: number;
  code: string;
  account_id: string;
  actor_id: string;
  item_code: string | null;
  status: 'booked' | 'checked_in' | 'cancelled';
  active_key: string | null;
  ticket_id: string | null;
  created_at: string;
  cancelled_at: string | null;
  version: number;
}

export interface TicketRow {
  id: string;
  hall_id: string;
  date: string;
  label: string;
  kind: 'appointment' | 'walk_in';
  priority: number;
  appointment_id: string | null;
  account_id: string;
  account_name: string;
  item_code: string | null;
  status: 'waiting' | 'called' | 'serving' | 'finished' | 'no_show' | 'cancelled';
  visit_id: string | null;
  taken_at: string;
  called_at: string | null;
}

export interface VisitRow {
  id: string;
  ticket_id: string;
  ticket_label: string;
  hall_id: string;
  window_id: string;
  clerk_id: string;
  clerk_name: string;
  account_id: string;
  account_name: string;
  item_code: string | null;
  application_id: string | null;
  status: 'called' | 'serving' | 'finished' | 'no_show';
  called_at: string;
  served_at: string | null;
  finished_at: string | null;
  version: number;
}

interface Tables {
  halls: HallRow;
  hall_windows: WindowRow;
  hall_slots: SlotRow;
  hall_appointments: AppointmentRow;
  hall_ticket_counters: { hall_id: string; date: string; prefix: string; last_number: number };
  hall_tickets: TicketRow;
  hall_visits: VisitRow;
}

type Db = Kysely<Tables> | Transaction<Tables>;

/** The only SQL of the halls module. */
export class HallRepository {
  private readonly db: Kysely<Tables>;
  private readonly ticketNumbers: SequenceCounter;
  constructor(db: Kysely<any>) {
    this.db = db;
    this.ticketNumbers = new SequenceCounter(engineOf(db), 'hall_ticket_counters', ['hall_id', 'date', 'prefix'], 'last_number');
  }

  private t(trx?: Transaction<any>): Db {
    return (trx as Transaction<Tables> | undefined) ?? this.db;
  }

  // ── halls and windows ──

  hall(id: string, trx?: Transaction<any>): Promise<HallRow | undefined> {
    return this.t(trx).selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();
  }

  halls(withinPath: string | null): Promise<HallRow[]> {
    let q = this.db.selectFrom('halls').selectAll();
    if (withinPath) {
      const [lo, hi] = subtreeRange(withinPath);
      q = q.where('unit_path', '>=', lo).where('unit_path', '<', hi);
    }
    return q.orderBy('unit_path').orderBy('id').execute();
  }

  async insertHall(trx: Transaction<any>, row: HallRow): Promise<void> {
    await this.t(trx).insertInto('halls').values(row).execute();
  }

  async updateHall(trx: Transaction<any>, id: string, version: number, patch: Partial<HallRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('halls').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  windows(hallId: string, trx?: Transaction<any>): Promise<WindowRow[]> {
    return this.t(trx).selectFrom('hall_windows').selectAll().where('hall_id', '=', hallId).orderBy('number').execute();
  }

  window(id: string, trx?: Transaction<any>): Promise<WindowRow | undefined> {
    return this.t(trx).selectFrom('hall_windows').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertWindow(trx: Transaction<any>, row: WindowRow): Promise<void> {
    await this.t(trx).insertInto('hall_windows').values(row).execute();
  }

  async updateWindow(trx: Transaction<any>, id: string, version: number, patch: Partial<WindowRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('hall_windows').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Puts a visit at a free window; false when the window is busy (or someone else took it meanwhile). */
  async occupyWindow(trx: Transaction<any>, id: string, visitId: string): Promise<boolean> {
    const r = await this.t(trx)
      .updateTable('hall_windows')
      .set((eb) => ({ current_visit_id: visitId, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('current_visit_id', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async freeWindow(trx: Transaction<any>, id: string, visitId: string): Promise<void> {
    await this.t(trx)
      .updateTable('hall_windows')
      .set((eb) => ({ current_visit_id: null, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('current_visit_id', '=', visitId)
      .execute();
  }

  // ── slots and appointments ──

  slots(hallId: string, date: string, trx?: Transaction<any>): Promise<SlotRow[]> {
    return this.t(trx).selectFrom('hall_slots').selectAll().where('hall_id', '=', hallId).where('date', '=', date).orderBy('start_min').execute();
  }

  /** Makes the slots of a day that do not exist yet (concurrent callers are harmless). */
  async ensureSlots(trx: Transaction<any>, rows: SlotRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.t(trx).insertInto('hall_slots').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
  }

  /** Takes one seat if one is left: a single conditional UPDATE, so two bookings never share the last seat. */
  async takeSeat(trx: Transaction<any>, slotId: string): Promise<boolean> {
    const r = await this.t(trx)
      .updateTable('hall_slots')
      .set((eb) => ({ booked: eb('booked', '+', 1) }))
      .where('id', '=', slotId)
      .where((eb) => eb('booked', '<', eb.ref('capacity')))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async freeSeat(trx: Transaction<any>, slotId: string): Promise<void> {
    await this.t(trx)
      .updateTable('hall_slots')
      .set((eb) => ({ booked: eb('booked', '-', 1) }))
      .where('id', '=', slotId)
      .where('booked', '>', 0)
      .execute();
  }

  /** Sets a slot's capacity unless more seats are booked already. */
  async setCapacity(trx: Transaction<any>, slotId: string, capacity: number): Promise<boolean> {
    const r = await this.t(trx).updateTable('hall_slots').set({ capacity }).where('id', '=', slotId).where('booked', '<=', capacity).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertAppointment(trx: Transaction<any>, row: AppointmentRow): Promise<void> {
    await this.t(trx).insertInto('hall_appointments').values(row).execute();
  }

  appointment(id: string, trx?: Transaction<any>): Promise<AppointmentRow | undefined> {
    return this.t(trx).selectFrom('hall_appointments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  appointmentByCode(hallId: string, code: string, trx?: Transaction<any>): Promise<AppointmentRow | undefined> {
    return this.t(trx).selectFrom('hall_appointments').selectAll().where('hall_id', '=', hallId).where('code', '=', code).executeTakeFirst();
  }

  appointmentsOf(accountId: string, limit: number): Promise<AppointmentRow[]> {
    return this.db.selectFrom('hall_appointments').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(limit).execute();
  }

  async updateAppointment(trx: Transaction<any>, id: string, version: number, patch: Partial<AppointmentRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('hall_appointments').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ── tickets and visits ──

  /**
   * The next number of a ticket series (per hall, day and prefix). The upsert
   * increments atomically on both engines; inside a transaction the row stays
   * locked until commit, so numbers are never handed out twice.
   */
  nextNumber(trx: Transaction<any>, hallId: string, date: string, prefix: string): Promise<number> {
    return this.ticketNumbers.next(trx, [hallId, date, prefix]);
  }

  async insertTicket(trx: Transaction<any>, row: TicketRow): Promise<void> {
    await this.t(trx).insertInto('hall_tickets').values(row).execute();
  }

  ticket(id: string, trx?: Transaction<any>): Promise<TicketRow | undefined> {
    return this.t(trx).selectFrom('hall_tickets').selectAll().where('id', '=', id).executeTakeFirst();
  }

  ticketsOf(accountId: string, limit: number): Promise<TicketRow[]> {
    return this.db.selectFrom('hall_tickets').selectAll().where('account_id', '=', accountId).orderBy('taken_at', 'desc').limit(limit).execute();
  }

  /** An account's ticket still in the queue at a hall today, if any. */
  openTicketOf(trx: Transaction<any>, hallId: string, date: string, accountId: string): Promise<TicketRow | undefined> {
    return this.t(trx)
      .selectFrom('hall_tickets')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('date', '=', date)
      .where('account_id', '=', accountId)
      .where('status', 'in', ['waiting', 'called', 'serving'])
      .executeTakeFirst();
  }

  /** Waiting tickets of a hall's day in calling order: appointments first, then by arrival. */
  waiting(hallId: string, date: string, trx?: Transaction<any>, limit = 500): Promise<TicketRow[]> {
    return this.t(trx)
      .selectFrom('hall_tickets')
      .selectAll()
      .where('hall_id', '=', hallId)
      .where('date', '=', date)
      .where('status', '=', 'waiting')
      .orderBy('priority', 'desc')
      .orderBy('taken_at')
      .orderBy('label')
      .limit(limit)
      .execute();
  }

  /** Moves a ticket on only if it is still in `from` (two clerks never take the same ticket). */
  async moveTicket(trx: Transaction<any>, id: string, from: TicketRow['status'], patch: Partial<TicketRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('hall_tickets').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async insertVisit(trx: Transaction<any>, row: VisitRow): Promise<void> {
    await this.t(trx).insertInto('hall_visits').values(row).execute();
  }

  visit(id: string, trx?: Transaction<any>): Promise<VisitRow | undefined> {
    return this.t(trx).selectFrom('hall_visits').selectAll().where('id', '=', id).executeTakeFirst();
  }

  visits(ids: string[]): Promise<VisitRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('hall_visits').selectAll().where('id', 'in', ids).execute();
  }

  async updateVisit(trx: Transaction<any>, id: string, version: number, patch: Partial<VisitRow>): Promise<boolean> {
    const r = await this.t(trx).updateTable('hall_visits').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The latest calls of a hall since `since` (for the screen), with the ticket label and window. */
  recentCalls(hallId: string, since: string, limit: number) {
    return this.db
      .selectFrom('hall_visits as v')
      .innerJoin('hall_tickets as t', 't.id', 'v.ticket_id')
      .innerJoin('hall_windows as w', 'w.id', 'v.window_id')
      .select(['t.label', 'w.number', 'w.name', 'v.status', 'v.called_at'])
      .where('v.hall_id', '=', hallId)
      .where('v.called_at', '>=', since)
      .orderBy('v.called_at', 'desc')
      .limit(limit)
      .execute();
  }

  async countWaiting(hallId: string, date: string): Promise<number> {
    const r = await this.db
      .selectFrom('hall_tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('hall_id', '=', hallId)
      .where('date', '=', date)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
