import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, testEngines, type Session, type TestApp } from '../../testing.ts';
import { idNumberCheckChar, usccCheckChar } from './identity.validation.ts';

const validId = (first17: string) => first17 + idNumberCheckChar(first17);
const PASSWORD = 'correct-horse-battery';

for (const engine of testEngines()) {
  describe(`identity: residents, businesses, staff [${engine}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(engine);
    });
    after(() => t.cleanup());

    it('registers a resident, keeps the ID number encrypted, and shows it in full only to the person', async () => {
      const idNumber = validId('11010819900101123');
      const r = await t.call('POST', '/api/v1/accounts/residents', { body: { username: 'li.na', password: PASSWORD, name: '李娜', idNumber, phone: '13800138000' } });
      assert.equal(r.statusCode, 201, r.body);
      const row = await t.jing.database.db.selectFrom('accounts').selectAll().where('username', '=', 'li.na').executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes(idNumber), 'the clear number is nowhere in the row');
      assert.ok(!JSON.stringify(row).includes('13800138000'), 'nor the phone number');
      const me = await t.login('li.na', PASSWORD);
      assert.equal(me.me.idNumberMasked, `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
      const self = await t.call('GET', `/api/v1/accounts/${me.me.id}`, { as: me });
      assert.equal(self.json().idNumber, idNumber);
      const street = await t.login('jianwai.officer');
      assert.equal((await t.call('GET', `/api/v1/accounts/${me.me.id}`, { as: street })).json().idNumber, me.me.idNumberMasked, 'staff without users.read_pii see it masked');
      const admin = await t.login('chaoyang.officer');
      assert.equal((await t.call('GET', `/api/v1/accounts/${me.me.id}`, { as: admin })).json().idNumber, idNumber, 'users.read_pii sees it');
      const other = await t.login('resident.zhang');
      assert.equal((await t.call('GET', `/api/v1/accounts/${me.me.id}`, { as: other })).statusCode, 404, 'another resident does not');
    });

    it('rejects an invalid check digit and a duplicate, naming the field, writing nothing', async () => {
      const bad = validId('11010819900101124').slice(0, 17) + (idNumberCheckChar('11010819900101124') === '0' ? '1' : '0');
      const r = await t.call('POST', '/api/v1/accounts/residents', { body: { username: 'bad.id', password: PASSWORD, name: '王五', idNumber: bad } });
      assert.equal(r.statusCode, 400);
      assert.deepEqual(r.json().error.details.issues[0], { path: 'body.idNumber', message: 'check digit does not match (GB 11643)' });
      const dup = await t.call('POST', '/api/v1/accounts/residents', { body: { username: 'li.na2', password: PASSWORD, name: '李娜', idNumber: validId('11010819900101123') } });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.details.issues[0].path, 'body.idNumber');
      const taken = await t.call('POST', '/api/v1/accounts/residents', { body: { username: 'li.na', password: PASSWORD, name: '李娜', idNumber: validId('11010819900101131') } });
      assert.equal(taken.json().error.details.issues[0].path, 'body.username');
      assert.equal(await t.jing.database.db.selectFrom('accounts').select('id').where('username', 'in', ['bad.id', 'li.na2']).executeTakeFirst(), undefined);
    });

    it('lets a resident register a business and act for it (代理), with both recorded in the audit log', async () => {
      const person = await t.login('li.na', PASSWORD);
      const uscc = '91110108MA01XYW12' + usccCheckChar('91110108MA01XYW12');
      const bad = await t.call('POST', '/api/v1/accounts/businesses', { as: person, body: { name: '测试公司', uscc: uscc.slice(0, 17) + (uscc.endsWith('0') ? '1' : '0') } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details.issues[0].path, 'body.uscc');
      const biz = await t.call('POST', '/api/v1/accounts/businesses', { as: person, body: { name: '北京测试科技有限公司', uscc } });
      assert.equal(biz.statusCode, 201, biz.body);
      const me = (await t.call('GET', '/api/v1/auth/me', { as: person })).json();
      assert.deepEqual(me.canActFor.map((p: { displayName: string }) => p.displayName), ['北京测试科技有限公司']);
      const acting = await t.call('POST', '/api/v1/auth/act-as', { as: person, body: { principalId: biz.json().id } });
      assert.equal(acting.statusCode, 200, acting.body);
      assert.equal(acting.json().actingFor.displayName, '北京测试科技有限公司');
      const row = await t.jing.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.act_as').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(row.actor_id, person.me.id);
      // While acting, a change is recorded with both the real actor and the principal.
      const logout = await t.call('POST', '/api/v1/auth/logout', { as: person });
      assert.equal(logout.statusCode, 200);
      const out = await t.jing.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.logout').orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual([out.actor_id, out.on_behalf_of_id], [person.me.id, biz.json().id]);
      const stranger = await t.login('resident.zhang');
      assert.equal((await t.call('POST', '/api/v1/auth/act-as', { as: stranger, body: { principalId: biz.json().id } })).statusCode, 404);
    });

    it('lets staff delegate to a colleague, who then acts with the principal’s scope', async () => {
      const chief = await t.login('chaoyang.officer');
      const deputy = await t.login('jianwai.officer');
      assert.equal((await t.call('GET', '/api/v1/org/units/110105/staff', { as: deputy })).statusCode, 404);
      const until = new Date(Date.now() + 86400_000).toISOString();
      assert.equal((await t.call('POST', '/api/v1/delegations', { as: chief, body: { delegateId: deputy.me.id, until } })).statusCode, 201);
      const acting = await t.call('POST', '/api/v1/auth/act-as', { as: deputy, body: { principalId: chief.me.id } });
      assert.equal(acting.json().actingFor.id, chief.me.id);
      assert.equal((await t.call('GET', '/api/v1/org/units/110105/staff', { as: deputy })).statusCode, 200, 'the chief’s district scope applies');
      const past = await t.call('POST', '/api/v1/delegations', { as: chief, body: { delegateId: deputy.me.id, until: '2020-01-01T00:00:00Z' } });
      assert.equal(past.json().error.details.issues[0].path, 'body.until');
    });

    it('creates staff within scope without privilege escalation', async () => {
      const admin = await t.login('chaoyang.officer');
      const ok = await t.call('POST', '/api/v1/org/units/110105001/staff', { as: admin, body: { username: 'new.clerk', password: PASSWORD, name: '新职员', position: '科员', roles: ['org_admin'] } });
      assert.equal(ok.statusCode, 201, ok.body);
      // Haidian's officer manages users but is no auditor: he cannot make one.
      const haidian = await t.login('haidian.officer');
      const tooMuch = await t.call('POST', '/api/v1/org/units/110108001/staff', { as: haidian, body: { username: 'new.auditor', password: PASSWORD, name: '新审计', position: '科员', roles: ['auditor'] } });
      assert.equal(tooMuch.statusCode, 403, tooMuch.body);
      assert.equal(await t.jing.accounts.findByUsername('new.auditor'), undefined);
      const clerk = await t.login('new.clerk', PASSWORD);
      assert.ok((clerk.me.permissions as string[]).includes('org.write'));
    });

    it('changes a password, ending the other sessions', async () => {
      const a = await t.login('new.clerk', PASSWORD);
      const b = await t.login('new.clerk', PASSWORD);
      const wrong = await t.call('POST', '/api/v1/auth/password', { as: a, body: { currentPassword: 'nope', newPassword: 'another-long-password' } });
      assert.equal(wrong.json().error.details.issues[0].path, 'body.currentPassword');
      assert.equal((await t.call('POST', '/api/v1/auth/password', { as: a, body: { currentPassword: PASSWORD, newPassword: 'another-long-password' } })).statusCode, 200);
      assert.equal((await t.call('GET', '/api/v1/auth/me', { as: a })).statusCode, 200);
      assert.equal((await t.call('GET', '/api/v1/auth/me', { as: b })).statusCode, 401);
      assert.equal((await t.call('POST', '/api/v1/auth/login', { body: { username: 'new.clerk', password: PASSWORD } })).statusCode, 401);
    });

    it('locks an account after repeated wrong passwords', async () => {
      for (let i = 0; i < 5; i++) {
        const r = await t.call('POST', '/api/v1/auth/login', { body: { username: 'hotline.operator', password: 'wrong' }, headers: { 'x-forwarded-for': `10.0.0.${i}` } });
        assert.equal(r.statusCode, 401);
      }
      const locked = await t.call('POST', '/api/v1/auth/login', { body: { username: 'hotline.operator', password: 'Jing@2026demo' } });
      assert.equal(locked.statusCode, 429);
      assert.ok(await t.jing.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'auth.lock').executeTakeFirst());
    });

    it('logs out', async () => {
      const s: Session = await t.login('resident.zhang');
      assert.equal((await t.call('POST', '/api/v1/auth/logout', { as: s })).statusCode, 200);
      assert.equal((await t.call('GET', '/api/v1/auth/me', { as: s })).statusCode, 401);
    });
  });
}
