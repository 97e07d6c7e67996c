/**
 * Test helpers for halls and ratings: a clock standing at a given Beijing
 * time, callers for many visitors, and a whole visit (ticket → call → serve →
 * finish) arranged through the HTTP API.
 */
import assert from 'node:assert/strict';
import type { Caller } from '../../platform/auth/context.ts';
import type { Session, TestApp } from '../../testing.ts';

/** Tuesday 1 December 2026, 10:00 in Beijing: a working day, the halls open. */
export const TUESDAY_10AM = Date.parse('2026-12-01T10:00:00+08:00');

/** Stands the halls' clock at `ms` (the queue reads the same clock). */
export function standAt(t: TestApp, ms: number): void {
  t.jing.halls.clock = () => ms;
}

/** A signed-in resident that is not a demo account (for many visitors at once). */
export function visitor(n: number): Caller {
  const subject = { id: `test-visitor-${n}`, kind: 'resident' as const, displayName: `访客${n}`, unitCode: null };
  return { auth: { sessionId: `s${n}`, csrfToken: 'x', actor: subject, principal: subject, grants: [], permissions: new Map() }, requestId: null };
}

/** A finished visit of `who` at `hallId`, served by the Chaoyang hall clerk at window 1. Returns the visit. */
export async function finishedVisit(t: TestApp, who: Session, clerk: Session, hallId = 'cy-district', finish = true) {
  const ticket = await t.call('POST', `/api/v1/halls/${hallId}/tickets`, { as: who, body: {} });
  assert.equal(ticket.statusCode, 201, ticket.body);
  const hall = (await t.call('GET', `/api/v1/halls/${hallId}`)).json();
  const window = hall.windows.find((w: { kind: string; current: unknown }) => w.kind === 'general' && !w.current);
  const called = await t.call('POST', `/api/v1/halls/windows/${window.id}/call-next`, { as: clerk });
  assert.equal(called.statusCode, 200, called.body);
  let visit = called.json();
  assert.equal(visit.ticket, ticket.json().label, 'the only waiting ticket is called');
  visit = (await t.call('POST', `/api/v1/halls/visits/${visit.id}/serve`, { as: clerk, body: { version: visit.version } })).json();
  if (finish) visit = (await t.call('POST', `/api/v1/halls/visits/${visit.id}/finish`, { as: clerk, body: { version: visit.version } })).json();
  return visit as { id: string; status: string; version: number; ticket: string };
}
