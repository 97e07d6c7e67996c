/**
 * 政务服务大厅: service halls (municipal, district and street centres), their
 * windows and the items each serves, appointment slots with capacity, queue
 * tickets on arrival, calls to a window and the visit a window clerk serves.
 * Rules and formulas: docs/halls-and-ratings.md; decisions: ADR 0018.
 */
import { z } from 'zod';
import { defineRoute } from './route.ts';
import { Instant, UnitCode } from './common.ts';

export const HallId = z.string().regex(/^[a-z0-9-]{3,40}$/, 'must be 3–40 lower-case letters, digits or dashes').describe('Hall code, e.g. cy-district');
export const LocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').describe('A day in the city time zone, YYYY-MM-DD');
export const ClockTime = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be a local time HH:MM').describe('Local time HH:MM');
const ItemCode = z.string().regex(/^[A-Za-z0-9-]{3,64}$/).describe('事项编码 of the service catalogue');

export const HallLevel = z.enum(['municipal', 'district', 'street']).describe('municipal 市级 | district 区级 | street 街道（乡镇）');
export const OpenDays = z.enum(['working_days', 'every_day']).describe('working_days: working days of the official calendar (adjusted weekends included); every_day: all days');

export const HallHours = z
  .object({
    days: OpenDays,
    opens: ClockTime,
    closes: ClockTime,
    note: z.string().max(200).nullable().describe('Free text shown beside the hours, e.g. 法定节假日除外'),
  })
  .meta({ id: 'HallHours' });

export const WindowKind = z.enum(['general', 'item']).describe('general 综合窗口 (every item of the hall) | item 专窗 (only its listed items)');

export const HallWindow = z
  .object({
    id: z.string(),
    hallId: z.string(),
    number: z.number().int().describe('Window number shown on the call screen'),
    name: z.string(),
    kind: WindowKind,
    items: z.array(z.string()).describe('Item codes served (general windows: every item of the hall)'),
    active: z.boolean(),
    current: z.object({ visitId: z.string(), ticket: z.string(), status: z.enum(['called', 'serving']) }).nullable().describe('The visit at the window now'),
    version: z.number().int(),
  })
  .meta({ id: 'HallWindow' });

export const HallSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    level: HallLevel,
    unit: z.object({ code: z.string(), name: z.string() }).describe('The org unit that runs the hall'),
    address: z.string(),
    location: z.object({ lng: z.number(), lat: z.number() }).nullable(),
    phone: z.string().nullable(),
    hours: HallHours,
    openNow: z.boolean(),
    active: z.boolean(),
  })
  .meta({ id: 'HallSummary' });

export const Hall = HallSummary.extend({
  slotMinutes: z.number().int(),
  slotCapacity: z.number().int().describe('Default capacity of each slot'),
  bookingDays: z.number().int().describe('How many days ahead appointments open'),
  items: z.array(z.object({ code: z.string(), name: z.string() })).describe('Items handled at the hall'),
  windows: z.array(HallWindow),
  version: z.number().int(),
}).meta({ id: 'Hall' });

export const Slot = z
  .object({
    start: ClockTime,
    end: ClockTime,
    capacity: z.number().int(),
    booked: z.number().int(),
    remaining: z.number().int(),
    bookable: z.boolean().describe('False when full, past, or outside the booking window'),
  })
  .meta({ id: 'HallSlot' });

export const AppointmentStatus = z.enum(['booked', 'checked_in', 'cancelled', 'expired']).describe('booked 已预约 → checked_in 已取号 | cancelled 已取消 | expired 已过期 (not checked in in time)');

export const Appointment = z
  .object({
    id: z.string(),
    code: z.string().describe('预约码: shown at arrival to take a priority ticket'),
    hall: z.object({ id: z.string(), name: z.string() }),
    date: LocalDay,
    start: ClockTime,
    end: ClockTime,
    itemCode: z.string().nullable(),
    status: AppointmentStatus,
    ticketId: z.string().nullable(),
    createdAt: Instant,
    version: z.number().int(),
  })
  .meta({ id: 'Appointment' });

export const TicketStatus = z
  .enum(['waiting', 'called', 'serving', 'finished', 'no_show', 'cancelled'])
  .describe('waiting 排队中 → called 已叫号 → serving 办理中 → finished 已办结 | no_show 过号 | cancelled 已取消');

export const Ticket = z
  .object({
    id: z.string(),
    label: z.string().describe('Ticket number of the day, e.g. Y001 (appointment) or A001 (walk-in)'),
    hall: z.object({ id: z.string(), name: z.string() }),
    date: LocalDay,
    kind: z.enum(['appointment', 'walk_in']),
    itemCode: z.string().nullable(),
    status: TicketStatus,
    ahead: z.number().int().describe('Waiting tickets called before this one (0 once called)'),
    window: z.object({ number: z.number().int(), name: z.string() }).nullable(),
    visitId: z.string().nullable(),
    takenAt: Instant,
    calledAt: Instant.nullable(),
  })
  .meta({ id: 'Ticket' });

export const VisitStatus = z.enum(['called', 'serving', 'finished', 'no_show']);

export const Visit = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    ticket: z.string().describe('Ticket label'),
    hall: z.object({ id: z.string(), name: z.string() }),
    window: z.object({ id: z.string(), number: z.number().int(), name: z.string() }),
    clerk: z.object({ id: z.string(), name: z.string() }),
    visitor: z.object({ id: z.string(), name: z.string() }).describe('The person or business served'),
    itemCode: z.string().nullable(),
    applicationId: z.string().nullable().describe('The application started or continued at the window'),
    status: VisitStatus,
    calledAt: Instant,
    servedAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Visit' });

export const HallScreen = z
  .object({
    hall: z.object({ id: z.string(), name: z.string() }),
    date: LocalDay,
    openNow: z.boolean(),
    calls: z.array(z.object({ ticket: z.string(), windowNumber: z.number().int(), windowName: z.string(), status: VisitStatus, calledAt: Instant })).describe('Latest calls first'),
    waiting: z.number().int(),
  })
  .meta({ id: 'HallScreen' });

export const HallQueue = z
  .object({
    date: LocalDay,
    waiting: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['appointment', 'walk_in']), itemCode: z.string().nullable(), takenAt: Instant })),
    windows: z.array(HallWindow),
  })
  .meta({ id: 'HallQueue' });

const IdParams = z.object({ id: z.string().min(1).max(64) });
const Versioned = { version: z.number().int().min(0).describe('The version you loaded; a stale one gets 409') };
const HallFields = {
  name: z.string().min(1).max(100),
  nameEn: z.string().max(200).nullable().optional(),
  level: HallLevel,
  unitCode: UnitCode.describe('Org unit that runs the hall (must be in your halls.manage scope)'),
  address: z.string().min(1).max(300),
  location: z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }).nullable().optional(),
  phone: z.string().max(40).nullable().optional(),
  hours: HallHours,
  slotMinutes: z.number().int().min(10).max(240),
  slotCapacity: z.number().int().min(0).max(500),
  bookingDays: z.number().int().min(0).max(60),
  items: z.array(ItemCode).max(500).describe('Item codes handled at the hall (each must be published in the catalogue)'),
  active: z.boolean().optional(),
};
const WindowFields = {
  number: z.number().int().min(1).max(999),
  name: z.string().min(1).max(100),
  kind: WindowKind,
  items: z.array(ItemCode).max(200).describe('For item windows: the items served (each handled at the hall)'),
  active: z.boolean().optional(),
};

export const hallRoutes = {
  list: defineRoute({
    id: 'halls.list',
    method: 'GET',
    path: '/api/v1/halls',
    summary: '政务服务大厅: halls, optionally within a unit’s subtree or serving an item',
    tag: 'halls',
    access: 'public',
    query: z.strictObject({ within: UnitCode.optional(), item: ItemCode.optional(), q: z.string().max(50).optional() }),
    response: z.object({ items: z.array(HallSummary) }),
  }),
  get: defineRoute({
    id: 'halls.get',
    method: 'GET',
    path: '/api/v1/halls/:id',
    summary: 'One hall with hours, windows and the items each serves',
    tag: 'halls',
    access: 'public',
    params: IdParams,
    response: Hall,
  }),
  create: defineRoute({
    id: 'halls.create',
    method: 'POST',
    path: '/api/v1/halls',
    summary: 'Register a hall run by a unit in scope',
    tag: 'halls',
    access: { permission: 'halls.manage' },
    body: z.strictObject({ id: HallId, ...HallFields }),
    response: Hall,
    status: 201,
  }),
  update: defineRoute({
    id: 'halls.update',
    method: 'PATCH',
    path: '/api/v1/halls/:id',
    summary: 'Change a hall: hours, slot length and capacity, items, address',
    tag: 'halls',
    access: { permission: 'halls.manage' },
    params: IdParams,
    body: z.strictObject({
      ...Versioned,
      name: HallFields.name.optional(),
      nameEn: HallFields.nameEn,
      address: HallFields.address.optional(),
      location: HallFields.location,
      phone: HallFields.phone,
      hours: HallHours.optional(),
      slotMinutes: HallFields.slotMinutes.optional(),
      slotCapacity: HallFields.slotCapacity.optional(),
      bookingDays: HallFields.bookingDays.optional(),
      items: HallFields.items.optional(),
      active: z.boolean().optional(),
    }),
    response: Hall,
  }),
  addWindow: defineRoute({
    id: 'halls.addWindow',
    method: 'POST',
    path: '/api/v1/halls/:id/windows',
    summary: 'Open a window (综合窗口 or a 专窗 for listed items)',
    tag: 'halls',
    access: { permission: 'halls.manage' },
    params: IdParams,
    body: z.strictObject(WindowFields),
    response: HallWindow,
    status: 201,
  }),
  updateWindow: defineRoute({
    id: 'halls.updateWindow',
    method: 'PATCH',
    path: '/api/v1/halls/windows/:id',
    summary: 'Change a window: name, kind, items, active',
    tag: 'halls',
    access: { permission: 'halls.manage' },
    params: IdParams,
    body: z.strictObject({ ...Versioned, name: WindowFields.name.optional(), kind: WindowKind.optional(), items: WindowFields.items.optional(), active: z.boolean().optional() }),
    response: HallWindow,
  }),
  slots: defineRoute({
    id: 'halls.slots',
    method: 'GET',
    path: '/api/v1/halls/:id/slots',
    summary: 'Appointment slots of one day with remaining capacity',
    tag: 'halls',
    access: 'public',
    params: IdParams,
    query: z.strictObject({ date: LocalDay }),
    response: z.object({ date: LocalDay, open: z.boolean().describe('False when the hall is closed that day'), slots: z.array(Slot) }),
  }),
  setSlotCapacity: defineRoute({
    id: 'halls.setSlotCapacity',
    method: 'PUT',
    path: '/api/v1/halls/:id/slots',
    summary: 'Set the capacity of one slot of one day (0 closes it); never below what is booked',
    tag: 'halls',
    access: { permission: 'halls.manage' },
    params: IdParams,
    body: z.strictObject({ date: LocalDay, start: ClockTime, capacity: z.number().int().min(0).max(500) }),
    response: Slot,
  }),
  book: defineRoute({
    id: 'halls.book',
    method: 'POST',
    path: '/api/v1/halls/:id/appointments',
    summary: '预约: book a slot (409 when full, or when you already hold a booking in it)',
    tag: 'halls',
    access: 'session',
    params: IdParams,
    body: z.strictObject({ date: LocalDay, start: ClockTime, itemCode: ItemCode.optional() }),
    response: Appointment,
    status: 201,
  }),
  myAppointments: defineRoute({
    id: 'halls.myAppointments',
    method: 'GET',
    path: '/api/v1/halls/appointments/mine',
    summary: 'My appointments, latest first',
    tag: 'halls',
    access: 'session',
    response: z.object({ items: z.array(Appointment) }),
  }),
  cancel: defineRoute({
    id: 'halls.cancel',
    method: 'POST',
    path: '/api/v1/halls/appointments/:id/cancel',
    summary: 'Cancel my appointment (frees its seat)',
    tag: 'halls',
    access: 'session',
    params: IdParams,
    body: z.strictObject({ ...Versioned }),
    response: Appointment,
  }),
  takeTicket: defineRoute({
    id: 'halls.takeTicket',
    method: 'POST',
    path: '/api/v1/halls/:id/tickets',
    summary: '取号: take a queue ticket on arrival, with an appointment code (priority) or as a walk-in',
    tag: 'halls',
    access: 'session',
    params: IdParams,
    body: z.strictObject({
      appointmentCode: z.string().regex(/^[A-Z0-9]{6}$/, 'must be the 6-character appointment code').optional(),
      itemCode: ItemCode.optional().describe('What you came for (walk-ins); decides which windows may call you'),
    }),
    response: Ticket,
    status: 201,
  }),
  myTickets: defineRoute({
    id: 'halls.myTickets',
    method: 'GET',
    path: '/api/v1/halls/tickets/mine',
    summary: 'My tickets, latest first',
    tag: 'halls',
    access: 'session',
    response: z.object({ items: z.array(Ticket) }),
  }),
  ticket: defineRoute({
    id: 'halls.ticket',
    method: 'GET',
    path: '/api/v1/halls/tickets/:id',
    summary: 'My ticket: people ahead, or the window I am called to',
    tag: 'halls',
    access: 'session',
    params: IdParams,
    response: Ticket,
  }),
  screen: defineRoute({
    id: 'halls.screen',
    method: 'GET',
    path: '/api/v1/halls/:id/screen',
    summary: 'The public call screen: latest calls to windows and how many wait (no personal data)',
    tag: 'halls',
    access: 'public',
    params: IdParams,
    response: HallScreen,
  }),
  queue: defineRoute({
    id: 'halls.queue',
    method: 'GET',
    path: '/api/v1/halls/:id/queue',
    summary: 'Window clerks: today’s waiting tickets and the windows',
    tag: 'halls',
    access: { permission: 'halls.operate' },
    params: IdParams,
    response: HallQueue,
  }),
  callNext: defineRoute({
    id: 'halls.callNext',
    method: 'POST',
    path: '/api/v1/halls/windows/:id/call-next',
    summary: '叫号: call the next ticket this window serves (appointments first); 409 when nobody waits',
    tag: 'halls',
    access: { permission: 'halls.operate' },
    params: IdParams,
    response: Visit,
  }),
  visit: defineRoute({
    id: 'halls.visit',
    method: 'GET',
    path: '/api/v1/halls/visits/:id',
    summary: 'One visit (the visitor, or clerks of the hall)',
    tag: 'halls',
    access: 'session',
    params: IdParams,
    response: Visit,
  }),
  serve: defineRoute({
    id: 'halls.serve',
    method: 'POST',
    path: '/api/v1/halls/visits/:id/serve',
    summary: 'The visitor arrived at the window: serving starts',
    tag: 'halls',
    access: { permission: 'halls.operate' },
    params: IdParams,
    body: z.strictObject({ ...Versioned }),
    response: Visit,
  }),
  finish: defineRoute({
    id: 'halls.finish',
    method: 'POST',
    path: '/api/v1/halls/visits/:id/finish',
    summary: 'Served: the visit ends (and may be rated, 一次一评)',
    tag: 'halls',
    access: { permission: 'halls.operate' },
    params: IdParams,
    body: z.strictObject({ ...Versioned }),
    response: Visit,
  }),
  noShow: defineRoute({
    id: 'halls.noShow',
    method: 'POST',
    path: '/api/v1/halls/visits/:id/no-show',
    summary: '过号: the visitor did not come to the window',
    tag: 'halls',
    access: { permission: 'halls.operate' },
    params: IdParams,
    body: z.strictObject({ ...Versioned }),
    response: Visit,
  }),
  linkApplication: defineRoute({
    id: 'halls.linkApplication',
    method: 'POST',
    path: '/api/v1/halls/visits/:id/application',
    summary: 'Link the application the clerk started or continued for the visitor',
    tag: 'halls',
    access: { permission: 'halls.operate' },
    params: IdParams,
    body: z.strictObject({ ...Versioned, applicationId: z.string().min(1).max(64).describe('The application\'s id, or the number its applicant shows in 我的办件') }),
    response: Visit,
  }),
} as const;
