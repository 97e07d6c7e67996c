import { randomUUID } from 'node:crypto';
import { inTransaction, nowIso } from '@jing/db';
import { covers, type Caller } from '../../platform/auth/context.ts';
import { conflict, DomainError, invalidField, notFound, unauthenticated } from '../../platform/errors.ts';
import type { HallRow, TicketRow, VisitRow, WindowRow } from './halls.repository.ts';
import { HallService } from './halls.service.ts';
import { instantOf, localNow } from './hours.ts';

/** Ticket series: 预约 appointments are called first; walk-ins after them. */
const PREFIX = { appointment: 'Y', walk_in: 'A' } as const;

/** What a rating needs to know about a visit (一次一评). */
export interface VisitSubject {
  completed: boolean;
  /** The person (or business) served: the only one who may rate the visit. */
  applicantAccountId: string;
  itemCode: string | null;
  unitCode: string;
  hallId: string;
  completedAt: string | null;
}

/**
 * The queue of a hall: 取号 tickets on arrival (with an appointment code or
 * walk-in), numbered per hall, day and series (Y001, A001); 叫号 calls to a
 * window by a clerk; the visit served there, finished or 过号. A ticket is
 * claimed by a conditional UPDATE (status still `waiting`), so two clerks
 * calling at once never get the same ticket.
 */
export class HallQueue {
  constructor(
    private readonly halls: HallService,
    /** An application by id or number, with its item and applicant; null when there is none (the applications module). */
    private readonly applicationOf: (idOrNumber: string) => Promise<{ id: string; itemCode: string; applicantAccountId: string } | null>,
  ) {}

  private get deps() {
    return this.halls.deps;
  }
  private now() {
    return localNow(this.halls.clock(), this.deps.timeZone);
  }

  /** 取号 on arrival: needs the hall to be open now; an appointment code gives a priority ticket. */
  async takeTicket(caller: Caller, hallId: string, input: { appointmentCode?: string; itemCode?: string }) {
    const auth = caller.auth;
    if (!auth) throw unauthenticated();
    const h = await this.halls.hall(hallId);
    if (!this.halls.isOpenNow(h)) {
      const days = h.open_days === 'working_days' ? 'on working days' : 'every day';
      throw new DomainError('conflict', `${h.name} is closed now: it opens ${h.opens}–${h.closes} ${days}`, { reason: 'hall_closed' });
    }
    const items = JSON.parse(h.items_json) as string[];
    if (input.itemCode && !items.includes(input.itemCode)) throw invalidField('body.itemCode', `${input.itemCode} is not handled at ${h.name}`);
    const { date, minute } = this.now();
    const me = auth.principal.id;
    const at = nowIso(this.halls.clock);
    return inTransaction(this.deps.db, async (trx) => {
      const open = await this.deps.repo.openTicketOf(trx, hallId, date, me);
      if (open) throw conflict(`you already hold ticket ${open.label} here today`, { reason: 'already_queued', ticketId: open.id });
      let kind: TicketRow['kind'] = 'walk_in';
      let appointment = null;
      if (input.appointmentCode) {
        appointment = await this.deps.repo.appointmentByCode(hallId, input.appointmentCode, trx);
        if (!appointment || appointment.account_id !== me) throw invalidField('body.appointmentCode', 'no appointment of yours at this hall has this code');
        if (appointment.status !== 'booked') throw conflict(`the appointment is ${appointment.status === 'checked_in' ? 'already used for a ticket' : appointment.status}`, { reason: appointment.status });
        if (appointment.date !== date) throw invalidField('body.appointmentCode', `the appointment is for ${appointment.date}`);
        if (minute > appointment.end_min + HallService.LATE_MINUTES) throw conflict('the appointment has expired: take a walk-in ticket', { reason: 'expired' });
        kind = 'appointment';
      }
      const prefix = PREFIX[kind];
      const n = await this.deps.repo.nextNumber(trx, hallId, date, prefix);
      const row: TicketRow = {
        id: randomUUID(), hall_id: hallId, date, label: `${prefix}${String(n).padStart(3, '0')}`, kind, priority: kind === 'appointment' ? 1 : 0,
        appointment_id: appointment?.id ?? null, account_id: me, account_name: auth.principal.displayName,
        item_code: appointment?.item_code ?? input.itemCode ?? null, status: 'waiting', visit_id: null, taken_at: at, called_at: null,
      };
      await this.deps.repo.insertTicket(trx, row);
      if (appointment && !(await this.deps.repo.updateAppointment(trx, appointment.id, appointment.version, { status: 'checked_in', active_key: null, ticket_id: row.id }))) {
        throw conflict('the appointment changed meanwhile');
      }
      await this.deps.audit.record(trx, caller, { action: 'halls.ticket', targetType: 'hall_ticket', targetId: row.id, unitCode: h.unit_code, after: { hall: hallId, label: row.label, kind, appointment: appointment?.id ?? null } });
      return this.ticketView(row, h, [], null);
    });
  }

  async myTickets(caller: Caller) {
    const rows = await this.deps.repo.ticketsOf(caller.auth!.principal.id, 50);
    return Promise.all(rows.map((t) => this.ticketFor(t)));
  }

  async ticket(caller: Caller, id: string) {
    const t = await this.deps.repo.ticket(id);
    if (!t || t.account_id !== caller.auth?.principal.id) throw notFound('ticket', id);
    return this.ticketFor(t);
  }

  private async ticketFor(t: TicketRow) {
    const h = await this.halls.hall(t.hall_id);
    const waiting = t.status === 'waiting' ? await this.deps.repo.waiting(t.hall_id, t.date) : [];
    const visit = t.visit_id ? ((await this.deps.repo.visit(t.visit_id)) ?? null) : null;
    const window = visit ? ((await this.deps.repo.window(visit.window_id)) ?? null) : null;
    return this.ticketView(t, h, waiting, window);
  }

  private ticketView(t: TicketRow, h: HallRow, waiting: TicketRow[], window: WindowRow | null) {
    const idx = waiting.findIndex((w) => w.id === t.id);
    return {
      id: t.id,
      label: t.label,
      hall: { id: h.id, name: h.name },
      date: t.date,
      kind: t.kind,
      itemCode: t.item_code,
      status: t.status,
      ahead: idx < 0 ? 0 : idx,
      window: window ? { number: window.number, name: window.name } : null,
      visitId: t.visit_id,
      takenAt: t.taken_at,
      calledAt: t.called_at,
    };
  }

  /** The public call screen: today's latest calls and how many wait. No names, only ticket numbers. */
  async screen(hallId: string) {
    const h = await this.halls.hall(hallId);
    const { date } = this.now();
    const since = new Date(instantOf(date, 0, this.deps.timeZone)).toISOString();
    const calls = await this.deps.repo.recentCalls(hallId, since, 12);
    return {
      hall: { id: h.id, name: h.name },
      date,
      openNow: this.halls.isOpenNow(h),
      calls: calls.map((c) => ({ ticket: c.label, windowNumber: c.number, windowName: c.name, status: c.status, calledAt: c.called_at })),
      waiting: await this.deps.repo.countWaiting(hallId, date),
    };
  }

  /** A hall within the caller's `halls.operate` scope, or 404. */
  private async operated(caller: Caller, hallId: string): Promise<HallRow> {
    const h = await this.deps.repo.hall(hallId);
    if (!h || !covers(caller.auth, 'halls.operate', h.unit_path)) throw notFound('hall', hallId);
    return h;
  }

  async queue(caller: Caller, hallId: string) {
    const h = await this.operated(caller, hallId);
    const { date } = this.now();
    const waiting = await this.deps.repo.waiting(hallId, date);
    return {
      date,
      waiting: waiting.map((t) => ({ id: t.id, label: t.label, kind: t.kind, itemCode: t.item_code, takenAt: t.taken_at })),
      windows: await this.halls.windowViews(h, await this.deps.repo.windows(hallId)),
    };
  }

  /**
   * 叫号: the window is claimed first (it must be free), then the first waiting
   * ticket it serves — appointments before walk-ins, then by arrival. A
   * ticket another clerk claimed meanwhile fails its conditional UPDATE and
   * the next one is tried; both happen in one transaction.
   */
  async callNext(caller: Caller, windowId: string) {
    const w = await this.deps.repo.window(windowId);
    const h = w ? await this.deps.repo.hall(w.hall_id) : undefined;
    if (!w || !h || !covers(caller.auth, 'halls.operate', h.unit_path)) throw notFound('window', windowId);
    if (w.active !== 1) throw conflict(`window ${w.number} is closed`, { reason: 'window_closed' });
    const { date } = this.now();
    const at = nowIso(this.halls.clock);
    const visitId = randomUUID();
    const served = w.kind === 'general' ? null : (JSON.parse(w.items_json) as string[]);
    const visit = await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.occupyWindow(trx, windowId, visitId))) {
        throw conflict(`window ${w.number} is still serving a visitor: finish it or mark a no-show first`, { reason: 'window_busy' });
      }
      const candidates = (await this.deps.repo.waiting(h.id, date, trx)).filter((t) => !served || (t.item_code !== null && served.includes(t.item_code)));
      for (const t of candidates) {
        if (!(await this.deps.repo.moveTicket(trx, t.id, 'waiting', { status: 'called', visit_id: visitId, called_at: at }))) continue;
        const row: VisitRow = {
          id: visitId, ticket_id: t.id, ticket_label: t.label, hall_id: h.id, window_id: w.id, clerk_id: caller.auth!.actor.id, clerk_name: caller.auth!.actor.displayName,
          account_id: t.account_id, account_name: t.account_name, item_code: t.item_code, application_id: null, status: 'called', called_at: at, served_at: null, finished_at: null, version: 0,
        };
        await this.deps.repo.insertVisit(trx, row);
        await this.deps.audit.record(trx, caller, { action: 'halls.call', targetType: 'hall_visit', targetId: visitId, unitCode: h.unit_code, after: { ticket: t.label, window: w.number } });
        return row;
      }
      throw conflict(`nobody is waiting for window ${w.number}`, { reason: 'no_waiting' });
    });
    return this.visitView(visit, h, w);
  }

  /** A visit the caller may see: the visitor, or staff running the hall. */
  async visit(caller: Caller, id: string) {
    const v = await this.deps.repo.visit(id);
    const h = v ? await this.deps.repo.hall(v.hall_id) : undefined;
    const auth = caller.auth;
    const mine = v && auth && v.account_id === auth.principal.id;
    if (!v || !h || !(mine || covers(auth, 'halls.operate', h.unit_path) || covers(auth, 'halls.manage', h.unit_path))) throw notFound('visit', id);
    return this.visitView(v, h, (await this.deps.repo.window(v.window_id))!);
  }

  serve(caller: Caller, id: string, version: number) {
    return this.step(caller, id, version, ['called'], 'serving', 'serve');
  }

  finish(caller: Caller, id: string, version: number) {
    return this.step(caller, id, version, ['called', 'serving'], 'finished', 'finish');
  }

  noShow(caller: Caller, id: string, version: number) {
    return this.step(caller, id, version, ['called'], 'no_show', 'no_show');
  }

  private async step(caller: Caller, id: string, version: number, from: VisitRow['status'][], to: VisitRow['status'], action: string) {
    const v = await this.deps.repo.visit(id);
    const h = v ? await this.deps.repo.hall(v.hall_id) : undefined;
    if (!v || !h || !covers(caller.auth, 'halls.operate', h.unit_path)) throw notFound('visit', id);
    if (v.version !== version) throw conflict('the visit changed since you loaded it', { current: v.version });
    if (!from.includes(v.status)) throw conflict(`cannot ${action.replace('_', '-')} a visit that is ${v.status}`, { status: v.status });
    const at = nowIso(this.halls.clock);
    const patch: Partial<VisitRow> = { status: to, ...(to === 'serving' ? { served_at: at } : { finished_at: at }) };
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.updateVisit(trx, id, version, patch))) throw conflict('the visit changed since you loaded it');
      if (!(await this.deps.repo.moveTicket(trx, v.ticket_id, v.status, { status: to }))) throw conflict('the ticket changed meanwhile');
      if (to !== 'serving') await this.deps.repo.freeWindow(trx, v.window_id, id);
      await this.deps.audit.record(trx, caller, { action: `halls.${action}`, targetType: 'hall_visit', targetId: id, unitCode: h.unit_code, before: { status: v.status }, after: { status: to } });
    });
    return this.visitView({ ...v, ...patch, version: version + 1 }, h, (await this.deps.repo.window(v.window_id))!);
  }

  /**
   * Links the application a clerk started or continued for the visitor at the window, named by id or by
   * the number the visitor shows. It must be the visitor's own; a visit whose ticket named no item takes
   * the application's, so a walk-in served at the window counts toward that item's 好差评 statistics.
   */
  async linkApplication(caller: Caller, id: string, version: number, applicationId: string) {
    const v = await this.deps.repo.visit(id);
    const h = v ? await this.deps.repo.hall(v.hall_id) : undefined;
    if (!v || !h || !covers(caller.auth, 'halls.operate', h.unit_path)) throw notFound('visit', id);
    if (v.version !== version) throw conflict('the visit changed since you loaded it', { current: v.version });
    if (v.status !== 'serving' && v.status !== 'finished') throw conflict(`a visit that is ${v.status} has no application`, { status: v.status });
    const app = await this.applicationOf(applicationId);
    if (!app) throw invalidField('body.applicationId', `no application has the id or number ${applicationId}`);
    if (v.account_id && app.applicantAccountId !== v.account_id) throw invalidField('body.applicationId', 'is the application of someone other than this visitor');
    const itemCode = v.item_code ?? app.itemCode;
    await inTransaction(this.deps.db, async (trx) => {
      if (!(await this.deps.repo.updateVisit(trx, id, version, { application_id: app.id, item_code: itemCode }))) throw conflict('the visit changed since you loaded it');
      await this.deps.audit.record(trx, caller, { action: 'halls.link_application', targetType: 'hall_visit', targetId: id, unitCode: h.unit_code, before: { applicationId: v.application_id, itemCode: v.item_code }, after: { applicationId: app.id, itemCode } });
    });
    return this.visitView({ ...v, application_id: app.id, item_code: itemCode, version: version + 1 }, h, (await this.deps.repo.window(v.window_id))!);
  }

  /** The rating subject of a visit (一次一评), or null when there is no such visit. */
  async visitSubject(id: string): Promise<VisitSubject | null> {
    const v = await this.deps.repo.visit(id);
    if (!v) return null;
    const h = await this.halls.hall(v.hall_id);
    return { completed: v.status === 'finished', applicantAccountId: v.account_id, itemCode: v.item_code, unitCode: h.unit_code, hallId: h.id, completedAt: v.finished_at };
  }

  private visitView(v: VisitRow, h: HallRow, w: WindowRow) {
    return {
      id: v.id,
      ticketId: v.ticket_id,
      ticket: v.ticket_label,
      hall: { id: h.id, name: h.name },
      window: { id: w.id, number: w.number, name: w.name },
      clerk: { id: v.clerk_id, name: v.clerk_name },
      visitor: { id: v.account_id, name: v.account_name },
      itemCode: v.item_code,
      applicationId: v.application_id,
      status: v.status,
      calledAt: v.called_at,
      servedAt: v.served_at,
      finishedAt: v.finished_at,
      version: v.version,
    };
  }
}
