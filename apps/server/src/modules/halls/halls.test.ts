import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { finishedVisit, standAt, TUESDAY_10AM, visitor } from './halls.fixture.ts';
import { RESIDENCE, residenceBody } from '../applications/applications.fixture.ts';

for (const engine of testEngines()) {
  describe(`政务服务大厅 halls [${engine}]`, () => {
    let t: TestApp;
    let zhang: Session;
    let clerk: Session;
    let admin: Session;
    before(async () => {
      t = await createTestApp(engine);
      standAt(t, TUESDAY_10AM);
      [zhang, clerk, admin] = await Promise.all([t.login('resident.zhang'), t.login('cy.hall.clerk'), t.login('cy.service.admin')]);
    });
    after(() => t.cleanup());

    it('lists the seeded halls with their unit, hours and windows serving items', async () => {
      const list = (await t.call('GET', '/api/v1/halls?within=110105')).json().items;
      assert.deepEqual(list.map((h: { id: string }) => h.id).sort(), ['cy-district', 'cy-jianwai']);
      const hall = (await t.call('GET', '/api/v1/halls/cy-district')).json();
      assert.equal(hall.name, '朝阳区政务服务中心');
      assert.equal(hall.unit.code, '110105A01');
      assert.equal(hall.openNow, true);
      assert.deepEqual(hall.hours, { days: 'working_days', opens: '09:00', closes: '17:00', note: hall.hours.note });
      const residence = hall.windows.find((w: { number: number }) => w.number === 4);
      assert.equal(residence.kind, 'item');
      assert.deepEqual(residence.items, ['BJ-GA-XK-0101']);
      const general = hall.windows.find((w: { number: number }) => w.number === 1);
      assert.deepEqual(general.items, hall.items.map((i: { code: string }) => i.code), 'a 综合窗口 serves every item of the hall');
      assert.equal((await t.call('GET', '/api/v1/halls/no-such-hall')).statusCode, 404);
    });

    it('shows a day of slots with remaining capacity; closed on a Sunday; past slots not bookable', async () => {
      const day = (await t.call('GET', '/api/v1/halls/cy-district/slots?date=2026-12-01')).json();
      assert.equal(day.open, true);
      assert.equal(day.slots.length, 16, '09:00–17:00 in 30-minute slots');
      assert.deepEqual(day.slots[0], { start: '09:00', end: '09:30', capacity: 6, booked: 0, remaining: 6, bookable: false });
      assert.equal(day.slots.find((s: { start: string }) => s.start === '10:00').bookable, true, 'the slot under way can still be booked');
      const sunday = (await t.call('GET', '/api/v1/halls/cy-district/slots?date=2026-12-06')).json();
      assert.deepEqual(sunday, { date: '2026-12-06', open: false, slots: [] });
      const bad = await t.call('GET', '/api/v1/halls/cy-district/slots?date=2026-02-30');
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, 'query.date');
    });

    it('gives the last seat of a slot to exactly as many concurrent bookings as it holds', async () => {
      const set = await t.call('PUT', '/api/v1/halls/cy-district/slots', { as: admin, body: { date: '2026-12-02', start: '10:30', capacity: 3 } });
      assert.equal(set.statusCode, 200, set.body);
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => t.jing.halls.book(visitor(i), 'cy-district', { date: '2026-12-02', start: '10:30' })));
      const ok = results.filter((r) => r.status === 'fulfilled');
      const full = results.filter((r) => r.status === 'rejected' && (r.reason as { code: string; details: { reason: string } }).details?.reason === 'slot_full');
      assert.equal(ok.length, 3);
      assert.equal(full.length, 5);
      const slot = (await t.call('GET', '/api/v1/halls/cy-district/slots?date=2026-12-02')).json().slots.find((s: { start: string }) => s.start === '10:30');
      assert.deepEqual([slot.booked, slot.remaining, slot.bookable], [3, 0, false]);
      const over = await t.call('POST', '/api/v1/halls/cy-district/appointments', { as: zhang, body: { date: '2026-12-02', start: '10:30' } });
      assert.equal(over.statusCode, 409);
      assert.match(over.json().error.message, /fully booked/);
      const below = await t.call('PUT', '/api/v1/halls/cy-district/slots', { as: admin, body: { date: '2026-12-02', start: '10:30', capacity: 2 } });
      assert.equal(below.statusCode, 409, 'capacity never drops below what is booked');
    });

    it('allows one active booking per person per slot; cancelling frees the seat', async () => {
      const body = { date: '2026-12-02', start: '14:00', itemCode: 'BJ-GA-XK-0101' };
      const first = await t.call('POST', '/api/v1/halls/cy-district/appointments', { as: zhang, body });
      assert.equal(first.statusCode, 201, first.body);
      assert.match(first.json().code, /^[A-Z0-9]{6}$/);
      const twice = await t.call('POST', '/api/v1/halls/cy-district/appointments', { as: zhang, body });
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.details.reason, 'already_booked');
      const remaining = async () => (await t.call('GET', '/api/v1/halls/cy-district/slots?date=2026-12-02')).json().slots.find((s: { start: string }) => s.start === '14:00').remaining;
      assert.equal(await remaining(), 5, 'the refused second booking took no seat');
      const cancelled = await t.call('POST', `/api/v1/halls/appointments/${first.json().id}/cancel`, { as: zhang, body: { version: 0 } });
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal(await remaining(), 6);
      assert.equal((await t.call('POST', `/api/v1/halls/appointments/${first.json().id}/cancel`, { as: zhang, body: { version: 1 } })).statusCode, 409);
      const again = await t.call('POST', '/api/v1/halls/cy-district/appointments', { as: zhang, body });
      assert.equal(again.statusCode, 201, 'a cancelled booking does not block a new one');
      const mine = (await t.call('GET', '/api/v1/halls/appointments/mine', { as: zhang })).json().items;
      assert.deepEqual(mine.map((a: { status: string }) => a.status).slice(0, 2), ['booked', 'cancelled']);
    });

    it('refuses bookings on closed days, between slots, out of the window or for items the hall does not handle', async () => {
      const cases: [object, string][] = [
        [{ date: '2026-12-06', start: '10:00' }, 'body.date'],
        [{ date: '2026-12-02', start: '10:10' }, 'body.start'],
        [{ date: '2026-12-01', start: '09:00' }, 'body.start'],
        [{ date: '2027-01-29', start: '10:00' }, 'body.start'],
        [{ date: '2026-12-02', start: '10:00', itemCode: 'NO-SUCH' }, 'body.itemCode'],
      ];
      for (const [body, path] of cases) {
        const r = await t.call('POST', '/api/v1/halls/cy-district/appointments', { as: zhang, body });
        assert.equal(r.statusCode, 400, `${JSON.stringify(body)}: ${r.body}`);
        assert.equal(r.json().error.details.issues[0].path, path);
      }
      assert.equal((await t.call('POST', '/api/v1/halls/cy-district/appointments', { body: { date: '2026-12-02', start: '10:00' } })).statusCode, 401);
    });

    it('numbers tickets per hall and day, refuses a closed hall, and calls appointments first', async () => {
      const biz = await t.login('biz.owner');
      standAt(t, Date.parse('2026-12-01T20:00:00+08:00'));
      const closed = await t.call('POST', '/api/v1/halls/cy-jianwai/tickets', { as: zhang, body: {} });
      assert.equal(closed.statusCode, 409);
      assert.equal(closed.json().error.details.reason, 'hall_closed');
      standAt(t, Date.parse('2026-12-06T10:00:00+08:00'));
      assert.equal((await t.call('POST', '/api/v1/halls/cy-jianwai/tickets', { as: zhang, body: {} })).statusCode, 409, 'closed on Sunday');

      // Wednesday: biz books 10:00, zhang walks in first, biz arrives with the code.
      standAt(t, Date.parse('2026-12-02T09:40:00+08:00'));
      const booked = (await t.call('POST', '/api/v1/halls/cy-jianwai/appointments', { as: biz, body: { date: '2026-12-02', start: '10:00' } })).json();
      const walkIn = (await t.call('POST', '/api/v1/halls/cy-jianwai/tickets', { as: zhang, body: {} })).json();
      assert.equal(walkIn.label, 'A001');
      const dup = await t.call('POST', '/api/v1/halls/cy-jianwai/tickets', { as: zhang, body: {} });
      assert.equal(dup.json().error.details.reason, 'already_queued');
      const strangers = await t.call('POST', '/api/v1/halls/cy-jianwai/tickets', { as: zhang, body: { appointmentCode: booked.code } });
      assert.equal(strangers.statusCode, 409, 'zhang still holds A001');
      const withCode = await t.call('POST', '/api/v1/halls/cy-jianwai/tickets', { as: biz, body: { appointmentCode: booked.code } });
      assert.equal(withCode.statusCode, 201, withCode.body);
      assert.equal(withCode.json().label, 'Y001');
      assert.equal(withCode.json().kind, 'appointment');
      const status = (await t.call('GET', `/api/v1/halls/tickets/${walkIn.id}`, { as: zhang })).json();
      assert.equal(status.ahead, 1, 'the appointment goes first');
      assert.equal((await t.call('GET', `/api/v1/halls/tickets/${walkIn.id}`, { as: biz })).statusCode, 404, 'someone else’s ticket');

      const hall = (await t.call('GET', '/api/v1/halls/cy-jianwai')).json();
      const first = (await t.call('POST', `/api/v1/halls/windows/${hall.windows[0].id}/call-next`, { as: clerk })).json();
      assert.equal(first.ticket, 'Y001');
      const second = (await t.call('POST', `/api/v1/halls/windows/${hall.windows[1].id}/call-next`, { as: clerk })).json();
      assert.equal(second.ticket, 'A001');
      const mine = (await t.call('GET', `/api/v1/halls/tickets/${walkIn.id}`, { as: zhang })).json();
      assert.deepEqual([mine.status, mine.window.number, mine.visitId], ['called', 2, second.id]);
      const appointment = (await t.call('GET', '/api/v1/halls/appointments/mine', { as: biz })).json().items[0];
      assert.deepEqual([appointment.status, appointment.ticketId], ['checked_in', withCode.json().id]);

      // The next day numbering starts again.
      for (const v of [first, second]) await t.call('POST', `/api/v1/halls/visits/${v.id}/no-show`, { as: clerk, body: { version: v.version } });
      standAt(t, Date.parse('2026-12-03T09:05:00+08:00'));
      assert.equal((await t.call('POST', '/api/v1/halls/cy-jianwai/tickets', { as: zhang, body: {} })).json().label, 'A001');
      standAt(t, TUESDAY_10AM);
    });

    it('never gives two clerks calling at once the same ticket', async () => {
      standAt(t, Date.parse('2026-12-04T10:00:00+08:00'));
      const extra = [];
      for (const n of [11, 12, 13, 14]) {
        const w = await t.call('POST', '/api/v1/halls/cy-district/windows', { as: admin, body: { number: n, name: '综合窗口', kind: 'general', items: [] } });
        assert.equal(w.statusCode, 201, w.body);
        extra.push(w.json().id as string);
      }
      const hall = (await t.call('GET', '/api/v1/halls/cy-district')).json();
      const windows = hall.windows.filter((w: { kind: string }) => w.kind === 'general').map((w: { id: string }) => w.id);
      assert.equal(windows.length, 6);
      const tickets = [];
      for (let i = 0; i < 5; i++) tickets.push(await t.jing.hallQueue.takeTicket(visitor(100 + i), 'cy-district', {}));
      assert.deepEqual(tickets.map((x) => x.label), ['A001', 'A002', 'A003', 'A004', 'A005']);
      const calls = await Promise.all(windows.map((id: string) => t.call('POST', `/api/v1/halls/windows/${id}/call-next`, { as: clerk })));
      const won = calls.filter((c) => c.statusCode === 200).map((c) => c.json().ticket).sort();
      assert.deepEqual(won, ['A001', 'A002', 'A003', 'A004', 'A005']);
      const lost = calls.filter((c) => c.statusCode !== 200);
      assert.equal(lost.length, 1);
      assert.equal(lost[0]!.json().error.details.reason, 'no_waiting');
      const busy = await t.call('POST', `/api/v1/halls/windows/${calls.find((c) => c.statusCode === 200)!.json().window.id}/call-next`, { as: clerk });
      assert.equal(busy.json().error.details.reason, 'window_busy');
      for (const c of calls.filter((x) => x.statusCode === 200)) {
        const v = c.json();
        assert.equal((await t.call('POST', `/api/v1/halls/visits/${v.id}/no-show`, { as: clerk, body: { version: v.version } })).statusCode, 200);
      }
      for (const id of extra) await t.call('PATCH', `/api/v1/halls/windows/${id}`, { as: admin, body: { version: 0, active: false } });
      standAt(t, TUESDAY_10AM);
    });

    it('lets an item window call only tickets for its items', async () => {
      standAt(t, Date.parse('2026-12-07T10:00:00+08:00'));
      const hall = (await t.call('GET', '/api/v1/halls/cy-district')).json();
      const residenceWindow = hall.windows.find((w: { number: number }) => w.number === 4).id;
      await t.call('POST', '/api/v1/halls/cy-district/tickets', { as: zhang, body: {} });
      const none = await t.call('POST', `/api/v1/halls/windows/${residenceWindow}/call-next`, { as: clerk });
      assert.equal(none.statusCode, 409, 'a ticket without an item waits for a 综合窗口');
      const bizTicket = await t.jing.hallQueue.takeTicket(visitor(300), 'cy-district', { itemCode: 'BJ-GA-XK-0101' });
      const called = await t.call('POST', `/api/v1/halls/windows/${residenceWindow}/call-next`, { as: clerk });
      assert.equal(called.json().ticket, bizTicket.label);
      await t.call('POST', `/api/v1/halls/visits/${called.json().id}/no-show`, { as: clerk, body: { version: 0 } });
      standAt(t, TUESDAY_10AM);
    });

    it('serves a visit through to the end, links the visitor’s application, shows it on the public screen without names', async () => {
      const biz = await t.login('biz.owner');
      // 张伟 applied online for a residence permit; at the hall he takes a ticket naming no item (a walk-in).
      const applied = await t.call('POST', '/api/v1/applications', { as: zhang, body: await residenceBody(t, zhang) });
      assert.equal(applied.statusCode, 201, applied.body);
      const applicationId = applied.json().id as string;
      standAt(t, Date.parse('2026-12-08T11:00:00+08:00'));
      const visit = await finishedVisit(t, zhang, clerk, 'cy-jianwai', false);
      assert.equal(visit.status, 'serving');
      assert.equal((visit as unknown as { itemCode: string | null }).itemCode, null);
      const link = (as: Session, id: string, version = visit.version) => t.call('POST', `/api/v1/halls/visits/${visit.id}/application`, { as, body: { version, applicationId: id } });
      assert.equal((await link(zhang, applicationId)).statusCode, 403, 'residents do not operate windows');
      const missing = await link(clerk, 'no-such-application');
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().error.details.issues[0].path, 'body.applicationId');
      // 周强's visit cannot take 张伟's application.
      const other = await finishedVisit(t, biz, clerk, 'cy-jianwai', false);
      const notTheirs = await t.call('POST', `/api/v1/halls/visits/${other.id}/application`, { as: clerk, body: { version: other.version, applicationId } });
      assert.equal(notTheirs.statusCode, 400);
      assert.match(notTheirs.json().error.details.issues[0].message, /someone other than this visitor/);
      await t.call('POST', `/api/v1/halls/visits/${other.id}/finish`, { as: clerk, body: { version: other.version } });
      // The clerk types the number the visitor shows on the phone (我的办件), not the internal id.
      const linked = await link(clerk, applied.json().number as string);
      assert.equal(linked.statusCode, 200, linked.body);
      assert.deepEqual([linked.json().applicationId, linked.json().itemCode], [applicationId, RESIDENCE], 'the walk-in visit counts for the application’s item');
      const stale = await t.call('POST', `/api/v1/halls/visits/${visit.id}/finish`, { as: clerk, body: { version: visit.version } });
      assert.equal(stale.statusCode, 409);
      const done = (await t.call('POST', `/api/v1/halls/visits/${visit.id}/finish`, { as: clerk, body: { version: linked.json().version } })).json();
      assert.equal(done.status, 'finished');
      assert.equal((await t.call('POST', `/api/v1/halls/visits/${visit.id}/no-show`, { as: clerk, body: { version: done.version } })).statusCode, 409);
      const seen = await t.call('GET', `/api/v1/halls/visits/${visit.id}`, { as: zhang });
      assert.equal(seen.json().clerk.name.length > 0, true);
      assert.equal((await t.call('GET', `/api/v1/halls/visits/${visit.id}`, { as: biz })).statusCode, 404);
      const screen = await t.call('GET', '/api/v1/halls/cy-jianwai/screen');
      assert.equal(screen.statusCode, 200);
      assert.ok(screen.json().calls.some((c: { ticket: string }) => c.ticket === visit.ticket));
      assert.ok(!screen.body.includes('张伟'), 'no names on the public screen');
      const queue = await t.call('GET', '/api/v1/halls/cy-jianwai/queue', { as: zhang });
      assert.equal(queue.statusCode, 403);
      const audit = await t.jing.database.db.selectFrom('audit_log').select('action').where('target_id', '=', visit.id).execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['halls.call', 'halls.finish', 'halls.link_application', 'halls.serve']);
      standAt(t, TUESDAY_10AM);
    });

    it('lets the service administration edit halls and windows in its scope only', async () => {
      const hall = (await t.call('GET', '/api/v1/halls/cy-jianwai')).json();
      const patched = await t.call('PATCH', '/api/v1/halls/cy-jianwai', { as: admin, body: { version: hall.version, slotCapacity: 4, hours: { days: 'working_days', opens: '08:30', closes: '17:00', note: null } } });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().slotCapacity, 4);
      const bad = await t.call('PATCH', '/api/v1/halls/cy-jianwai', { as: admin, body: { version: patched.json().version, hours: { days: 'working_days', opens: '17:00', closes: '09:00', note: null } } });
      assert.equal(bad.json().error.details.issues[0].path, 'body.hours.closes');
      assert.equal((await t.call('PATCH', '/api/v1/halls/bj-municipal', { as: admin, body: { version: 0, slotCapacity: 1 } })).statusCode, 404, 'the municipal centre is out of a district admin’s scope');
      const dupWindow = await t.call('POST', '/api/v1/halls/cy-jianwai/windows', { as: admin, body: { number: 1, name: 'x', kind: 'general', items: [] } });
      assert.equal(dupWindow.json().error.details.issues[0].path, 'body.number');
      const foreignItem = await t.call('POST', '/api/v1/halls/cy-jianwai/windows', { as: admin, body: { number: 9, name: 'x', kind: 'item', items: ['BJ-SJ-XK-0301'] } });
      assert.equal(foreignItem.json().error.details.issues[0].path, 'body.items.0');
      assert.equal((await t.call('PATCH', '/api/v1/halls/cy-jianwai', { as: clerk, body: { version: 0 } })).statusCode, 403);
    });
  });
}
