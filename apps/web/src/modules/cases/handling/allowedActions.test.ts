import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseView } from '../api.ts';
import { allowedActions } from './allowedActions.ts';

const STREET = '110105001';
const AGENCY = '110105A03';

/** A case as the server shows it, dispatched to 建外街道; override what a test needs. */
function aCase(over: Partial<CaseView> = {}): CaseView {
  return {
    id: 'c1', number: '12345-20261128-000001', type: 'complaint', channel: 'tong',
    category: { code: 'noise_construction', name: { 'zh-CN': '施工噪音扰民', en: 'Construction noise' } },
    description: 'night works', location: null, address: null, district: { code: '110105', name: '朝阳区' },
    street: { code: STREET, name: '建外街道' }, status: 'dispatched', handler: { code: STREET, name: '建外街道' },
    anonymous: false, reporter: null, signDueAt: null, contactDueAt: null, resolveDueAt: null, contactedAt: null,
    repliedAt: null, closedAt: null, duplicateOf: null, mergedInto: null, related: [], attachments: [], rating: null,
    extension: null, participants: [], version: 0, createdAt: '2026-11-28T00:00:00Z', events: [], ...over,
  };
}
const street = { unitCode: STREET, permissions: ['directory.read'] };
const summoned = { unit: { code: AGENCY, name: '城管委' }, role: 'summoned' as const, invitedAt: '2026-11-28T01:00:00Z', checkinDueAt: '2026-11-28T01:30:00Z', checkedInAt: null, score: null };

describe('the actions a case page offers', () => {
  it('lets the handling street sign for a new case or return it, but not reply yet', () => {
    assert.deepEqual(allowedActions(aCase(), street), ['sign', 'note', 'return', 'assist']);
  });

  it('lets the street contact, whistle and ask for time once signed; reply only after contact', () => {
    const signed = allowedActions(aCase({ status: 'signed' }), street);
    assert.ok(signed.includes('contact') && signed.includes('whistle') && signed.includes('extension'));
    assert.ok(!signed.includes('reply'));
    assert.ok(allowedActions(aCase({ status: 'contacted' }), street).includes('reply'));
  });

  it('offers a summoned agency its check-in until it has checked in, and nothing of the lead’s', () => {
    const agency = { unitCode: AGENCY, permissions: [] };
    assert.deepEqual(allowedActions(aCase({ status: 'contacted', participants: [summoned] }), agency), ['checkin', 'note']);
    const checkedIn = { ...summoned, checkedInAt: '2026-11-28T01:10:00Z' };
    assert.deepEqual(allowedActions(aCase({ status: 'contacted', participants: [checkedIn] }), agency), ['note']);
  });

  it('lets the street score a summoned agency after the reply, once', () => {
    assert.deepEqual(allowedActions(aCase({ status: 'replied', participants: [summoned] }), street), ['score']);
    assert.deepEqual(allowedActions(aCase({ status: 'replied', participants: [{ ...summoned, score: 5 }] }), street), []);
  });

  it('gives the dispatch centre returned cases to dispatch and pending extensions to decide', () => {
    const centre = { unitCode: '110000A15', permissions: ['cases.intake', 'cases.dispatch', 'cases.read'] };
    assert.deepEqual(allowedActions(aCase({ status: 'returned', handler: { code: '110000A15', name: '12345' } }), centre), ['dispatch', 'merge', 'split']);
    const pending = aCase({ status: 'signed', extension: { requestedDueAt: '2026-12-02T00:00:00Z', reason: 'parts' } });
    assert.deepEqual(allowedActions(pending, centre), ['decideExtension', 'assist', 'merge', 'split']);
  });

  it('lets only the dispatch centre merge (合并) or split (拆分), and only cases not yet answered', () => {
    const centre = { unitCode: '110000A15', permissions: ['cases.intake', 'cases.dispatch', 'cases.read'] };
    for (const status of ['dispatched', 'signed', 'contacted', 'returned'] as const) {
      const offered = allowedActions(aCase({ status, duplicateOf: 'c0' }), centre);
      assert.ok(offered.includes('merge') && offered.includes('split'), status);
    }
    for (const status of ['replied', 'closed', 'answered', 'merged'] as const) {
      assert.deepEqual(allowedActions(aCase({ status }), centre).filter((a) => a === 'merge' || a === 'split'), [], status);
    }
    assert.ok(!allowedActions(aCase({ duplicateOf: 'c0' }), street).includes('merge'), 'not the handling street');
  });

  it('lets an operator answer only a consultation still waiting', () => {
    const operator = { unitCode: '110000A15', permissions: ['cases.intake'] };
    assert.deepEqual(allowedActions(aCase({ type: 'consult' }), operator), ['answer']);
    assert.deepEqual(allowedActions(aCase({ type: 'complaint' }), operator), []);
  });

  it('does not offer 吹哨 to an agency leading a case (it is for streets and towns)', () => {
    const agencyCase = aCase({ status: 'signed', handler: { code: AGENCY, name: '城管委' } });
    assert.ok(!allowedActions(agencyCase, { unitCode: AGENCY, permissions: [] }).includes('whistle'));
  });
});
